package cn.jixiao.render.pdf;

import static cn.jixiao.testing.TrueTypePrograms.outline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.testing.TrueTypePrograms;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each font of a form's PDF embeds the glyphs the form draws and .notdef, nothing else, and each draws with the
 * outline and width of the full font's glyph.
 */
class CompactSubsetFontTest {

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
    void aOnePageSeedFormIsAtMost55KB() {
        assertEquals(5, SEED_FORMS.size());
        for (byte[] pdf : SEED_FORMS) {
            assertTrue(pdf.length <= 55_000, "a seed form takes " + pdf.length + " bytes");
        }
    }

    @Test
    void eachFontEmbedsNotdefAndTheGlyphsTheFormDrawsAsTheFullFontDrawsThem() throws Exception {
        Map<String, TrueTypeFont> fullFonts = Map.of(
                "NotoSerifSC-Regular", fullFont("NotoSerifSC-Regular.ttf"),
                "NotoSerifSC-Bold", fullFont("NotoSerifSC-Bold.ttf"));
        for (byte[] pdf : SEED_FORMS) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                Map<PDType0Font, TreeSet<Integer>> drawn = glyphsDrawn(document);
                assertEquals(2, drawn.size(), "the regular and the bold face");
                for (Map.Entry<PDType0Font, TreeSet<Integer>> font : drawn.entrySet()) {
                    String name = font.getKey().getName().substring(7); // after the subset tag
                    PDCIDFontType2 cidFont = (PDCIDFontType2) font.getKey().getDescendantFont();
                    TrueTypeFont program = TrueTypePrograms.parse(
                            cidFont.getFontDescriptor().getFontFile2().toByteArray());
                    TrueTypeFont full = fullFonts.get(name);
                    TreeSet<Integer> glyphs = font.getValue(); // the full font's glyph numbers, as the CIDs
                    assertEquals(glyphs.size() + (glyphs.contains(0) ? 0 : 1), program.getNumberOfGlyphs(),
                            name + ": the glyphs drawn and .notdef");
                    for (int cid : glyphs) {
                        int glyph = cidFont.codeToGID(cid);
                        assertEquals(outline(full, cid), outline(program, glyph), name + " glyph " + cid);
                        assertEquals(full.getAdvanceWidth(cid), program.getAdvanceWidth(glyph), name + " glyph " + cid);
                        assertEquals(full.getAdvanceWidth(cid) * 1000 / full.getUnitsPerEm(), cidFont.getWidth(cid),
                                0.5, "the width the PDF gives " + name + " glyph " + cid);
                    }
                }
            }
        }
    }

    @Test
    void theFormsTextStillReads() throws Exception {
        try (PDDocument document = Loader.loadPDF(SEED_FORMS.get(0))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("项目支出绩效自评表"), text);
            assertTrue(text.contains("政府批准聘用人员支出"), text);
        }
    }

    private static TrueTypeFont fullFont(String file) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBufferedFile(new File(FONTS.toFile(), file)));
    }

    /** The glyph numbers (the CIDs) each font draws on the pages. */
    private static Map<PDType0Font, TreeSet<Integer>> glyphsDrawn(PDDocument document) throws IOException {
        Map<PDType0Font, TreeSet<Integer>> drawn = new TreeMap<>((a, b) -> a.getName().compareTo(b.getName()));
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                if (text.getFont() instanceof PDType0Font font) {
                    for (int code : text.getCharacterCodes()) {
                        drawn.computeIfAbsent(font, key -> new TreeSet<>()).add(code);
                    }
                }
                super.processTextPosition(text);
            }
        };
        stripper.getText(document);
        return drawn;
    }
}
