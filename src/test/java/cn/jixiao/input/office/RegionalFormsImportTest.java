package cn.jixiao.input.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Form;
import cn.jixiao.model.NumberOrText;
import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.RegionalExamples;
import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 衔接资金 绩效目标自评表 and Sichuan's 部门预算项目支出绩效自评表 import from Word and Excel: recognised by their
 * labels (whatever spaces and brackets units write them with), {@code form} filled, every field the form prints read.
 *
 * <p>What a round trip cannot give back, because the form does not print it: {@code reportDate}; and what the form
 * prints computed comes back as given — 执行率 where the data had none (执行数 ÷ 预算数, as printed: 98.53) and the
 * 总分 (合计) 得分 where the data left it to the sum. Everything else comes back as it was, decimals included.
 */
class RegionalFormsImportTest {

    @TempDir
    static Path directory;

    private static final EvaluationReader READER = new EvaluationReader();
    private static final OfficeImport OFFICE = new OfficeImport(READER);

    /** The examples as the import gives them back: the values the form printed computed, as given; no reportDate. */
    private static Evaluation xianjie;
    private static Evaluation sichuan;

    @BeforeAll
    static void expected() throws Exception {
        xianjie = printed(RegionalExamples.XIANJIE, Map.of(
                "/funds/total/executionRate", "98.53", "/funds/fiscal/executionRate", "98.53", "/totalScore", "97.85"));
        sichuan = printed(RegionalExamples.SICHUAN, Map.of(
                "/funds/total/executionRate", "98.40", "/funds/fiscal/executionRate", "98.96",
                "/funds/unit/executionRate", "90.00", "/totalScore", "98.84"));
    }

    private static Evaluation printed(Path example, Map<String, String> computed) throws Exception {
        ObjectNode json = (ObjectNode) JsonMapper.builder().nodeFactory(ImportedForm.NODES).build()
                .readTree(example.toFile());
        json.remove("reportDate");
        computed.forEach((pointer, value) -> {
            int slash = pointer.lastIndexOf('/');
            ((ObjectNode) json.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), new BigDecimal(value));
        });
        List<ProjectInput> read = READER.read(example.toString(), json);
        assertEquals(List.of(), read.get(0).diagnostics());
        return read.get(0).evaluation();
    }

    static Stream<Arguments> examples() {
        return Stream.of(Arguments.of("xianjie", RegionalExamples.XIANJIE), Arguments.of("sichuan", RegionalExamples.SICHUAN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theEnginesWordFormImportsBackToTheExample(String form, Path example) throws Exception {
        Evaluation original = form.equals("xianjie") ? RegionalExamples.xianjie() : RegionalExamples.sichuan();
        Path docx = Files.write(directory.resolve(form + ".docx"),
                TestEngine.allFormats().render(original, null).documents().get(OutputFormat.DOCX));

        Evaluation imported = single(docx);
        assertEquals(Form.byId(form).orElseThrow(), imported.form());
        assertEquals(form.equals("xianjie") ? xianjie : sichuan, imported);
    }

    static Stream<Arguments> workbooks() {
        List<Arguments> cases = new ArrayList<>();
        for (String form : List.of("xianjie", "sichuan")) {
            cases.add(Arguments.of(form, "xlsx", (Supplier<Workbook>) XSSFWorkbook::new));
            cases.add(Arguments.of(form, "xls", (Supplier<Workbook>) HSSFWorkbook::new));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} .{1}")
    @MethodSource("workbooks")
    void anExcelExportOfTheFormWithMergedCellsAndNumberCellsImportsToTheSameData(String form, String extension,
            Supplier<Workbook> kind) throws Exception {
        String[][] rows = form.equals("xianjie") ? OfficeForms.xianjieForm() : OfficeForms.sichuanForm();
        Path file = workbook(form + "." + extension, kind.get(), rows);

        assertEquals(form.equals("xianjie") ? xianjie : sichuan, single(file));
    }

    @Test
    void xianjieLabelsWrittenWithSpacesHalfWidthBracketsAndColonsAndScoresNotRepeatedOnTheFiscalRow()
            throws Exception {
        String[][] rows = OfficeForms.xianjieForm();
        rows[0][0] = "绩 效 目 标 自 评 表";
        rows[1][0] = "(2023 年度)";
        rows[2][4] = "项目负责人\n及电话:";
        rows[4] = new String[] {"资 金 情 况\n(万元)", "", null, "全年预算数(A)", "全年执行数 (B)", null, "分 值",
            "执行率(B/A)", "得分"};
        rows[5][1] = "年度资金总额";
        rows[6] = new String[] {"^", "其中:本年财政拨款", null, "300.00", "295.60万元", null, "—", "", "—"};
        rows[8][4] = "年度总体目标\n完成情况综述";
        rows[10][8] = "未完成原因及拟采取\n的改进措施";
        rows[11][1] = "产 出 指 标 (50分)";

        Evaluation form = single(workbook("变体.xlsx", new XSSFWorkbook(), rows));
        assertEquals(Form.XIANJIE, form.form());
        assertEquals(2023, form.year());
        assertEquals("王建华0558-6127340", form.projectLeader());
        assertEquals("300.00", form.funds().fiscal().annualBudget().toPlainString());
        assertEquals("295.60", form.funds().fiscal().executed().toPlainString());
        assertEquals(NumberOrText.of("—"), form.funds().fiscal().weight(), "printed as written, as the form has the cell");
        assertNull(form.funds().fiscal().executionRate(), "to be computed when printed");
        assertEquals(NumberOrText.of(new BigDecimal("98.53")), form.funds().total().executionRate());
        assertEquals("新建桃园520亩，栽植桃苗3.6万株，苗木成活率95%；带动脱贫户（监测户）126户，吸纳脱贫人口务工62人，"
                + "因春季低温挂果推迟，户均增收950元，群众满意度96%。", form.goals().actual());
        assertEquals("产出指标 (50分)", form.indicators().get(0).level1(), "spaces between Chinese characters dropped");
        assertEquals("★新建桃园面积", form.indicators().get(0).level3(), "★ kept: it marks a core indicator");
        assertEquals("其中桃树种植面积", form.indicators().get(1).level3());
        assertNull(form.indicators().get(1).weight(), "a detail row has no 分值");
        assertNull(form.indicators().get(1).score(), "nor 得分");
        assertEquals("春季低温致部分桃园挂果推迟；拟加强技术指导，拓宽线上销售渠道。", form.indicators().get(5).deviation());
    }

    @Test
    void sichuanLabelsWrittenOtherwiseNatureSymbolsAndNamesInTheirOwnCells() throws Exception {
        String[][] rows = OfficeForms.sichuanForm();
        rows[0] = new String[] {"报表编号:", "510000_0013zp", null, "", "", "", "", "", "", "", ""};
        rows[3][5] = "实施单位(盖章):";
        rows[7][7] = "预算执行率(%)";
        rows[14][4] = ">=";
        rows[16][4] = "＝";
        rows[18][4] = "<";
        rows[27] = new String[] {"项目负责人：", "赵明远", null, null, null, null, "财务负责人:", "刘芳", null, null, null};

        Evaluation form = single(workbook("变体.xlsx", new XSSFWorkbook(), rows));
        assertEquals(Form.SICHUAN, form.form());
        assertEquals("510000_0013zp", form.reportCode());
        assertEquals("云溪县农村供水服务中心", form.implementingUnit());
        assertEquals(NumberOrText.of(new BigDecimal("90.00")), form.funds().unit().executionRate());
        assertEquals(List.of("≥", "≥", "=", "≥", "＜", "≥", "定性", "≥", "≥"),
                form.indicators().stream().map(i -> i.nature()).toList(), "the printed symbols");
        assertEquals("赵明远", form.signatures().projectLeader());
        assertEquals("刘芳", form.signatures().financeLeader());
    }

    @Test
    void aBadAmountNamesItsCellInExcelAndInWord() throws Exception {
        String[][] rows = OfficeForms.xianjieForm();
        rows[6][3] = "约300";
        Path workbook = workbook("衔接资金.xlsx", new XSSFWorkbook(), rows);
        assertEquals(List.of(workbook + ": project 1 \"2023年桃源镇桃树种植产业发展项目\": sheet \"表\" D7"
                + " (其中：本年财政拨款 全年预算数): expected an amount, got \"约300\""), errors(workbook));

        String[][] table = Arrays.copyOfRange(OfficeForms.sichuanForm(), 2, 28);
        table[7][3] = "四百五十";
        Path docx = Files.write(directory.resolve("四川.docx"), OfficeForms.docx(List.of(
                "报表编号：510000_0013zp", "部门预算项目支出绩效自评表（2023年度）", table)));
        assertEquals(List.of(docx + ": project 1 \"51082423T000000123456-云溪县2023年农村供水保障工程\": table 1, row 8,"
                + " column 4 (其中：财政资金 年初预算): expected an amount, got \"四百五十\""), errors(docx));
    }

    @Test
    void aRegionalFormCutOffBeforeItsIndicatorsIsAnErrorAndOneCutOffInThemAWarning() throws Exception {
        Path beforeIndicators = workbook("截断.xlsx", new XSSFWorkbook(),
                Arrays.copyOfRange(OfficeForms.xianjieForm(), 0, 10));
        assertEquals(List.of(beforeIndicators + ": project 1 \"2023年桃源镇桃树种植产业发展项目\": sheet \"表\" E10:"
                + " the 衔接资金 绩效目标自评表 ends here, before its 绩效指标: no row reads 一级指标 … 三级指标 (is the"
                + " table cut off?)"), errors(beforeIndicators));

        Path inIndicators = workbook("截断2.xlsx", new XSSFWorkbook(),
                Arrays.copyOfRange(OfficeForms.sichuanForm(), 0, 17));
        ProjectInput project = OFFICE.read(inIndicators).projects().get(0);
        assertEquals(List.of(), errors(project));
        assertTrue(warnings(project).contains(inIndicators + ": project 1 \"51082423T000000123456-云溪县2023年农村供水"
                + "保障工程\": sheet \"表\" J17: the 部门预算项目支出绩效自评表 ends here without its 合计 row: is the"
                + " table cut off? The indicators above it are imported"), warnings(project).toString());
        assertEquals(3, project.evaluation().indicators().size());
    }

    @Test
    void theRecogniserTellsTheThreeFormsApartWithOrWithoutTheirTitles() throws Exception {
        Map<String, String[][]> sheets = new LinkedHashMap<>();
        sheets.put("全国", OfficeForms.seedForm("政府批准聘用人员支出"));
        sheets.put("衔接资金", OfficeForms.xianjieForm());
        sheets.put("四川", OfficeForms.sichuanForm());
        sheets.put("衔接资金无标题", Arrays.copyOfRange(OfficeForms.xianjieForm(), 2, 22));
        sheets.put("四川无标题", Arrays.copyOfRange(OfficeForms.sichuanForm(), 2, 28));
        Path file = Files.write(directory.resolve("三种.xlsx"),
                OfficeForms.workbook(new XSSFWorkbook(), sheets, 0, 0));

        List<ProjectInput> projects = OFFICE.read(file).projects();
        assertEquals(List.of(Form.NATIONAL, Form.XIANJIE, Form.SICHUAN, Form.XIANJIE, Form.SICHUAN),
                projects.stream().map(p -> p.evaluation().form()).toList());
        Evaluation national = projects.get(0).evaluation();
        assertEquals("207.6892", national.funds().total().initialBudget().toPlainString());
        assertNull(national.projectLeader());
        assertEquals("510000_0013zp", projects.get(2).evaluation().reportCode());
        assertNull(projects.get(4).evaluation().reportCode(), "not on the sheet");
    }

    @Test
    void valuesTheFormHasNoPlaceForAreWarningsNamingTheirCells() throws Exception {
        String[][] rows = OfficeForms.xianjieForm();
        rows[7][6] = "#5"; // 分值 of 其他资金: the form prints none
        rows[3] = new String[] {"主管部门", "青山县乡村振兴局", null, null, "实施单位", null, "青山县桃源镇人民政府", null, "备注"};
        Path file = workbook("多余.xlsx", new XSSFWorkbook(), rows);

        String prefix = file + ": project 1 \"2023年桃源镇桃树种植产业发展项目\": sheet \"表\" ";
        assertEquals(List.of(prefix + "I4: \"备注\" is not in any field of the form: not imported",
                prefix + "G8: \"5\" is not in any field of the form: not imported"),
                warnings(OFFICE.read(file).projects().get(0)));
    }

    @Test
    void theCommandLineImportsValidatesAndRendersAWordForm() throws Exception {
        Path docx = Files.write(directory.resolve("衔接资金-cli.docx"), TestEngine.allFormats()
                .render(RegionalExamples.xianjie(), null).documents().get(OutputFormat.DOCX));
        Path out = directory.resolve("cli");

        Jixiao.Run imported = Jixiao.run("import", docx.toString(), "-o", out.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertEquals(List.of(), imported.warnings());
        String json = Files.readString(out.resolve("衔接资金-cli.json"));
        assertTrue(json.contains("\"form\": \"xianjie\""), json);
        assertTrue(json.contains("\"executed\": 295.6,"), "exact decimals: " + json);

        Jixiao.Run validated = Jixiao.run("validate", docx.toString());
        assertEquals(0, validated.exitCode(), validated.err());
        assertEquals(List.of(), validated.warnings());
    }

    private static Path workbook(String name, Workbook kind, String[][] rows) throws Exception {
        return Files.write(directory.resolve(name), OfficeForms.workbook(kind, Map.of("表", rows), 0, 0));
    }

    /** The file's one form; fails on any diagnostic, of the import or of the rules. */
    private static Evaluation single(Path file) {
        List<ProjectInput> projects = OFFICE.read(file).projects();
        assertEquals(1, projects.size());
        assertEquals(List.of(), projects.get(0).diagnostics().stream().map(Diagnostic::toString).toList());
        return projects.get(0).evaluation();
    }

    private static List<String> errors(Path file) {
        List<ProjectInput> projects = OFFICE.read(file).projects();
        assertEquals(1, projects.size());
        assertNull(projects.get(0).evaluation(), "a form with errors is not rendered");
        return errors(projects.get(0));
    }

    private static List<String> errors(ProjectInput project) {
        return project.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString).toList();
    }

    private static List<String> warnings(ProjectInput project) {
        return project.diagnostics().stream().filter(d -> !d.isError()).map(Diagnostic::toString).toList();
    }
}
