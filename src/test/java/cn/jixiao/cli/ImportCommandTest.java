package cn.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Jixiao;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} and {@code template --xlsx} as a user runs them, and {@code render}/{@code validate} on a workbook. */
class ImportCommandTest {

    private static final String SEED_WARNING = "G6 (执行率): 87.00% given, but 全年执行数 ÷ 全年预算数 = 100.00%";

    @TempDir
    Path directory;

    @Test
    void templateFromTheExamplesImportsBackToValidJsonWithOnlyTheSeedsOwnWarning() throws Exception {
        Path workbook = directory.resolve("forms.xlsx");
        assertEquals(0, Jixiao.run("template", "--xlsx", workbook.toString(), "--from",
                Examples.FILE.toString()).exitCode());

        Jixiao.Run run = Jixiao.run("import", workbook.toString(), "-o", directory.resolve("json").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(workbook + ": project 1 \"政府批准聘用人员支出\": sheet \"政府批准聘用人员支出\" "
                + SEED_WARNING), run.warnings());
        Path json = directory.resolve("json").resolve("forms.json");
        assertEquals(workbook + ": 5 forms → " + json, run.out().strip());
        List<ProjectInput> read = new EvaluationReader().read(json);
        assertEquals(5, read.size());
        assertTrue(read.stream().noneMatch(ProjectInput::hasErrors), "the JSON passes the reader");
        assertTrue(Files.readString(json).contains("\"annualBudget\": 180.97212,"), "exact decimals");
    }

    @Test
    void renderAndValidateTakeAWorkbookAndNameItsCells() throws Exception {
        Path workbook = directory.resolve("forms.xlsx");
        Jixiao.run("template", "--xlsx", workbook.toString(), "--from", Examples.FILE.toString());

        Jixiao.Run validate = Jixiao.run("validate", workbook.toString());
        assertEquals(0, validate.exitCode());
        assertTrue(validate.out().contains("sheet \"政府批准聘用人员支出\" " + SEED_WARNING), validate.out());

        Path out = directory.resolve("out");
        Jixiao.Run render = Jixiao.run("render", workbook.toString(), "-o", out.toString());
        assertEquals(0, render.exitCode(), render.err());
        assertTrue(Files.exists(out.resolve("2023-互联网专线费.pdf")));
    }

    @Test
    void blankTemplateIsTheFormOnA4WithChecksAndInstructions() throws Exception {
        Path workbook = directory.resolve("blank.xlsx");
        assertEquals(0, Jixiao.run("template", "--xlsx", workbook.toString()).exitCode());
        try (XSSFWorkbook book = new XSSFWorkbook(workbook.toFile())) {
            assertEquals(List.of("项目1", "说明"), List.of(book.getSheetName(0), book.getSheetName(1)));
            XSSFSheet form = book.getSheetAt(0);
            assertEquals("项目支出绩效自评表", form.getRow(0).getCell(0).getStringCellValue());
            assertEquals("项目名称", form.getRow(2).getCell(0).getStringCellValue());
            assertTrue(form.getMergedRegions().stream().anyMatch(region -> region.formatAsString().equals("B3:I3")),
                    "项目名称's value spans the row, as printed");
            assertEquals(PrintSetup.A4_PAPERSIZE, form.getPrintSetup().getPaperSize());
            assertTrue(form.getColumnWidth(3) > form.getColumnWidth(7), "三级指标 wider than 得分, as in the PDF");
            assertTrue(form.getDataValidations().size() > 1, "amounts and scores are checked");
            assertTrue(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue().contains("填写说明"));
        }
    }
}
