package cn.jixiao.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.render.RenderException;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded fonts are trimmed to what the form draws, and the form still looks and reads the same. */
class FontProgramTrimmerTest {

    private static final Path FONTS = Path.of("fonts");
    private static final List<byte[]> SEED_FORMS = new ArrayList<>();

    @BeforeAll
    static void renderTheSeedForms() throws Exception {
        PdfRenderer renderer = PdfRenderer.create(Path.of("templates"), null, FontLibrary.scan(FONTS),
                FontSettings.shipped(FONTS), List.of(), false);
        for (ProjectInput project : new EvaluationReader().read(Path.of("examples/jinfeng-2023.json"))) {
            SEED_FORMS.add(renderer.render(FormLayout.of(project.evaluation()), null));
        }
    }

    @Test
    void aOnePageSeedFormIsAtMost60KB() {
        assertEquals(5, SEED_FORMS.size());
        for (byte[] pdf : SEED_FORMS) {
            assertTrue(pdf.length <= 60_000, "a seed form takes " + pdf.length + " bytes");
        }
    }

    @Test
    void glyphsTheFormDrawsKeepTheFontsMetricsAndTheOthersHaveNone() throws Exception {
        TrueTypeFont original = new TTFParser().parse(
                new RandomAccessReadBufferedFile(new File("fonts/NotoSerifSC-Regular.ttf")));
        try (PDDocument document = Loader.loadPDF(SEED_FORMS.get(0))) {
            TrueTypeFont embedded = regularFontProgram(document);
            HorizontalMetricsTable kept = embedded.getHorizontalMetrics();
            HorizontalMetricsTable full = original.getHorizontalMetrics();
            int drawn = 0;
            for (int glyph = 0; glyph < embedded.getNumberOfGlyphs(); glyph++) {
                GlyphData outline = embedded.getGlyph().getGlyph(glyph);
                if (outline != null && outline.getNumberOfContours() != 0) {
                    drawn++;
                    assertEquals(full.getAdvanceWidth(glyph), kept.getAdvanceWidth(glyph), "advance of glyph " + glyph);
                    assertEquals(full.getLeftSideBearing(glyph), kept.getLeftSideBearing(glyph), "lsb of glyph " + glyph);
                } else {
                    assertEquals(0, kept.getLeftSideBearing(glyph), "lsb of undrawn glyph " + glyph);
                }
            }
            assertTrue(drawn > 100, "the first seed form draws " + drawn + " glyphs of the regular face");
        }
        original.close();
    }

    @Test
    void trimmedFontsStillRender() throws Exception {
        try (PDDocument document = Loader.loadPDF(SEED_FORMS.get(0))) {
            BufferedImage page = new PDFRenderer(document).renderImage(0, 1);
            assertEquals(595, page.getWidth());
            int inked = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    inked += (page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
                }
            }
            assertTrue(inked > 10_000, "the page shows text and lines");
        }
    }

    @Test
    void openPdfWritesWhatTheTrimmerRewrites() throws Exception {
        Path font = FONTS.resolve("NotoSerifSC-Regular.ttf");
        PdfFonts.preload(font);
        FontProgramTrimmer.checkShape(PdfFonts.sample(font));
    }

    @Test
    void aPdfWithACrossReferenceStreamStopsTheRunNamingTheReason() throws Exception {
        byte[] fullyCompressed = openPdf(true, BaseFont.createFont(FONTS.resolve("NotoSerifSC-Regular.ttf")
                .toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED));

        RenderException failure = assertThrows(RenderException.class,
                () -> FontProgramTrimmer.checkShape(fullyCompressed));
        assertEquals("OpenPDF does not write PDFs as jixiao expects, so their fonts cannot be trimmed: its startxref"
                + " does not point at a cross-reference table (a cross-reference stream, or full compression?)"
                + " (jixiao is made for OpenPDF " + FontProgramTrimmer.OPENPDF_VERSION + ")", failure.getMessage());
    }

    @Test
    void aPdfThatEmbedsNoTrueTypeProgramStopsTheRunNamingTheReason() throws Exception {
        byte[] standardFont = openPdf(false, BaseFont.createFont());

        RenderException failure = assertThrows(RenderException.class,
                () -> FontProgramTrimmer.checkShape(standardFont));
        assertTrue(failure.getMessage().contains(": it embeds no TrueType program (a stream with /Length1)"),
                failure.getMessage());
    }

    /** One line written by OpenPDF itself. */
    private static byte[] openPdf(boolean fullCompression, BaseFont font) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter writer = PdfWriter.getInstance(document, out);
        if (fullCompression) {
            writer.setFullCompression();
        }
        document.open();
        document.add(new Paragraph("2023", new Font(font, 12)));
        document.close();
        return out.toByteArray();
    }

    private static TrueTypeFont regularFontProgram(PDDocument document) throws Exception {
        PDResources resources = document.getPage(0).getResources();
        for (var name : resources.getFontNames()) {
            if (resources.getFont(name) instanceof PDType0Font type0
                    && type0.getName().endsWith("NotoSerifSC-Regular")
                    && type0.getDescendantFont() instanceof PDCIDFontType2 cidFont) {
                byte[] program = cidFont.getFontDescriptor().getFontFile2().toByteArray();
                return new TTFParser(true).parse(new RandomAccessReadBuffer(program));
            }
        }
        throw new AssertionError("no embedded NotoSerifSC-Regular");
    }
}
