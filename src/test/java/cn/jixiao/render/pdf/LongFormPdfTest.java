package cn.jixiao.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.OutputFormat;
import cn.jixiao.layout.FormGrid;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Indicator;
import cn.jixiao.model.TextFields;
import cn.jixiao.model.TextFields.TextField;
import cn.jixiao.render.RenderException;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Forms;
import cn.jixiao.testing.PdfAssertions;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forms longer than a page: the table goes on over the next pages with the indicator header repeated, every page is
 * numbered 第 N 页 共 M 页, and not a character of the input is lost, not even in a cell taller than a page.
 */
class LongFormPdfTest {

    /** The header row of 绩效指标, as one reads it across the page. */
    private static final String INDICATOR_HEADER = FormGrid.LEVEL1 + FormGrid.LEVEL2 + FormGrid.LEVEL3
            + FormGrid.TARGET + FormGrid.ACTUAL + FormGrid.WEIGHT + FormGrid.SCORE + FormGrid.DEVIATION;

    /**
     * The 偏差原因分析及改进措施 column where form.jrxml puts it: 416 pt into the table, 77 pt wide, the table starting
     * at the 51 pt left margin; a point of slack either side.
     */
    private static final Rectangle2D DEVIATION_COLUMN = new Rectangle2D.Double(51 + 416 - 1, 0, 77 + 2, 842);

    private static Evaluation fortyIndicators;
    private static byte[] fortyIndicatorsPdf;
    private static String longDeviation;
    private static byte[] longDeviationPdf;

    @BeforeAll
    static void renderTheLongForms() throws RenderException {
        fortyIndicators = Forms.withIndicators(Examples.named("智慧金凤社会治理综合平台运行费"),
                Forms.numberedIndicators(40));
        fortyIndicatorsPdf = TestEngine.pdf().render(fortyIndicators, null).documents().get(OutputFormat.PDF);
        longDeviation = Forms.prose(1500);
        longDeviationPdf = TestEngine.pdf()
                .render(Forms.withOnlyDeviation(Examples.named("政府批准聘用人员支出"), 0, longDeviation), null)
                .documents().get(OutputFormat.PDF);
    }

    @Test
    void fortyIndicatorsSpanSeveralA4PagesWithNoTextLost() {
        try (PdfFile pdf = PdfFile.of(fortyIndicatorsPdf)) {
            assertTrue(pdf.pageCount() >= 2, "40 indicators need more than one page, got " + pdf.pageCount());
            PdfAssertions.assertA4Portrait(pdf, "the 40-indicator form");
            String document = pdf.compactText();
            for (TextField text : TextFields.of(fortyIndicators)) {
                if (!text.path().startsWith("$.indicators")) {
                    assertTrue(document.contains(PdfFile.compact(text.text())), text.path() + " is printed whole");
                }
            }
        }
    }

    /**
     * Each indicator column, read down the page and on over the following pages, is exactly the input's texts of that
     * column in input order: a row that does not fit at the end of a page goes on at the top of the next, and no row
     * is lost, repeated or moved.
     */
    @Test
    void everyIndicatorColumnReadsTheRowsOnceAndInOrder() {
        record Column(Rectangle2D area, String header, Function<Indicator, String> cell) {
        }
        List<Column> columns = List.of(
                new Column(column(148, 80), FormGrid.LEVEL3, Indicator::level3),
                new Column(column(228, 54), FormGrid.TARGET, Indicator::target),
                new Column(column(282, 54), FormGrid.ACTUAL, Indicator::actual),
                new Column(column(416, 77), FormGrid.DEVIATION, Indicator::deviation));
        try (PdfFile pdf = PdfFile.of(fortyIndicatorsPdf)) {
            for (Column column : columns) {
                StringBuilder printed = new StringBuilder();
                for (int page = 1; page <= pdf.pageCount(); page++) {
                    String text = PdfFile.compact(pdf.regionText(page, column.area()));
                    int header = text.indexOf(column.header());
                    assertTrue(header >= 0, "page " + page + " repeats the header " + column.header());
                    String rows = text.substring(header + column.header().length());
                    // the 总分 row under the table spans the middle columns
                    printed.append(page == pdf.pageCount() ? rows.replaceFirst(FormGrid.TOTAL + ".*$", "") : rows);
                }
                String expected = fortyIndicators.indicators().stream().map(column.cell())
                        .filter(Objects::nonNull).map(PdfFile::compact).collect(Collectors.joining());
                assertEquals(expected, printed.toString(), "the " + column.header() + " column, page after page");
            }
        }
    }

    /**
     * A column of the table, x and width in points from the table's left edge as in form.jrxml's header comment, from
     * the top of the page down to the footer.
     */
    private static Rectangle2D column(double x, double width) {
        return new Rectangle2D.Double(51 + x - 1, 0, width + 2, 842 - 43 - 20);
    }

    @Test
    void theIndicatorHeaderIsRepeatedOnEveryPageWithIndicatorRows() {
        try (PdfFile pdf = PdfFile.of(fortyIndicatorsPdf)) {
            for (int page = 1; page <= pdf.pageCount(); page++) {
                String text = PdfFile.compact(pdf.pageText(page));
                boolean hasRows = fortyIndicators.indicators().stream()
                        .anyMatch(indicator -> text.contains(PdfFile.compact(indicator.level3())));
                assertTrue(hasRows, "page " + page + " holds indicator rows");
                assertTrue(text.contains(INDICATOR_HEADER), "page " + page + " repeats the header " + INDICATOR_HEADER);
            }
        }
    }

    @Test
    void pagesAreNumberedPageNOfM() {
        for (byte[] form : List.of(fortyIndicatorsPdf, longDeviationPdf)) {
            try (PdfFile pdf = PdfFile.of(form)) {
                int pages = pdf.pageCount();
                for (int page = 1; page <= pages; page++) {
                    String footer = "第" + page + "页共" + pages + "页";
                    assertTrue(PdfFile.compact(pdf.pageText(page)).contains(footer), "page " + page + ": " + footer);
                }
            }
        }
    }

    @Test
    void multiPageFormsUseOnlyTheShippedFontsEmbeddedAsSubsets() {
        try (PdfFile pdf = PdfFile.of(fortyIndicatorsPdf)) {
            PdfAssertions.assertOnlyShippedFontsEmbeddedAsSubsets(pdf, "the 40-indicator form");
        }
        try (PdfFile pdf = PdfFile.of(longDeviationPdf)) {
            PdfAssertions.assertOnlyShippedFontsEmbeddedAsSubsets(pdf, "the form with a long deviation");
        }
    }

    /**
     * A deviation of 1,500 characters is taller than a page: its cell goes on over the next pages, and the column below
     * its header, read page after page, is exactly the input.
     */
    @Test
    void aDeviationOf1500CharactersComesOutWhole() {
        try (PdfFile pdf = PdfFile.of(longDeviationPdf)) {
            assertTrue(pdf.pageCount() >= 3, "1,500 characters in a 77 pt column take pages");
            StringBuilder column = new StringBuilder();
            for (int page = 1; page <= pdf.pageCount(); page++) {
                String text = PdfFile.compact(pdf.regionText(page, DEVIATION_COLUMN));
                int header = text.indexOf(FormGrid.DEVIATION);
                assertTrue(header >= 0, "page " + page + " has the column's header");
                column.append(text.substring(header + FormGrid.DEVIATION.length()));
            }
            assertEquals(PdfFile.compact(longDeviation), column.toString());
        }
    }
}
