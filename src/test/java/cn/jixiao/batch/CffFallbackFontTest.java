package cn.jixiao.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.FormEngine.RenderedForm;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Forms;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OpenType font with PostScript (CFF) outlines as the fallback font: jixiao writes compact subsets of TrueType
 * fonts only and leaves this one's subset to OpenPDF, and the PDF still embeds it and its text can be copied. The font
 * is made for the test (three glyphs standing for CJK Extension B characters Noto Serif SC lacks;
 * {@code src/test/resources/fonts/cff/make_font.py}), as no CFF font is installed.
 */
class CffFallbackFontTest {

    private static final Path CFF = Path.of("src", "test", "resources", "fonts", "cff", "JixiaoTestCff.otf");
    private static final String RARE = "𠀀𠀁𠀂"; // U+20000 to U+20002: in the test font, not in Noto Serif SC

    @TempDir
    Path fonts;

    @Test
    void aCffFallbackFontIsEmbeddedAsASubsetAndItsTextIsExtractable() throws Exception {
        for (String file : List.of("NotoSerifSC-Regular.ttf", "NotoSerifSC-Bold.ttf")) {
            Files.copy(Path.of("fonts", file), fonts.resolve(file));
        }
        Files.copy(CFF, fonts.resolve(CFF.getFileName()));
        FormEngine engine = FormEngine.start(new FormEngine.Settings(TestEngine.TEMPLATES, TestEngine.TEMPLATE_CACHE,
                new FontSettings(fonts, FontSettings.DEFAULT_FAMILY, FontSettings.DEFAULT_FAMILY, "Jixiao Test CFF",
                        null),
                Set.of(OutputFormat.PDF)));

        RenderedForm rendered = engine.render(Forms.withOnlyDeviation(Examples.named("办公经费"), 0,
                "生僻字" + RARE + "已补"), null);

        assertEquals(List.of("Jixiao Test CFF", "Jixiao Test CFF", "Jixiao Test CFF"),
                rendered.missingGlyphs().stream().map(missing -> missing.fallback().family()).toList());
        byte[] pdf = rendered.documents().get(OutputFormat.PDF);
        try (PdfFile file = PdfFile.of(pdf)) {
            assertTrue(file.compactText().contains("生僻字" + RARE + "已补"), file.compactText());
            assertTrue(file.fonts().stream().anyMatch(font -> font.embedded() && font.subset()
                    && font.baseName().startsWith("JixiaoTestCFF")), "embedded as a subset: " + file.fonts());
        }
        PDFontDescriptor cff = descriptor(pdf, "JixiaoTestCFF");
        assertNotNull(cff.getFontFile3(), "its program is embedded as CFF (FontFile3)");
        assertNull(cff.getFontFile2(), "not as TrueType");
    }

    /** The descriptor of the font whose name, after its subset tag, starts with {@code name}. */
    private static PDFontDescriptor descriptor(byte[] pdf, String name) throws Exception {
        List<String> names = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName resource : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(resource);
                    names.add(font.getName());
                    if (font.getName().contains("+" + name) && font instanceof PDType0Font composite) {
                        return composite.getDescendantFont().getFontDescriptor();
                    }
                }
            }
        }
        throw new AssertionError("no font " + name + " among " + names);
    }
}
