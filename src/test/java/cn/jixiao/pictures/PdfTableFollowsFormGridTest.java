package cn.jixiao.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.OutputFormat;
import cn.jixiao.layout.FormGrid;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import cn.jixiao.pictures.TableLines.Rule;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.TestEngine;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PDF's table, as printed, is {@link FormGrid}'s table on the Word template's columns: read from the page picture,
 * its column lines are where the Word template's grid puts them (within 1 pt), and every cell border FormGrid implies
 * is drawn, and no other, so that the merged cells of the PDF are those of the Word file (which
 * {@code DocxRendererTest} holds to FormGrid). The JRXML templates lay the table out themselves; this is what keeps
 * them and FormGrid, and the two templates' column widths, from drifting apart.
 */
class PdfTableFollowsFormGridTest {

    private static final Path WORD_TEMPLATE = TestEngine.NATIONAL_TEMPLATES.resolve("form.docx");
    private static final double POINT_TOLERANCE = 1;
    private static final String[] COLUMN_NAMES = {"the section labels", FormGrid.LEVEL1, FormGrid.LEVEL2,
            FormGrid.LEVEL3, FormGrid.TARGET, FormGrid.ACTUAL, FormGrid.WEIGHT, FormGrid.SCORE, FormGrid.DEVIATION};

    static Stream<Evaluation> examples() {
        return Examples.evaluations().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void thePdfTableHasFormGridsCellsOnTheWordTemplatesColumns(Evaluation form) throws Exception {
        byte[] pdf = TestEngine.pdf().render(form, null).documents().get(OutputFormat.PDF);
        List<BufferedImage> pages = PagePictures.pages(pdf, PagePictures.DPI);
        assertEquals(1, pages.size(), "the example fits on one page");
        TableLines lines = TableLines.of(Ink.of(pages.get(0)), PagePictures.DPI);
        List<Rule> columns = lines.vertical();
        List<Rule> rows = lines.horizontal();

        double[] wordColumns = wordTemplateColumnBoundaries();
        assertEquals(wordColumns.length, columns.size(), "the PDF draws a line at each of the "
                + wordColumns.length + " column boundaries of the Word template and nowhere else, at x = "
                + columns.stream().map(rule -> points(centre(rule))).toList() + " pt");
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < wordColumns.length; k++) {
            double pdfPoints = points(centre(columns.get(k)) - centre(columns.get(0)));
            if (Math.abs(pdfPoints - wordColumns[k]) > POINT_TOLERANCE) {
                problems.add(String.format(Locale.ROOT, "column boundary %d (%s): %.1f pt from the table's left"
                        + " edge in the PDF, %.1f pt in the Word template's grid", k, boundaryName(k), pdfPoints,
                        wordColumns[k]));
            }
        }

        List<FormGrid.Row> grid = FormGrid.rows(FormLayout.of(form));
        assertEquals(grid.size() + 1, rows.size(), "a horizontal line above each of FormGrid's " + grid.size()
                + " rows and one below the last, at y = " + rows.stream().map(rule -> points(centre(rule))).toList()
                + " pt");
        FormGrid.Cell[][] cellAt = occupancy(grid);
        for (int row = 0; row < grid.size(); row++) {
            for (int k = 0; k <= FormGrid.COLUMNS; k++) {
                boolean border = k == 0 || k == FormGrid.COLUMNS || cellAt[row][k - 1] != cellAt[row][k];
                boolean drawn = covers(columns.get(k), rows.get(row).last() + 2, rows.get(row + 1).position() - 2);
                if (border != drawn) {
                    problems.add(rowName(grid, row) + ", " + boundaryName(k) + ": " + verdict(border, drawn));
                }
            }
        }
        for (int row = 0; row <= grid.size(); row++) {
            for (int column = 0; column < FormGrid.COLUMNS; column++) {
                boolean border = row == 0 || row == grid.size() || cellAt[row - 1][column] != cellAt[row][column];
                boolean drawn = covers(rows.get(row), columns.get(column).last() + 2,
                        columns.get(column + 1).position() - 2);
                if (border != drawn) {
                    problems.add("column " + column + " (" + COLUMN_NAMES[column] + "), "
                            + (row == 0 ? "above " + rowName(grid, 0) : "below " + rowName(grid, row - 1)) + ": "
                            + verdict(border, drawn));
                }
            }
        }
        assertTrue(problems.isEmpty(), form.projectName() + ": the PDF's table is not FormGrid's on the Word"
                + " template's columns:\n  " + String.join("\n  ", problems));
    }

    /** The boundaries of the Word template's grid columns ({@code w:gridCol}, in twips), in points from the left. */
    private static double[] wordTemplateColumnBoundaries() throws Exception {
        try (InputStream in = Files.newInputStream(WORD_TEMPLATE); XWPFDocument template = new XWPFDocument(in)) {
            List<Object> widths = template.getTables().get(0).getCTTbl().getTblGrid().getGridColList().stream()
                    .map(column -> column.getW()).toList();
            assertEquals(FormGrid.COLUMNS, widths.size(), "grid columns of the Word template's first table");
            double[] boundaries = new double[widths.size() + 1];
            for (int i = 0; i < widths.size(); i++) {
                boundaries[i + 1] = boundaries[i] + ((BigInteger) widths.get(i)).doubleValue() / 20;
            }
            return boundaries;
        }
    }

    /** Which of FormGrid's cells covers each row and column. */
    private static FormGrid.Cell[][] occupancy(List<FormGrid.Row> grid) {
        FormGrid.Cell[][] cellAt = new FormGrid.Cell[grid.size()][FormGrid.COLUMNS];
        for (int row = 0; row < grid.size(); row++) {
            for (FormGrid.Cell cell : grid.get(row).cells()) {
                for (int r = row; r < row + cell.rowSpan(); r++) {
                    for (int c = cell.column(); c < cell.column() + cell.columnSpan(); c++) {
                        cellAt[r][c] = cell;
                    }
                }
            }
        }
        return cellAt;
    }

    /** Whether the rule is drawn all the way from pixel {@code from} to pixel {@code to} along it. */
    private static boolean covers(Rule rule, int from, int to) {
        return rule.segments().stream().anyMatch(segment -> segment.from() <= from && segment.to() >= to);
    }

    private static String verdict(boolean border, boolean drawn) {
        return border ? "FormGrid has a cell border here, the PDF draws none"
                : "FormGrid has one cell across here, the PDF draws a line";
    }

    private static String rowName(List<FormGrid.Row> grid, int row) {
        return "row " + (row + 1) + " (" + grid.get(row).kind() + ")";
    }

    private static String boundaryName(int k) {
        return k == 0 ? "left edge" : k == FormGrid.COLUMNS ? "right edge"
                : "between " + COLUMN_NAMES[k - 1] + " and " + COLUMN_NAMES[k];
    }

    /** The middle of the rule across, in pixels. */
    private static double centre(Rule rule) {
        return (rule.position() + rule.last() + 1) / 2.0;
    }

    private static double points(double pixels) {
        return Math.round(pixels * 72 / PagePictures.DPI * 10) / 10.0;
    }
}
