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
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sichuan's form in Word, from its example: the 11-column table its template states, merges and all. */
class SichuanDocxTest {

    private static List<TableRow> rows;

    @BeforeAll
    static void render() throws Exception {
        DocxRendererTest.createRenderer();
        DocxRenderer renderer = new DocxRenderer(Path.of("templates", "sichuan", "form.docx"), Form.SICHUAN,
                DocxRendererTest.FONTS, DocxRendererTest.library, List.of());
        try (XWPFDocument document = DocxInspection.open(renderer.render(FormLayout.of(RegionalExamples.sichuan())))) {
            rows = DocxInspection.rows(document);
        }
    }

    @Test
    void theBasicsAndTheBudgetBlockHaveThePublishedSpansAndMerges() {
        assertRow(0, "[0+1 项目名称, 1+10 51082423T000000123456-云溪县2023年农村供水保障工程]");
        assertRow(2, "[0+1 项目基本情况 restart, 1+2 1.项目年度目标完成情况 restart, 3+4 项目年度目标, 7+4 年度目标完成情况]");
        assertRow(3, "[0+1  continue, 1+2  continue, 3+4 新建集中供水工程3处，改造供水管网12公里，巩固提升8000名农村人口供水保障水平。,"
                + " 7+4 建成集中供水工程3处，改造供水管网12.6公里，受益人口8450人，工程全部通过竣工验收。]");
        assertRow(5, "[0+1 预算执行情况（10分） restart, 1+2 年度预算数（万元）, 3+1 年初预算, 4+2 调整后预算数, 6+1 预算执行数,"
                + " 7+1 预算执行率, 8+1 权重, 9+1 得分, 10+1 原因]");
        assertRow(6, "[0+1  continue, 1+2 总额, 3+1 480, 4+2 480, 6+1 472.3, 7+1 98.40%, 8+1 10, 9+1 9.84,"
                + " 10+1 管网材料集中采购价格低于预算，结余7.7万元，已按规定收回。 restart]");
        assertRow(9, "[0+1  continue, 1+2 单位资金, 3+1 30, 4+2 30, 6+1 27, 7+1 90.00%, 8+1 /, 9+1 /, 10+1  continue]");
        assertRow(10, "[0+1  continue, 1+2 其他资金, 3+1 , 4+2 , 6+1 , 7+1 , 8+1 /, 9+1 /, 10+1  continue]");
    }

    @Test
    void theIndicatorRowsRepeatUnderARepeatedHeaderAndTheFormEndsWithTheSignatures() {
        TableRow header = rows.get(11);
        assertEquals(1, header.table());
        assertEquals(0, header.index());
        assertTrue(header.row().isRepeatHeader());
        assertRow(12, "[0+1  continue, 1+1 产出指标 restart, 2+1 数量指标 restart, 3+1 新建集中供水工程, 4+1 ≥, 5+1 3,"
                + " 6+1 处, 7+1 3, 8+1 15, 9+1 15, 10+1 ]");
        assertRow(18, "[0+1  continue, 1+1  continue, 2+1  continue, 3+1 农村供水保障水平, 4+1 定性, 5+1 明显提升, 6+1 ,"
                + " 7+1 有所提升, 8+1 5, 9+1 4, 10+1 部分高位村组水压不足；拟于2024年加装加压泵站。]");
        assertEquals(26, rows.size());
        assertRow(21, "[0+8 合计, 8+1 100, 9+1 98.84, 10+1 ]");
        assertRow(25, "[0+6 项目负责人：赵明远, 6+5 财务负责人：刘芳]");
    }

    private static void assertRow(int index, String expected) {
        assertEquals(expected, rows.get(index).cells().stream().map(SichuanDocxTest::describe).toList().toString(),
                "row " + index);
    }

    /** A cell as {@code column+span text [restart|continue]}. */
    private static String describe(TableCell cell) {
        return cell.column() + "+" + cell.columnSpan() + " " + cell.text()
                + (cell.merge() == Merge.NONE ? "" : " " + cell.merge().name().toLowerCase());
    }
}
