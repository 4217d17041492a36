package cn.jixiao.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.OutputFormat;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.render.RenderException;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Amounts in 万元 come out of the PDF exactly as the JSON wrote them, never through binary floating point; 执行率 is
 * printed with two decimals when it is a number or computed. The 年度资金总额 row is read cell after cell: 年初预算数,
 * 全年预算数, 全年执行数, 分值, 执行率, 得分, whitespace removed as a narrow cell may wrap its value.
 */
class ExactNumbersPdfTest {

    /** Projects that differ in their 年度资金总额 only; one indicator each. */
    private static final String FORMS = """
            [
              {"year": 2023, "projectName": "五位小数",
               "funds": {"total": {"initialBudget": 207.6892, "annualBudget": 180.97212, "executed": 180.97212,
                                   "weight": 10, "executionRate": "87.00%", "score": 8}}, INDICATORS},
              {"year": 2023, "projectName": "整数",
               "funds": {"total": {"initialBudget": 51, "annualBudget": 51, "executed": 51,
                                   "weight": 10, "executionRate": 100, "score": 10}}, INDICATORS},
              {"year": 2023, "projectName": "计算的执行率",
               "funds": {"total": {"initialBudget": 51, "annualBudget": 51, "executed": 49.5,
                                   "weight": 10, "score": 9}}, INDICATORS},
              {"year": 2023, "projectName": "三分之二",
               "funds": {"total": {"initialBudget": 3, "annualBudget": 3, "executed": 2,
                                   "weight": 10, "score": 6}}, INDICATORS},
              {"year": 2023, "projectName": "尾随零",
               "funds": {"total": {"initialBudget": 7.20, "annualBudget": 7.2, "executed": 0.000001,
                                   "weight": 10, "executionRate": "按实际", "score": 0}}, INDICATORS},
              {"year": 2023, "projectName": "无预算",
               "funds": {"total": {"initialBudget": 0, "annualBudget": 0, "executed": 0,
                                   "weight": 10, "score": 0}}, INDICATORS}
            ]
            """.replace("INDICATORS", """
            "indicators": [{"level1": "产出指标", "level2": "数量指标", "level3": "发放人数", "target": "28人",
                            "actual": "28人", "weight": 90, "score": 85}]""");

    @TempDir
    static Path directory;

    /** The text of each project's page, by 项目名称, whitespace removed. */
    private static final Map<String, String> PAGES = new HashMap<>();

    @BeforeAll
    static void renderFromJson() throws IOException, RenderException {
        Path file = Files.writeString(directory.resolve("numbers.json"), FORMS);
        List<ProjectInput> projects = TestEngine.pdf().read(file);
        for (ProjectInput project : projects) {
            assertFalse(project.hasErrors(), project.diagnostics().toString());
            byte[] pdf = TestEngine.pdf().render(project.evaluation(), null).documents().get(OutputFormat.PDF);
            try (PdfFile page = PdfFile.of(pdf)) {
                PAGES.put(project.name(), PdfFile.compact(page.pageText(1)));
            }
        }
        assertEquals(6, PAGES.size());
    }

    @Test
    void fiveDecimalsStayFiveDecimals() {
        assertFundsTotalReads("五位小数", "207.6892 180.97212 180.97212 10 87.00% 8");
    }

    @Test
    void wholeNumbersStayWhole() {
        assertFundsTotalReads("整数", "51 51 51 10 100.00% 10");
    }

    @Test
    void anAbsentExecutionRateIsComputedToTwoDecimals() {
        assertFundsTotalReads("计算的执行率", "51 51 49.5 10 97.06% 9");
    }

    @Test
    void aComputedExecutionRateIsRoundedHalfUp() {
        assertFundsTotalReads("三分之二", "3 3 2 10 66.67% 6");
    }

    @Test
    void trailingZerosAndSmallAmountsAreKeptAndATextRateIsPrintedAsWritten() {
        assertFundsTotalReads("尾随零", "7.20 7.2 0.000001 10 按实际 0");
    }

    @Test
    void withoutABudgetTheExecutionRateIsEmpty() {
        assertFundsTotalReads("无预算", "0 0 0 10 0");
    }

    @Test
    void theTotalRowAddsTheNumericWeightsAndScores() {
        assertTrue(PAGES.get("整数").contains("总分10095第1页"), PAGES.get("整数"));
        assertTrue(PAGES.get("计算的执行率").contains("总分10094第1页"), PAGES.get("计算的执行率"));
    }

    /** Between its label and the next row's, the 年度资金总额 row holds exactly these cells, in this order. */
    private static void assertFundsTotalReads(String project, String cells) {
        String page = PAGES.get(project);
        String row = PdfFile.compact("年度资金总额" + cells + "其中");
        assertTrue(page.contains(row), project + ": 年度资金总额 reads " + cells + " in:\n" + page);
    }
}
