package cn.jixiao.render.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Form;
import cn.jixiao.render.docx.DocxInspection.Merge;
import cn.jixiao.render.docx.DocxInspection.TableCell;
import cn.jixiao.render.docx.DocxInspection.TableRow;
import cn.jixiao.testing.RegionalExamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 衔接资金 form in Word, from its example: the table its template states (spans, the block labels merged down)
 * with the indicator row repeated and its 一级 and 二级 cells merged down their groups.
 */
class XianjieDocxTest {

    private static List<TableRow> rows;

    @BeforeAll
    static void render() throws Exception {
        DocxRendererTest.createRenderer();
        DocxRenderer renderer = new DocxRenderer(Path.of("templates", "xianjie", "form.docx"), Form.XIANJIE,
                DocxRendererTest.FONTS, DocxRendererTest.library, List.of());
        try (XWPFDocument document = DocxInspection.open(renderer.render(FormLayout.of(RegionalExamples.xianjie())))) {
            rows = DocxInspection.rows(document);
        }
    }

    @Test
    void theHeaderRowsHaveThePublishedSpans() {
        assertRow(0, "[0+1 项目名称, 1+3 2023年桃源镇桃树种植产业发展项目, 4+2 项目负责人及电话, 6+3 王建华0558-6127340]");
        assertRow(1, "[0+1 主管部门, 1+3 青山县乡村振兴局, 4+2 实施单位, 6+3 青山县桃源镇人民政府]");
        assertRow(2, "[0+1 资金情况（万元） restart, 1+2 , 3+1 全年预算数（A）, 4+2 全年执行数（B）, 6+1 分值,"
                + " 7+1 执行率（B/A）, 8+1 得分]");
        assertRow(3, "[0+1  continue, 1+2 年度资金总额：, 3+1 300, 4+2 295.6, 6+1 10, 7+1 98.53%, 8+1 9.85]");
        assertRow(4, "[0+1  continue, 1+2 其中：本年财政拨款, 3+1 300, 4+2 295.6, 6+1 10, 7+1 98.53%, 8+1 9.85]");
        assertRow(5, "[0+1  continue, 1+2 其他资金, 3+1 0, 4+2 0, 6+1 , 7+1 , 8+1 ]");
        assertRow(6, "[0+1 年度总体目标 restart, 1+3 年初设定目标, 4+5 年度总体目标完成情况综述]");
    }

    @Test
    void theIndicatorHeaderRepeatsOnEveryPageAndPutsTheWeightBeforeTheValues() {
        TableRow header = rows.get(8);
        assertEquals(1, header.table());
        assertEquals(0, header.index());
        assertTrue(header.row().isRepeatHeader());
        assertRow(8, "[0+1 绩效指标 restart, 1+1 一级指标, 2+1 二级指标, 3+1 三级指标, 4+1 分值, 5+1 年度指标值,"
                + " 6+1 全年实际值, 7+1 得分, 8+1 未完成原因及拟采取的改进措施]");
    }

    @Test
    void the一级And二级CellsAreMergedDownTheirGroups() {
        List<String> level1 = new ArrayList<>();
        List<String> level2 = new ArrayList<>();
        for (int row = 9; row < 18; row++) {
            assertEquals(Merge.CONTINUE, rows.get(row).cellAt(0).merge(), "绩效指标 runs down row " + row);
            level1.add(describe(rows.get(row).cellAt(1)));
            level2.add(describe(rows.get(row).cellAt(2)));
        }
        assertEquals(List.of("1+1 产出指标（50分） restart", "1+1  continue", "1+1  continue", "1+1  continue",
                "1+1  continue", "1+1 效益指标（30分） restart", "1+1  continue", "1+1  continue",
                "1+1 满意度指标（10分）"), level1);
        assertEquals(List.of("2+1 数量指标 restart", "2+1  continue", "2+1 质量指标", "2+1 时效指标", "2+1 成本指标",
                "2+1 经济效益指标", "2+1 社会效益指标", "2+1 可持续影响指标", "2+1 服务对象满意度指标"), level2);
        assertRow(10, "[0+1  continue, 1+1  continue, 2+1  continue, 3+1 其中桃树种植面积, 4+1 , 5+1 ≥450亩,"
                + " 6+1 480亩, 7+1 , 8+1 ]");
    }

    @Test
    void theTotalRowClosesTheTable() {
        assertEquals(19, rows.size());
        assertRow(18, "[0+4 总分, 4+1 100, 5+2 , 7+1 97.85, 8+1 ]");
    }

    private static void assertRow(int index, String expected) {
        assertEquals(expected, rows.get(index).cells().stream().map(XianjieDocxTest::describe).toList().toString(),
                "row " + index);
    }

    /** A cell as {@code column+span text [restart|continue]}. */
    private static String describe(TableCell cell) {
        return cell.column() + "+" + cell.columnSpan() + " " + cell.text()
                + (cell.merge() == Merge.NONE ? "" : " " + cell.merge().name().toLowerCase());
    }
}
