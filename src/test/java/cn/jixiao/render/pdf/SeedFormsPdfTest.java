package cn.jixiao.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.OutputFormat;
import cn.jixiao.layout.FormGrid;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.layout.FormLayout.FundRow;
import cn.jixiao.layout.FormLayout.IndicatorRow;
import cn.jixiao.layout.FormLayout.Level1Group;
import cn.jixiao.layout.FormLayout.Level2Group;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.TextFields;
import cn.jixiao.model.TextFields.TextField;
import cn.jixiao.render.RenderException;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.PdfAssertions;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five seed forms as PDF, as their readers get them: one A4 page each, every text and number of the input on it,
 * each row of the table reading as the input gives it, only the shipped fonts, embedded.
 */
class SeedFormsPdfTest {

    /** Each seed form's PDF by 项目名称, rendered once for the class. */
    private static final Map<String, byte[]> PDFS = new ConcurrentHashMap<>();

    @BeforeAll
    static void renderTheSeeds() {
        Examples.evaluations().parallelStream().forEach(evaluation -> {
            try {
                PDFS.put(evaluation.projectName(),
                        TestEngine.pdf().render(evaluation, null).documents().get(OutputFormat.PDF));
            } catch (RenderException e) {
                throw new AssertionError(evaluation.projectName() + " renders", e);
            }
        });
    }

    static Stream<String> seedProjects() {
        return Examples.evaluations().stream().map(Evaluation::projectName);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedProjects")
    void fitsOnOneA4Page(String project) {
        try (PdfFile pdf = PdfFile.of(PDFS.get(project))) {
            assertEquals(1, pdf.pageCount(), project + " fits one page");
            PdfAssertions.assertA4Portrait(pdf, project);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedProjects")
    void holdsEveryTextOfTheInput(String project) {
        Evaluation evaluation = Examples.named(project);
        try (PdfFile pdf = PdfFile.of(PDFS.get(project))) {
            String printed = pdf.compactText();
            List<TextField> texts = TextFields.of(evaluation);
            assertTrue(texts.size() > 20, "the seed has its texts");
            for (TextField text : texts) {
                assertTrue(printed.contains(PdfFile.compact(text.text())),
                        project + ": " + text.path() + " \"" + text.text() + "\" is on the page");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedProjects")
    void holdsEveryNumberAsTheFormFormatsIt(String project) {
        FormLayout form = FormLayout.of(Examples.named(project));
        try (PdfFile pdf = PdfFile.of(PDFS.get(project))) {
            String printed = pdf.compactText();
            for (FundRow fund : form.funds()) {
                for (String value : List.of(fund.initialBudget(), fund.annualBudget(), fund.executed(),
                        fund.weight(), fund.executionRate(), fund.score())) {
                    assertTrue(printed.contains(value), project + ": " + fund.label() + " " + value);
                }
            }
            for (IndicatorRow row : rows(form)) {
                assertTrue(printed.contains(row.weight()), project + ": 分值 " + row.weight() + " of " + row.level3());
                assertTrue(printed.contains(row.score()), project + ": 得分 " + row.score() + " of " + row.level3());
            }
            assertTrue(printed.contains(form.totalWeight()), project + ": 总分 分值 " + form.totalWeight());
            assertTrue(printed.contains(form.totalScore()), project + ": 总分 得分 " + form.totalScore());
        }
    }

    /**
     * Read cell after cell, each row of the table holds its own values in the order of the columns: a number is in
     * its row, not only somewhere on the page.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seedProjects")
    void readsRowByRowAsTheInputGivesIt(String project) {
        FormLayout form = FormLayout.of(Examples.named(project));
        try (PdfFile pdf = PdfFile.of(PDFS.get(project))) {
            String printed = pdf.compactText();
            assertTrue(printed.contains(PdfFile.compact(FormGrid.PROJECT_NAME + form.projectName())), "项目名称 row");
            assertTrue(printed.contains(PdfFile.compact(FormGrid.DEPARTMENT + form.department()
                    + FormGrid.IMPLEMENTING_UNIT + form.implementingUnit())), "主管部门 / 实施单位 row");
            for (FundRow fund : form.funds()) {
                String row = fund.label() + fund.initialBudget() + fund.annualBudget() + fund.executed()
                        + fund.weight() + fund.executionRate() + fund.score();
                assertTrue(printed.contains(PdfFile.compact(row)), project + ": the row reads " + row);
            }
            assertTrue(printed.contains(PdfFile.compact(form.expectedGoal() + form.actualGoal())), "年度总体目标 row");
            for (IndicatorRow indicator : rows(form)) {
                String row = indicator.level3() + indicator.target() + indicator.actual() + indicator.weight()
                        + indicator.score() + indicator.deviation();
                assertTrue(printed.contains(PdfFile.compact(row)), project + ": the row reads " + row);
            }
            String total = FormGrid.TOTAL + form.totalWeight() + form.totalScore();
            assertTrue(printed.contains(total), project + ": the 总分 row reads " + total);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedProjects")
    void usesOnlyTheShippedFontsEmbeddedAsSubsets(String project) {
        try (PdfFile pdf = PdfFile.of(PDFS.get(project))) {
            PdfAssertions.assertOnlyShippedFontsEmbeddedAsSubsets(pdf, project);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedProjects")
    void isTitledWithTheProjectName(String project) {
        try (PdfFile pdf = PdfFile.of(PDFS.get(project))) {
            assertEquals(project, pdf.title());
        }
    }

    private static List<IndicatorRow> rows(FormLayout form) {
        return form.indicatorGroups().stream().map(Level1Group::subgroups).flatMap(List::stream)
                .map(Level2Group::rows).flatMap(List::stream).toList();
    }
}
