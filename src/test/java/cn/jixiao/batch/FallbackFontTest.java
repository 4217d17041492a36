package cn.jixiao.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.FormEngine.RenderedForm;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.fonts.GlyphCoverage.MissingGlyph;
import cn.jixiao.model.Evaluation;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Forms;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A character the form's font lacks is reported with its cell, and a configured fallback font draws it. Uses DejaVu
 * Sans (Debian's fonts-dejavu-core) as the fallback; without it the tests are reported as skipped.
 */
class FallbackFontTest {

    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final String KING = "♔"; // U+2654: in DejaVu Sans, not in Noto Serif SC

    @TempDir
    static Path fonts;

    private static Evaluation form;
    private static FormEngine withFallback;

    @BeforeAll
    static void fontsWithAFallback() throws Exception {
        assumeTrue(Files.isRegularFile(DEJAVU), "DejaVu Sans is not installed");
        for (String file : List.of("NotoSerifSC-Regular.ttf", "NotoSerifSC-Bold.ttf")) {
            Files.copy(Path.of("fonts", file), fonts.resolve(file));
        }
        Files.copy(DEJAVU, fonts.resolve(DEJAVU.getFileName()));
        form = Forms.withOnlyDeviation(Examples.named("办公经费"), 0, "棋盘上的" + KING + "与生僻字𠀀");
        withFallback = FormEngine.start(new FormEngine.Settings(TestEngine.TEMPLATES, TestEngine.TEMPLATE_CACHE,
                new FontSettings(fonts, FontSettings.DEFAULT_FAMILY, FontSettings.DEFAULT_FAMILY, "DejaVu Sans"),
                Set.of(OutputFormat.PDF)));
    }

    @Test
    void aFallbackFontDrawsWhatTheBodyFontLacksAndTheWarningSaysSo() throws Exception {
        RenderedForm rendered = withFallback.render(form, null);
        MissingGlyph king = only(rendered.missingGlyphs(), 0x2654);
        assertEquals("$.indicators[0].deviation", king.path());
        assertEquals("character ♔ (U+2654) is not in font Noto Serif SC; it is drawn with the fallback font "
                + "DejaVu Sans", king.describe());
        try (PdfFile pdf = PdfFile.of(rendered.documents().get(OutputFormat.PDF))) {
            assertTrue(pdf.compactText().contains("棋盘上的" + KING), "the king is in the PDF's text");
            assertTrue(pdf.fonts().stream().anyMatch(font -> font.embedded() && font.subset()
                    && font.baseName().equals("DejaVuSans")), "the fallback is embedded as a subset: " + pdf.fonts());
        }
    }

    @Test
    void aCharacterNoFontHasIsReportedAsLeftOut() throws Exception {
        RenderedForm rendered = withFallback.render(form, null);
        assertEquals("character 𠀀 (U+20000) is not in font Noto Serif SC: it cannot be printed and is left out; "
                + "name a font that has it with --fallback-font", only(rendered.missingGlyphs(), 0x20000).describe());
    }

    @Test
    void withoutAFallbackEveryMissingCharacterIsReported() throws Exception {
        RenderedForm rendered = TestEngine.pdf().render(form, null);
        assertEquals(Set.of(0x2654, 0x20000),
                Set.copyOf(rendered.missingGlyphs().stream().map(MissingGlyph::codePoint).toList()));
        rendered.missingGlyphs().forEach(missing -> assertEquals(null, missing.fallback()));
    }

    private static MissingGlyph only(List<MissingGlyph> missing, int codePoint) {
        List<MissingGlyph> matching = missing.stream().filter(glyph -> glyph.codePoint() == codePoint).toList();
        assertEquals(1, matching.size(), "reported once: " + missing);
        return matching.get(0);
    }
}
