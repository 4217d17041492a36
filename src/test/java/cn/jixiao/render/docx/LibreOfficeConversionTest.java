package cn.jixiao.render.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.jixiao.layout.FormGrid;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the produced DOCX in LibreOffice (headless, to PDF) and reads what it shows. Runs when {@code soffice} is on
 * the PATH, is skipped otherwise. Each document is converted in its own LibreOffice run: LibreOffice keeps the first
 * document's embedded font of a family for the rest of a run, so later documents would miss glyphs.
 */
class LibreOfficeConversionTest {

    @TempDir
    Path directory;

    /** One LibreOffice user profile for the class: creating it is most of the first conversion's time. */
    @TempDir
    static Path profile;

    @BeforeAll
    static void needsLibreOffice() throws Exception {
        assumeTrue(soffice() != null, "soffice is not on the PATH");
        DocxRendererTest.createRenderer();
    }

    @Test
    void seedFormShowsEveryCellInTheEmbeddedFontOnOnePage() throws Exception {
        try (PDDocument pdf = convert(SampleForms.seedForm1(), "seed")) {
            assertEquals(1, pdf.getNumberOfPages());
            assertEveryCellShownInEmbeddedFonts(SampleForms.seedForm1(), pdf);
        }
    }

    @Test
    void fortyIndicatorsContinueOnMorePagesWithTheHeaderRepeated() throws Exception {
        try (PDDocument pdf = convert(SampleForms.fortyIndicators(), "forty")) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages >= 2, "pages: " + pages);
            assertEveryCellShownInEmbeddedFonts(SampleForms.fortyIndicators(), pdf);
            for (int page = 1; page <= pages; page++) {
                String text = pageText(pdf, page);
                assertTrue(text.contains(FormGrid.DEVIATION), "indicator header on page " + page);
                assertTrue(text.contains("第" + page + "页共" + pages + "页"), "page number on page " + page);
            }
        }
    }

    private void assertEveryCellShownInEmbeddedFonts(Evaluation evaluation, PDDocument pdf) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        String text = compact(stripper.getText(pdf));
        for (FormGrid.Row row : FormGrid.rows(FormLayout.of(evaluation))) {
            for (FormGrid.Cell cell : row.cells()) {
                assertTrue(text.contains(compact(cell.text())), "LibreOffice does not show \"" + cell.text() + "\"");
            }
        }
        List<String> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                fonts.add(font.getName());
            }
        }
        assertTrue(fonts.stream().allMatch(name -> name.contains("NotoSerifSC")),
                "every glyph from the embedded Noto Serif SC, no fallback font: " + fonts);
    }

    private PDDocument convert(Evaluation evaluation, String name) throws Exception {
        Path docx = Files.write(directory.resolve(name + ".docx"),
                DocxRendererTest.renderer.render(FormLayout.of(evaluation)));
        Process process = new ProcessBuilder(soffice().toString(),
                "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", directory.toString(), docx.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".log").toFile())
                .start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "LibreOffice took over 3 minutes");
        Path pdf = directory.resolve(name + ".pdf");
        assertTrue(Files.exists(pdf), "LibreOffice wrote no PDF: " + Files.readString(directory.resolve(name + ".log")));
        return Loader.loadPDF(pdf.toFile());
    }

    private static String pageText(PDDocument pdf, int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return compact(stripper.getText(pdf));
    }

    /** Text without the line breaks and spaces that wrapping inserts. */
    private static String compact(String text) {
        return text.replaceAll("\\s", "");
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
