package cn.jixiao.render.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.jixiao.engine.OutputFormat;
import cn.jixiao.layout.FormGrid;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a produced DOCX in LibreOffice (headless, to PDF) and compares what it shows with the PDF the engine makes of
 * the same form. Runs when {@code soffice} is on the PATH, is skipped otherwise.
 *
 * <p>One document is converted, once: LibreOffice takes seconds to start, and it keeps the first document's embedded
 * font of a family for the rest of a run, so that two documents cannot share a run. The document is seed form 1 with
 * its indicators continued to forty ({@link SampleForms#seedForm1WithFortyIndicators}): a real form's texts and a
 * table over several pages.
 */
class LibreOfficeConversionTest {

    /** The first grid column whose cells are one per indicator row (三级指标), and the labels of the header row. */
    private static final int FIRST_ROW_COLUMN = 3;
    private static final List<String> HEADER_LABELS = List.of(FormGrid.INDICATORS, FormGrid.LEVEL1, FormGrid.LEVEL2,
            FormGrid.LEVEL3, FormGrid.TARGET, FormGrid.ACTUAL, FormGrid.WEIGHT, FormGrid.SCORE, FormGrid.DEVIATION);
    /** The table's left edge: the page margin of 51 pt, the table as wide as the text. */
    private static final double LEFT_MARGIN = 51;
    /** Below the table: the page number, 43 pt above the bottom edge of the 842 pt page, begins about here. */
    private static final double FOOTER_TOP = 780;
    /** The generated rows' 三级指标 begin 指标N：; seed form 1's rows come first, on page 1. */
    private static final Pattern GENERATED_ROW = Pattern.compile(SampleForms.GENERATED_ROW);

    private static Evaluation form;
    private static List<Double> columnWidths;
    private static PdfFile libreOffice;
    private static PdfFile engine;

    @BeforeAll
    static void convert(@TempDir Path directory) throws Exception {
        Path soffice = soffice();
        assumeTrue(soffice != null, "soffice is not on the PATH");
        DocxRendererTest.createRenderer();
        form = SampleForms.seedForm1WithFortyIndicators();
        byte[] bytes = DocxRendererTest.renderer.render(FormLayout.of(form));
        try (XWPFDocument document = DocxInspection.open(bytes)) {
            columnWidths = document.getTables().get(0).getCTTbl().getTblGrid().getGridColList().stream()
                    .map(column -> ((BigInteger) column.getW()).doubleValue() / 20).toList();
        }
        Path docx = Files.write(directory.resolve("form.docx"), bytes);
        Process process = new ProcessBuilder(soffice.toString(),
                "-env:UserInstallation=" + directory.resolve("profile").toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", directory.toString(), docx.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("soffice.log").toFile())
                .start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "LibreOffice took over 3 minutes");
        Path pdf = directory.resolve("form.pdf");
        assertTrue(Files.exists(pdf), "LibreOffice wrote no PDF: " + Files.readString(directory.resolve("soffice.log")));
        libreOffice = PdfFile.read(pdf);
        engine = PdfFile.of(TestEngine.pdf().render(form, null).documents().get(OutputFormat.PDF));
    }

    @AfterAll
    static void close() {
        for (PdfFile pdf : new PdfFile[] {libreOffice, engine}) {
            if (pdf != null) {
                pdf.close();
            }
        }
    }

    /**
     * Every cell's text is on the pages, in the embedded Noto Serif SC. An indicator row may break across pages, so
     * the cells right of 二级指标 are read down their column, page after page, without the repeated header.
     */
    @Test
    void everyCellIsShownInTheEmbeddedNotoSerifSc() {
        String text = libreOffice.compactText();
        List<String> columns = new ArrayList<>();
        for (int column = 0; column < FormGrid.COLUMNS; column++) {
            columns.add(columnText(column));
        }
        for (FormGrid.Row row : FormGrid.rows(FormLayout.of(form))) {
            for (FormGrid.Cell cell : row.cells()) {
                boolean mayBreak = row.kind() == FormGrid.RowKind.INDICATOR && cell.column() >= FIRST_ROW_COLUMN;
                assertTrue((mayBreak ? columns.get(cell.column()) : text).contains(PdfFile.compact(cell.text())),
                        "LibreOffice does not show \"" + cell.text() + "\"");
            }
        }
        for (PdfFile.Font font : libreOffice.fonts()) {
            assertTrue(font.embedded() && font.baseName().startsWith("NotoSerifSC"),
                    "every glyph from the embedded Noto Serif SC, no fallback font: " + libreOffice.fonts());
        }
    }

    /** A grid column's text on every page, top to bottom, the indicator header's label left out after page 1. */
    private static String columnText(int column) {
        double left = LEFT_MARGIN;
        for (int i = 0; i < column; i++) {
            left += columnWidths.get(i);
        }
        Rectangle2D area = new Rectangle2D.Double(left, 0, columnWidths.get(column), FOOTER_TOP);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= libreOffice.pageCount(); page++) {
            String onPage = PdfFile.compact(libreOffice.regionText(page, area));
            text.append(page == 1 ? onPage : onPage.replaceFirst(Pattern.quote(HEADER_LABELS.get(column)), ""));
        }
        return text.toString();
    }

    /** The first column is wide enough for four characters: 项目名称 and 主管部门 used to wrap after three. */
    @Test
    void theLabelsOfTheFirstRowsDoNotWrap() {
        List<String> lines = libreOffice.pageText(1).lines().map(PdfFile::compact).toList();
        for (String label : List.of(FormGrid.PROJECT_NAME, FormGrid.DEPARTMENT, FormGrid.IMPLEMENTING_UNIT)) {
            assertTrue(lines.stream().anyMatch(line -> line.contains(label)), label + " on one line: " + lines);
        }
    }

    /**
     * Page for page, the same rows begin as in the PDF (seed form 1's on page 1, so it fits there as in the PDF), and
     * every page repeats the indicator header and is numbered 第 N 页 共 M 页.
     */
    @Test
    void pagesBreakWhereThePdfsDo() {
        assertTrue(engine.pageCount() >= 3, "the form spans pages: " + engine.pageCount());
        assertEquals(engine.pageCount(), libreOffice.pageCount(), "pages");
        for (int page = 1; page <= engine.pageCount(); page++) {
            String text = PdfFile.compact(libreOffice.pageText(page));
            assertEquals(rowsBegun(PdfFile.compact(engine.pageText(page))), rowsBegun(text), "rows begun on page "
                    + page);
            assertTrue(text.contains(FormGrid.DEVIATION), "indicator header on page " + page);
            assertTrue(text.contains("第" + page + "页共" + engine.pageCount() + "页"), "page number on page " + page);
        }
        String firstPage = PdfFile.compact(libreOffice.pageText(1));
        SampleForms.seedForm1().indicators().forEach(indicator -> assertTrue(
                firstPage.contains(PdfFile.compact(indicator.level3())), indicator.level3() + " on page 1"));
    }

    private static List<Integer> rowsBegun(String pageText) {
        List<Integer> rows = new ArrayList<>();
        Matcher row = GENERATED_ROW.matcher(pageText);
        while (row.find()) {
            rows.add(Integer.parseInt(row.group(1)));
        }
        rows.sort(null); // the two PDFs draw the cells of a page in different orders
        return rows;
    }

    private static Path soffice() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "soffice");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
