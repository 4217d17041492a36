package cn.jixiao.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import cn.jixiao.render.RenderException;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.PdfAssertions;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch} on the examples: a PDF per project, 全部自评表.pdf with a bookmark per project, the summary
 * 项目支出绩效自评汇总表.pdf and report.json; the same input run again gives the same bytes in every file.
 */
class BatchRunTest {

    @TempDir
    static Path first;
    @TempDir
    static Path second;

    private static List<Evaluation> projects;
    private static BatchRun.Outcome outcome;
    private static final List<ProjectResult> results = new ArrayList<>();

    @BeforeAll
    static void runTheExamplesTwice() throws IOException, RenderException {
        projects = Examples.evaluations();
        outcome = run(first, results);
        run(second, new ArrayList<>());
    }

    private static BatchRun.Outcome run(Path output, List<ProjectResult> results) throws IOException, RenderException {
        BatchRun batch = new BatchRun(TestEngine.pdf(), new BatchRun.Settings(Set.of(OutputFormat.PDF), null, false, true, 2));
        return batch.run(Examples.projects(), BatchOutput.directory(output), new BatchRun.Listener() {
            @Override
            public void planned(int count) {
                assertEquals(5, count, "the examples hold five projects");
            }

            @Override
            public void finished(ProjectResult result) {
                results.add(result);
            }
        });
    }

    @Test
    void writesAPdfPerProjectAndTheBatchFilesAndNothingElse() throws IOException {
        Set<String> expected = new TreeSet<>(Set.of(BatchRun.COMBINED_PDF, BatchRun.SUMMARY_PDF, BatchRun.SUMMARY_XLSX,
                "report.json"));
        projects.forEach(project -> expected.add(project.year() + "-" + project.projectName() + ".pdf"));
        assertEquals(expected, fileNames(first));
        assertEquals(new BatchRun.Outcome(5, 5, 0, 0, 1, outcome.batchFiles()), outcome);
    }

    @Test
    void tellsTheListenerOfEveryProjectInInputOrder() {
        assertEquals(projects.stream().map(Evaluation::projectName).toList(),
                results.stream().map(result -> result.input().name()).toList());
        assertTrue(results.stream().allMatch(result -> result.status() == ProjectResult.Status.RENDERED));
    }

    @Test
    void theCombinedPdfHoldsEveryFormInInputOrderWithABookmarkAtEach() {
        try (PdfFile combined = PdfFile.read(first.resolve(BatchRun.COMBINED_PDF))) {
            List<PdfFile.Bookmark> expected = new ArrayList<>();
            int page = 1;
            for (ProjectResult result : results) {
                expected.add(new PdfFile.Bookmark(result.input().name(), page));
                try (PdfFile form = PdfFile.read(first.resolve(result.outputs().get(0)))) {
                    for (int formPage = 1; formPage <= form.pageCount(); formPage++, page++) {
                        assertEquals(form.pageText(formPage), combined.pageText(page),
                                "page " + page + " of the combined PDF is page " + formPage + " of " + result.outputs());
                    }
                }
            }
            assertEquals(page - 1, combined.pageCount(), "the combined PDF has the forms' pages and no other");
            assertEquals(expected, combined.bookmarks());
            PdfAssertions.assertA4Portrait(combined, BatchRun.COMBINED_PDF);
            PdfAssertions.assertOnlyShippedFontsEmbeddedAsSubsets(combined, BatchRun.COMBINED_PDF);
            assertEquals(BatchRun.COMBINED_TITLE, combined.title(), "titled as its file, not as the summary");
            assertFalse(combined.hasCreationDate(), "without --date the combined PDF has no date");
        }
    }

    @Test
    void theSummaryListsEveryProjectAndTheTotals() {
        try (PdfFile summary = PdfFile.read(first.resolve(BatchRun.SUMMARY_PDF))) {
            String text = summary.compactText();
            BigDecimal budget = BigDecimal.ZERO;
            BigDecimal executed = BigDecimal.ZERO;
            BigDecimal scores = BigDecimal.ZERO;
            for (int i = 0; i < projects.size(); i++) {
                Evaluation project = projects.get(i);
                FormLayout.FundRow total = FormLayout.of(project).funds().get(0);
                String row = (i + 1) + project.projectName() + project.department() + total.annualBudget()
                        + total.executed() + total.executionRate() + project.totalScore() + grade(project.totalScore());
                assertTrue(text.contains(PdfFile.compact(row)), "the summary has the row " + row + " in " + text);
                budget = budget.add(project.funds().total().annualBudget());
                executed = executed.add(project.funds().total().executed());
                scores = scores.add(project.totalScore());
            }
            String rate = executed.multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP) + "%";
            BigDecimal average = scores.divide(BigDecimal.valueOf(projects.size()), 2, RoundingMode.HALF_UP);
            String totals = "合计（5个项目）" + budget.toPlainString() + executed.toPlainString() + rate + "平均" + average;
            assertTrue(text.contains(totals), "the summary's totals read " + totals + " in " + text);
            assertEquals(BatchRun.SUMMARY_PDF, summary.title() + ".pdf");
            PdfAssertions.assertOnlyShippedFontsEmbeddedAsSubsets(summary, BatchRun.SUMMARY_PDF);
        }
    }

    /** The workbook holds the same rows as numbers written with the input's decimals, and the same totals. */
    @Test
    void theSummaryWorkbookHasTheProjectsAsExactNumbersAndTheTotals() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(first.resolve(BatchRun.SUMMARY_XLSX)))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertEquals("项目支出绩效自评汇总表（2023年度）", sheet.getRow(0).getCell(0).getStringCellValue());
            BigDecimal budget = BigDecimal.ZERO;
            for (int i = 0; i < projects.size(); i++) {
                Evaluation project = projects.get(i);
                XSSFRow row = sheet.getRow(2 + i);
                assertEquals(project.projectName(), row.getCell(1).getStringCellValue());
                assertEquals(project.department(), row.getCell(2).getStringCellValue());
                assertEquals(project.funds().total().annualBudget().toPlainString(), row.getCell(3).getRawValue(),
                        "全年预算数 as written");
                assertEquals(project.funds().total().executed().toPlainString(), row.getCell(4).getRawValue());
                assertEquals(FormLayout.of(project).funds().get(0).executionRate(), row.getCell(5).getStringCellValue());
                assertEquals(project.totalScore().toPlainString(), row.getCell(6).getRawValue());
                assertEquals(grade(project.totalScore()), row.getCell(7).getStringCellValue());
                budget = budget.add(project.funds().total().annualBudget());
            }
            XSSFRow totals = sheet.getRow(2 + projects.size());
            assertEquals("合计（5 个项目）", totals.getCell(0).getStringCellValue());
            assertEquals(budget.toPlainString(), totals.getCell(3).getRawValue());
        }
    }

    @Test
    void theReportListsEveryProjectWithItsOutputsAndTheOneWarning() throws IOException {
        JsonNode report = new ObjectMapper().readTree(first.resolve("report.json").toFile());
        JsonNode listed = report.get("projects");
        assertEquals(5, listed.size());
        for (int i = 0; i < 5; i++) {
            JsonNode project = listed.get(i);
            Evaluation evaluation = projects.get(i);
            assertEquals(Examples.FILE.toString(), project.get("file").asText());
            assertEquals(i + 1, project.get("index").asInt());
            assertEquals(evaluation.projectName(), project.get("name").asText());
            assertEquals("rendered", project.get("status").asText());
            String pdf = evaluation.year() + "-" + evaluation.projectName() + ".pdf";
            assertEquals(List.of(pdf), texts(project.get("outputs")));
            assertTrue(Files.isRegularFile(first.resolve(pdf)), pdf + " is there");
            assertEquals(0, project.get("errors").size());
            assertEquals(i == 0 ? 1 : 0, project.get("warnings").size(), evaluation.projectName() + "'s warnings");
        }
        JsonNode warning = listed.get(0).get("warnings").get(0);
        assertEquals("$.funds.total.executionRate", warning.get("path").asText());
        assertTrue(warning.get("message").asText().contains("87.00%"), warning.toString());
        assertEquals(BatchRun.COMBINED_PDF, report.get("batchFiles").get("combinedPdf").asText());
        assertEquals(BatchRun.SUMMARY_PDF, report.get("batchFiles").get("summaryPdf").asText());
        JsonNode totals = report.get("totals");
        assertEquals(5, totals.get("projects").asInt());
        assertEquals(5, totals.get("rendered").asInt());
        assertEquals(1, totals.get("warnings").asInt());
        assertEquals(0, totals.get("errors").asInt());
    }

    @Test
    void runningAgainGivesByteIdenticalFiles() throws IOException {
        Set<String> files = fileNames(first);
        assertEquals(files, fileNames(second));
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
    }

    /** 等级: 优 ≥ 90, 良 80 to < 90, 中 60 to < 80, 差 < 60. */
    private static String grade(BigDecimal totalScore) {
        int score = totalScore.intValue();
        return score >= 90 ? "优" : score >= 80 ? "良" : score >= 60 ? "中" : "差";
    }

    private static Set<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
