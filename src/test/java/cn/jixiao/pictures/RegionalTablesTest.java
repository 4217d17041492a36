package cn.jixiao.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Form;
import cn.jixiao.pictures.TableLines.Rule;
import cn.jixiao.render.docx.DocxInspection;
import cn.jixiao.render.docx.DocxInspection.Merge;
import cn.jixiao.render.docx.DocxInspection.TableCell;
import cn.jixiao.render.docx.DocxInspection.TableRow;
import cn.jixiao.testing.RegionalExamples;
import cn.jixiao.testing.TestEngine;
import java.awt.image.BufferedImage;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A regional form states its grid in its templates and nowhere else: the Word template's grid columns
 * ({@code w:gridCol}), and the JRXML's frames, whose header comment gives the same grid in points. The two outputs of
 * its example are the same table: the PDF draws its column lines where the Word template's grid puts them (within
 * 1 pt), and boxes exactly the cells of the Word document, merges and all. This holds the templates of each form
 * together, as {@link PdfTableFollowsFormGridTest} does FormGrid and the national form's.
 */
class RegionalTablesTest {

    private static final double POINT_TOLERANCE = 1;
    /** A column of the header comment's grid: {@code c3 124/62}, x and width in points. */
    private static final Pattern COMMENT_COLUMN = Pattern.compile("\\bc(\\d+) (\\d+)/(\\d+)\\b");
    private static final Map<Form, Evaluation> EXAMPLES = Map.of(Form.XIANJIE, RegionalExamples.xianjie(),
            Form.SICHUAN, RegionalExamples.sichuan());

    @ParameterizedTest
    @EnumSource(value = Form.class, names = {"XIANJIE", "SICHUAN"})
    void theJrxmlHeaderStatesTheWordTemplatesGrid(Form form) throws Exception {
        Path folder = form.templatesFolder(TestEngine.TEMPLATES);
        String jrxml = Files.readString(folder.resolve("form.jrxml"));
        String header = jrxml.substring(jrxml.indexOf("<!--"), jrxml.indexOf("-->"));
        List<Double> stated = new ArrayList<>(List.of(0.0));
        Matcher column = COMMENT_COLUMN.matcher(header);
        for (int k = 0; column.find(); k++) {
            assertEquals(k, Integer.parseInt(column.group(1)), "the header comment's columns in order");
            assertEquals(stated.get(k), Double.parseDouble(column.group(2)), "c" + k + " starts where c"
                    + (k - 1) + " ends");
            stated.add(stated.get(k) + Double.parseDouble(column.group(3)));
        }
        try (XWPFDocument template = DocxInspection.open(Files.readAllBytes(folder.resolve("form.docx")))) {
            assertEquals(stated, boundaries(gridColumns(template)),
                    form.id() + "/form.docx's grid in points against the header comment of " + form.id()
                            + "/form.jrxml");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Form.class, names = {"XIANJIE", "SICHUAN"})
    void thePdfTableHasTheWordDocumentsCellsOnTheWordTemplatesColumns(Form form) throws Exception {
        FormEngine.RenderedForm rendered = TestEngine.allFormats().render(EXAMPLES.get(form), null);
        List<BufferedImage> pages = PagePictures.pages(rendered.documents().get(OutputFormat.PDF), PagePictures.DPI);
        assertEquals(1, pages.size(), "the example fits on one page");
        TableLines lines = TableLines.of(Ink.of(pages.get(0)), PagePictures.DPI);
        List<Rule> columns = lines.vertical();
        List<Rule> rows = lines.horizontal();

        List<TableRow> wordRows;
        List<Double> wordColumns;
        try (XWPFDocument document = DocxInspection.open(rendered.documents().get(OutputFormat.DOCX))) {
            wordRows = DocxInspection.rows(document);
            wordColumns = boundaries(gridColumns(document));
        }
        int columnCount = wordColumns.size() - 1;
        assertEquals(wordColumns.size(), columns.size(), "the PDF draws a line at each of the " + wordColumns.size()
                + " column boundaries of the Word template and nowhere else, at x = "
                + columns.stream().map(rule -> points(centre(rule))).toList() + " pt");
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < wordColumns.size(); k++) {
            double pdfPoints = points(centre(columns.get(k)) - centre(columns.get(0)));
            if (Math.abs(pdfPoints - wordColumns.get(k)) > POINT_TOLERANCE) {
                problems.add(String.format(Locale.ROOT, "column boundary %d: %.1f pt from the table's left edge in"
                        + " the PDF, %.1f pt in the Word template's grid", k, pdfPoints, wordColumns.get(k)));
            }
        }

        TableCell[][] cellAt = occupancy(wordRows, columnCount);
        assertEquals(wordRows.size() + 1, rows.size(), "a horizontal line above each of the Word document's "
                + wordRows.size() + " rows and one below the last, at y = "
                + rows.stream().map(rule -> points(centre(rule))).toList() + " pt");
        for (int row = 0; row < wordRows.size(); row++) {
            for (int k = 0; k <= columnCount; k++) {
                boolean border = k == 0 || k == columnCount || cellAt[row][k - 1] != cellAt[row][k];
                boolean drawn = covers(columns.get(k), rows.get(row).last() + 2, rows.get(row + 1).position() - 2);
                if (border != drawn) {
                    problems.add(rowName(wordRows, row) + ", column boundary " + k + ": " + verdict(border, drawn));
                }
            }
        }
        for (int row = 0; row <= wordRows.size(); row++) {
            for (int column = 0; column < columnCount; column++) {
                boolean border = row == 0 || row == wordRows.size() || cellAt[row - 1][column] != cellAt[row][column];
                boolean drawn = covers(rows.get(row), columns.get(column).last() + 2,
                        columns.get(column + 1).position() - 2);
                if (border != drawn) {
                    problems.add("column " + column + ", " + (row == 0 ? "above " + rowName(wordRows, 0)
                            : "below " + rowName(wordRows, row - 1)) + ": " + verdict(border, drawn));
                }
            }
        }
        assertTrue(problems.isEmpty(), form.id() + ": the PDF's table is not the Word document's on its grid:\n  "
                + String.join("\n  ", problems));
    }

    /** The grid columns of the document's tables in twips; every table of the form has the same. */
    private static List<BigInteger> gridColumns(XWPFDocument document) {
        List<BigInteger> first = null;
        for (XWPFTable table : document.getTables()) {
            List<BigInteger> widths = table.getCTTbl().getTblGrid().getGridColList().stream()
                    .map(column -> (BigInteger) column.getW()).toList();
            if (first == null) {
                first = widths;
            }
            assertEquals(first, widths, "every table of the form has the first table's grid columns");
        }
        return first;
    }

    /** The column boundaries in points from the table's left edge. */
    private static List<Double> boundaries(List<BigInteger> twips) {
        List<Double> boundaries = new ArrayList<>(List.of(0.0));
        for (BigInteger width : twips) {
            boundaries.add(boundaries.get(boundaries.size() - 1) + width.doubleValue() / 20);
        }
        return boundaries;
    }

    /** Which of the Word document's cells covers each row and column: a vertically continued cell is the one above. */
    private static TableCell[][] occupancy(List<TableRow> rows, int columns) {
        TableCell[][] cellAt = new TableCell[rows.size()][columns];
        for (int row = 0; row < rows.size(); row++) {
            int covered = 0;
            for (TableCell cell : rows.get(row).cells()) {
                TableCell owner = cell.merge() == Merge.CONTINUE && row > 0 ? cellAt[row - 1][cell.column()] : cell;
                for (int c = cell.column(); c < cell.column() + cell.columnSpan(); c++) {
                    cellAt[row][c] = owner;
                }
                covered += cell.columnSpan();
            }
            assertEquals(columns, covered, rowName(rows, row) + " covers the grid");
        }
        return cellAt;
    }

    private static boolean covers(Rule rule, int from, int to) {
        return rule.segments().stream().anyMatch(segment -> segment.from() <= from && segment.to() >= to);
    }

    private static String verdict(boolean border, boolean drawn) {
        return border ? "the Word document has a cell border here, the PDF draws none"
                : "the Word document has one cell across here, the PDF draws a line";
    }

    private static String rowName(List<TableRow> rows, int row) {
        TableRow word = rows.get(row);
        return "row " + (row + 1) + " (table " + (word.table() + 1) + " row " + (word.index() + 1) + ", \""
                + word.cells().stream().map(TableCell::text).filter(text -> !text.isBlank()).findFirst().orElse("")
                + "\")";
    }

    private static double centre(Rule rule) {
        return (rule.position() + rule.last() + 1) / 2.0;
    }

    private static double points(double pixels) {
        return Math.round(pixels * 72 / PagePictures.DPI * 10) / 10.0;
    }
}
