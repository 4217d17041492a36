package cn.jixiao.input.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Indicator;
import cn.jixiao.model.NumberOrText;
import cn.jixiao.diagnostics.Diagnostic;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Word and Excel forms laid out the way other programs make them import to the data they show. The normalizations
 * the import makes (each checked here): labels match whatever spaces, line breaks and full- or half-width
 * punctuation they are written with; amounts lose their unit {@code 万元} and thousands separators and keep their
 * decimals; a number cell gives the digits it shows; 执行率 {@code 87.00%} (text or percent cell) is the number 87.00;
 * {@code —}, {@code -}, {@code /} and empty amounts are null; an empty text cell is null; texts lose leading and
 * trailing spaces; spaces inside an 一级 or 二级 label between Chinese characters are dropped ({@code 产 出 指 标}).
 */
class OtherToolsTest {

    @TempDir
    Path directory;

    private final OfficeImport office = new OfficeImport(new EvaluationReader());

    @Test
    void wordFormWithTitleParagraphsAndMergedCells() throws Exception {
        Path file = write("2023自评.docx", OfficeForms.docx(List.of(
                "项目支出绩效自评表", "(2023 年度)", OfficeForms.seedForm("政府批准聘用人员支出"))));

        Evaluation form = single(file);
        assertEquals(2023, form.year());
        assertEquals("政府批准聘用人员支出", form.projectName());
        assertEquals("金凤区智慧城市运营中心", form.implementingUnit());
        assertEquals("207.6892", form.funds().total().initialBudget().toPlainString());
        assertEquals("180.97212", form.funds().fiscal().executed().toPlainString());
        assertEquals(NumberOrText.of(new BigDecimal("87.00")), form.funds().total().executionRate());
        assertNull(form.funds().carryover().annualBudget());
        assertEquals("按时发放聘用人员工资，确保工作正常开展", form.goals().actual());
        assertEquals(List.of(
                new Indicator("产出指标", "数量指标", "发放中心聘用人员", "28人", "1月-4月： 28人 5月-12月：",
                        number("15"), number("12"), "疫情结束后，解聘2名疫情防控人员"),
                new Indicator("产出指标", "质量指标", "按标准发放中心聘用人员工资", "100%", "100%",
                        number("15"), number("15"), null),
                new Indicator("效益指标", "社会效益", "无", "无", "无", NumberOrText.of("无"), NumberOrText.of("无"),
                        null),
                new Indicator("满意度", "服务对象满意度指标", "聘用人员对发放时间的满意度", "≥95", "≥95",
                        number("10"), number("10"), null)), form.indicators(), "the merged 产出指标 on both rows");
        assertEquals(new BigDecimal("45"), form.totalScore());
    }

    @Test
    void plainWordTablesTwoFormsSplitTablesRepeatedHeaderAndPageBreaks() throws Exception {
        String[][] head = {
            {"项目名称", "智慧金凤社会治理综合平台运行费", "", "", "", "", "", "", ""},
            {"主 管 部 门", "金凤区智慧城市运营中心", "", "", "实施单位:", "金凤区智慧城市运营中心", "", "", ""},
            {"项目资金\n(万元)", "", "年初\n预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""},
            {"", "年度资金总额", "1,234.50", "51", "51.00", "10", "100.0%", "6", ""},
            {"", "其中:本年财政拨款", "1,234.50", "51", "51.00", "—", "", "—", ""},
            {"", "上年结转资金", "—", "-", "/", "—", "", "—", ""},
            {"", "其他资金", "", "", "", "", "", "", ""},
            {"年度总体目标", "预期目标", "", "", "实际完成情况", "", "", "", ""},
            {"", "确保平台正常运行", "", "", "平台正常运行", "", "", "", ""},
        };
        String[] header = {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标\n值", "实际完成值", "分值", "得分",
            "偏差原因分析\n及改进措施"};
        String[][] indicators = {
            header,
            {"", "产 出 指 标", "数量指标", "平台", "1个", "1个", "15", "12", ""},
            {"", "", "", "", "", "", "", "", ""},
            {"", "产 出 指 标", "质量指标", "验收合格率", "100%", "100%", "15", "15", ""},
        };
        String[][] continued = {
            header,
            {"", "满意度指标", "服务对象满意度指标", "工作人员对系统运行的满意度", "≥95", "≥95", "10", "10", ""},
            {"总分", "", "", "", "", "", "50", "43", ""},
        };
        String[][] second = OfficeForms.seedForm("互联网专线费");
        Path file = write("两个项目.docx", OfficeForms.docx(List.of(
                "项目支出绩效自评表（2023年度）", head, "续表", indicators, OfficeForms.PAGE_BREAK, continued,
                OfficeForms.PAGE_BREAK, "项目支出绩效自评表", "（2022年度）", second)));

        List<Evaluation> forms = forms(file);
        assertEquals(2, forms.size());
        Evaluation first = forms.get(0);
        assertEquals(2023, first.year());
        assertEquals("金凤区智慧城市运营中心", first.department());
        assertEquals("1234.50", first.funds().total().initialBudget().toPlainString());
        assertEquals("51.00", first.funds().fiscal().executed().toPlainString());
        assertNull(first.funds().carryover().initialBudget());
        assertNull(first.funds().carryover().executed());
        assertEquals(NumberOrText.of(new BigDecimal("100.0")), first.funds().total().executionRate());
        assertEquals(List.of("产出指标/数量指标/平台/1个", "产出指标/质量指标/验收合格率/100%",
                "满意度指标/服务对象满意度指标/工作人员对系统运行的满意度/≥95"),
                first.indicators().stream().map(i -> i.level1() + "/" + i.level2() + "/" + i.level3() + "/"
                        + i.target()).toList(), "the header repeated after the page break is skipped");
        assertEquals(new BigDecimal("43"), first.totalScore());
        assertEquals(2022, forms.get(1).year());
        assertEquals("互联网专线费", forms.get(1).projectName());
    }

    static Stream<Arguments> workbooks() {
        return Stream.of(Arguments.of("xlsx", (Supplier<Workbook>) XSSFWorkbook::new),
                Arguments.of("xls", (Supplier<Workbook>) HSSFWorkbook::new));
    }

    @ParameterizedTest(name = ".{0}")
    @MethodSource("workbooks")
    void workbookWithTitleInTheTableEmptyColumnsNumberAndPercentCells(String extension, Supplier<Workbook> kind)
            throws Exception {
        String[][] form = withTitleRow(OfficeForms.seedForm("政府批准聘用人员支出"));
        form[4] = new String[] {"^", "年度资金总额", "#207.6892", "#180.97212", "#180.97212", "#10", "%0.87", "#8", null};
        form[6] = new String[] {"^", "上年结转资金", "#0.30000000000000004", "—", "-", "—", "", "—", null};
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put("项目1", form);
        sheets.put("项目2", withTitleRow(OfficeForms.seedForm("办公经费")));
        sheets.put("说明", new String[][] {{"每个项目一张工作表"}});
        Path file = write("自评表." + extension, OfficeForms.workbook(kind.get(), sheets, 2, 1));

        List<Evaluation> forms = forms(file);
        assertEquals(List.of("政府批准聘用人员支出", "办公经费"), forms.stream().map(Evaluation::projectName).toList());
        Evaluation first = forms.get(0);
        assertEquals(2023, first.year());
        assertEquals("180.97212", first.funds().total().annualBudget().toPlainString(), "the digits the cell shows");
        assertEquals("207.6892", first.funds().total().initialBudget().toPlainString());
        assertEquals("0.3", first.funds().carryover().initialBudget().toPlainString(), "not 0.30000000000000004");
        assertEquals(NumberOrText.of(new BigDecimal("87.00")), first.funds().total().executionRate());
        assertEquals(number("10"), first.funds().total().weight());
        assertEquals("产出指标", first.indicators().get(1).level1(), "a merged 一级 label belongs to each row");
    }

    @Test
    void formInYuanIsConvertedToWanYuanExactlyWithAWarning() throws Exception {
        String[][] form = OfficeForms.seedForm("办公经费");
        form[2][0] = "项目资金（元）";
        form[3] = new String[] {"^", "年度资金总额", "#30000", "30,000.50", "#29999", "10", "", "5", null};
        Path file = write("元.xlsx", OfficeForms.workbook(new XSSFWorkbook(), Map.of("Sheet1", form), 0, 0));

        ProjectInput project = office.read(file).projects().get(0);
        Evaluation evaluation = project.evaluation();
        assertEquals("3", evaluation.funds().total().initialBudget().toPlainString());
        assertEquals("3.00005", evaluation.funds().total().annualBudget().toPlainString());
        assertEquals("2.9999", evaluation.funds().total().executed().toPlainString());
        assertEquals(List.of(file + ": project 1 \"办公经费\": sheet \"Sheet1\" C4 (年初预算数): the form states amounts"
                + " in 元; converted to 万元 (30000 → 3 万元)"), importWarnings(project));
    }

    @Test
    void anIndicatorMentioningAYearOrTheFormIsDataNotATitle() throws Exception {
        String[][] first = OfficeForms.seedForm("办公经费");
        first[10][4] = "2024年度完成自评表";
        Path file = write("年度.docx", OfficeForms.docx(List.of("（2023年度）", first, OfficeForms.seedForm("互联网专线费"))));

        List<Evaluation> forms = forms(file);
        assertEquals("2024年度完成自评表", forms.get(0).indicators().get(0).target());
        assertEquals(2023, forms.get(0).year());
        assertNull(forms.get(1).year(), "the second form has no title, so no year");
    }

    private static String[][] withTitleRow(String[][] form) {
        List<String[]> rows = new ArrayList<>();
        String[] title = new String[9];
        title[0] = "项目支出绩效自评表（2023年度）";
        rows.add(title);
        rows.addAll(Arrays.asList(form));
        return rows.toArray(String[][]::new);
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(directory.resolve(name), content);
    }

    private Evaluation single(Path file) {
        List<Evaluation> forms = forms(file);
        assertEquals(1, forms.size());
        return forms.get(0);
    }

    /** The file's forms; fails on any error, or any warning of the import (the data's own warnings are allowed). */
    private List<Evaluation> forms(Path file) {
        List<Evaluation> forms = new ArrayList<>();
        for (ProjectInput project : office.read(file).projects()) {
            assertEquals(List.of(), project.diagnostics().stream().filter(Diagnostic::isError)
                    .map(Object::toString).toList());
            assertEquals(List.of(), importWarnings(project));
            forms.add(project.evaluation());
        }
        return forms;
    }

    /** Warnings of the import itself, not of the scoring rules. */
    static List<String> importWarnings(ProjectInput project) {
        return project.diagnostics().stream().filter(d -> !d.isError() && d.path() == null)
                .map(Object::toString).toList();
    }

    private static NumberOrText number(String value) {
        return NumberOrText.of(new BigDecimal(value));
    }
}
