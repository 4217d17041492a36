package cn.jixiao.input.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.validation.EvaluationRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error and warning of the import, with the message a user reads: file, project, sheet and cell, field. */
class ImportMessagesTest {

    @TempDir
    Path directory;

    private final OfficeImport office = new OfficeImport(new EvaluationReader());

    /** The seed form under two title rows, so that its 全年预算数 of 年度资金总额 is D6 as in Excel. */
    private static String[][] form() {
        String[][] seed = OfficeForms.seedForm("政府批准聘用人员支出");
        String[][] form = new String[seed.length + 2][];
        form[0] = new String[] {"项目支出绩效自评表"};
        form[1] = new String[] {"（2023年度）"};
        System.arraycopy(seed, 0, form, 2, seed.length);
        return form;
    }

    private ProjectInput importSheet(String[][] form) throws Exception {
        Path file = Files.write(directory.resolve("自评表.xlsx"),
                OfficeForms.workbook(new XSSFWorkbook(), Map.of("项目1", form), 0, 0));
        List<ProjectInput> projects = office.read(file).projects();
        assertEquals(1, projects.size());
        return EvaluationRules.check(projects.get(0)); // as every command and the engine check what they read
    }

    private String prefix() {
        return directory.resolve("自评表.xlsx") + ": project 1 \"政府批准聘用人员支出\": sheet \"项目1\" ";
    }

    @Test
    void anAmountThatIsNotOneIsAnErrorNamingSheetCellAndField() throws Exception {
        String[][] form = form();
        form[5][3] = "约50";
        ProjectInput project = importSheet(form);
        assertEquals(List.of(prefix() + "D6 (全年预算数): expected an amount, got \"约50\""), errors(project));
        assertNull(project.evaluation(), "a project with errors is not rendered");
    }

    @Test
    void aTotalScoreThatIsNotANumberIsAnError() throws Exception {
        String[][] form = form();
        form[16][7] = "九十三";
        assertEquals(List.of(prefix() + "H17 (总分): expected a number, got \"九十三\""), errors(importSheet(form)));
    }

    @Test
    void whatTheContractRefusesIsNamedAtItsCell() throws Exception {
        String[][] form = form();
        form[12][6] = "-5";
        List<String> errors = errors(importSheet(form));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith(prefix() + "G13 (分值): "), errors.get(0));
    }

    @Test
    void theScoringRulesWarnAtTheCell() throws Exception {
        List<String> warnings = importSheet(form()).diagnostics().stream().filter(d -> !d.isError())
                .map(Object::toString).toList();
        assertTrue(warnings.contains(prefix()
                + "G6 (执行率): 87.00% given, but 全年执行数 ÷ 全年预算数 = 100.00%"), warnings.toString());
        assertTrue(warnings.contains(directory.resolve("自评表.xlsx") + ": project 1 \"政府批准聘用人员支出\": sheet \"项目1\":"
                + " the 分值 add up to 50, not 100"), "a finding about the whole form names its sheet: " + warnings);
    }

    @Test
    void aCellOutsideTheFormIsAWarningNamingIt() throws Exception {
        String[][] form = form();
        form[2] = new String[] {"项目名称", "政府批准聘用人员支出", null, null, null, null, null, null, null, "",
            "备注：请于3月底前报送"};
        ProjectInput project = importSheet(form);
        assertEquals(List.of(prefix() + "K3: \"备注：请于3月底前报送\" is not in any field of the form: not imported"),
                OtherToolsTest.importWarnings(project));
        assertTrue(project.evaluation() != null, "the form is imported all the same");
    }

    @Test
    void aWordErrorNamesTableRowAndColumn() throws Exception {
        String[][] second = OfficeForms.seedForm("互联网专线费");
        second[3][3] = "约50";
        Path file = Files.write(directory.resolve("2023自评.docx"), OfficeForms.docx(List.of(
                OfficeForms.seedForm("办公经费"), OfficeForms.PAGE_BREAK, second)));
        List<ProjectInput> projects = office.read(file).projects();
        assertEquals(List.of(), errors(projects.get(0)), "the first form is fine");
        assertEquals(List.of(file + ": project 2 \"互联网专线费\": table 2, row 4, column 4 (全年预算数): expected an"
                + " amount, got \"约50\""), errors(projects.get(1)));
    }

    @Test
    void aFileWithoutAFormIsOneError() throws Exception {
        Path file = Files.write(directory.resolve("通知.docx"), OfficeForms.docx(List.of("关于报送绩效自评表的通知")));
        assertEquals(List.of(file + ": holds no 项目支出绩效自评表: no cell reads 项目名称"),
                errors(office.read(file).projects().get(0)));
    }

    private static List<String> errors(ProjectInput project) {
        return project.diagnostics().stream().filter(Diagnostic::isError).map(Object::toString).toList();
    }
}
