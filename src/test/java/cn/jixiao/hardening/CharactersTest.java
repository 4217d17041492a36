package cn.jixiao.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.PdfFile;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Characters beyond the common Chinese ones, through {@code jixiao render} with the shipped font (Noto Serif SC) and
 * without the machine's fonts ({@code --no-system-fonts}): Latin, full-width and half-width forms print as written; a
 * character the font lacks (生僻字 of CJK Extension B and later, emoji) is a warning naming it and its cell. Without a
 * fallback font ({@code --fallback-font}) the PDF leaves such a character out altogether: no glyph, not even an empty
 * box, and nothing in the text layer, so the warning is the only trace of it. (With the machine's fonts, the default,
 * see {@link cn.jixiao.batch.SystemFontFallbackTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharactersTest {

    /** What the warning adds when no fallback font is configured. */
    private static final String LEFT_OUT = ": it cannot be printed and is left out; name a font that has it with"
            + " --fallback-font";

    private Path input;
    private Jixiao.Run run;
    private String pdfText;
    private int notdefGlyphs;

    @BeforeAll
    void render(@TempDir Path directory) {
        ObjectNode project = Workspace.project("生僻字𠀀𪚥项目")
                .put("department", "Café Zoë Ærøskøbing ß")
                .put("implementingUnit", "ＡＢＣ１２３（全角）ｱｲｳｴｵ(半角)");
        project.putObject("goals").put("expected", "表情😀与👍").put("actual", "扩展C𪜀D𫝀E𫠠F𬺰G𰀀完");
        ((ObjectNode) project.path("indicators").get(0)).put("deviation", "㐀䶵〇 ½ № ℃ Ⅷ");
        input = Workspace.writeJson(directory.resolve("characters.json"), project);
        Path output = directory.resolve("out");

        run = Jixiao.run("render", input.toString(), "-o", output.toString(), "--no-system-fonts");

        Path pdf = output.resolve("2023-生僻字𠀀𪚥项目.pdf");
        try (PdfFile file = PdfFile.read(pdf)) {
            pdfText = file.compactText();
        }
        notdefGlyphs = notdefGlyphs(pdf);
    }

    @Test
    void eachCharacterTheFontLacksIsAWarningNamingItAndItsCell() {
        String project = input + ": project 1 \"生僻字𠀀𪚥项目\": ";
        assertEquals(List.of(
                project + "$.projectName: character 𠀀 (U+20000) is not in font Noto Serif SC" + LEFT_OUT,
                project + "$.projectName: character 𪚥 (U+2A6A5) is not in font Noto Serif SC" + LEFT_OUT,
                project + "$.goals.expected: character 😀 (U+1F600) is not in font Noto Serif SC" + LEFT_OUT,
                project + "$.goals.expected: character 👍 (U+1F44D) is not in font Noto Serif SC" + LEFT_OUT,
                project + "$.goals.actual: character 𪜀 (U+2A700) is not in font Noto Serif SC" + LEFT_OUT,
                project + "$.goals.actual: character 𫝀 (U+2B740) is not in font Noto Serif SC" + LEFT_OUT,
                project + "$.goals.actual: character 𫠠 (U+2B820) is not in font Noto Serif SC" + LEFT_OUT,
                project + "$.goals.actual: character 𬺰 (U+2CEB0) is not in font Noto Serif SC" + LEFT_OUT,
                project + "$.goals.actual: character 𰀀 (U+30000) is not in font Noto Serif SC" + LEFT_OUT),
                run.warnings());
        assertEquals(0, run.exitCode(), "warnings do not stop the form");
        assertTrue(run.out().startsWith("1 of 1 project rendered"), run.out());
    }

    @Test
    void latinFullWidthAndHalfWidthFormsPrintAsWritten() {
        for (String text : List.of("CaféZoëÆrøskøbingß", "ＡＢＣ１２３（全角）ｱｲｳｴｵ(半角)", "㐀䶵〇½№℃Ⅷ")) {
            assertTrue(pdfText.contains(text), text + " in " + pdfText);
        }
    }

    @Test
    void aCharacterTheFontLacksIsLeftOutOfThePdfWithoutATrace() {
        assertTrue(pdfText.contains("项目名称生僻字项目"), "the name closes up over the two missing characters");
        assertTrue(pdfText.contains("表情与"), pdfText);
        assertTrue(pdfText.contains("扩展CDEFG完"), pdfText);
        for (String missing : List.of("𠀀", "𪚥", "😀", "👍", "𪜀", "𫝀", "𫠠", "𬺰", "𰀀", "\uFFFD", "□")) {
            assertFalse(pdfText.contains(missing), missing + " is not in the PDF's text");
        }
        assertEquals(0, notdefGlyphs, "glyphs drawn as the font's empty box (.notdef)");
    }

    /** How many times the pages draw glyph 0, the box a font shows for a character it lacks. */
    private static int notdefGlyphs(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int[] count = {0};
            PDFTextStripper glyphs = new PDFTextStripper() {
                @Override
                protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                        throws IOException {
                    count[0] += code == 0 ? 1 : 0;
                    super.showGlyph(textRenderingMatrix, font, code, displacement);
                }
            };
            glyphs.getText(document);
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
