package cn.jixiao.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.FormEngine.RenderedForm;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.fonts.GlyphCoverage.MissingGlyph;
import cn.jixiao.fonts.SystemFonts;
import cn.jixiao.model.Evaluation;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Forms;
import cn.jixiao.testing.MachineFonts;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A character the configured fonts lack is drawn, by default, with the first font of the machine that has it: a
 * 生僻字 of CJK Extension B with HanaMinA (fonts-hanazono), the symbol ⅓ with DejaVu Sans. The warning names the font
 * and the cell, the PDF embeds a subset of the font, and the common characters around it stay in the body font. The
 * machine's fonts are a directory of links ({@link MachineFonts}); without fonts-hanazono and fonts-dejavu-core the
 * tests are reported as skipped. (The DOCX: {@code DocxFallbackFontTest}.)
 */
class SystemFontFallbackTest {

    private static final String DEVIATION = "完成⅓以上𠀀与𪚥";

    @TempDir
    static Path machine;
    @TempDir
    static Path bareMachine;

    private static FormEngine engine;
    private static Evaluation form;
    private static RenderedForm rendered;

    @BeforeAll
    static void render() throws Exception {
        engine = start(MachineFonts.hanazonoAndDejaVu(machine), Set.of(OutputFormat.PDF, OutputFormat.DOCX));
        form = Forms.withOnlyDeviation(Examples.named("办公经费"), 0, DEVIATION);
        rendered = engine.render(form, null);
    }

    @Test
    void eachMissingCharacterIsDrawnWithTheFirstRegularFontOfTheMachineThatHasIt() {
        String notInNoto = " is not in font Noto Serif SC; it is drawn with ";
        assertEquals(List.of(
                "$.indicators[0].deviation: character ⅓ (U+2153)" + notInNoto + "DejaVu Sans, a font of this machine ("
                        + MachineFonts.DEJAVU.resolve("DejaVuSans.ttf") + ")",
                "$.indicators[0].deviation: character 𠀀 (U+20000)" + notInNoto + "HanaMinA, a font of this machine ("
                        + MachineFonts.HANAZONO.resolve("HanaMinA.ttf") + ")",
                "$.indicators[0].deviation: character 𪚥 (U+2A6A5)" + notInNoto + "HanaMinA, a font of this machine ("
                        + MachineFonts.HANAZONO.resolve("HanaMinA.ttf") + ")"),
                rendered.missingGlyphs().stream().map(missing -> missing.path() + ": " + missing.describe()).toList(),
                "DejaVuSans-Bold.ttf, first by name, is passed over: it is not a regular face");
    }

    @Test
    void thePdfDrawsThemWithEmbeddedSubsetsOfThoseFontsAndTheRestInTheBodyFont() throws Exception {
        byte[] pdf = rendered.documents().get(OutputFormat.PDF);
        try (PdfFile file = PdfFile.of(pdf)) {
            assertTrue(file.compactText().contains(DEVIATION), file.compactText());
            for (String font : List.of("HanaMinA", "DejaVuSans")) {
                assertTrue(file.fonts().stream().anyMatch(embedded -> embedded.baseName().equals(font)
                        && embedded.embedded() && embedded.subset()), font + " embedded as a subset: " + file.fonts());
            }
        }
        Map<String, String> fonts = fontOfEachCharacter(pdf);
        assertEquals("DejaVuSans", fonts.get("⅓"));
        assertEquals("HanaMinA", fonts.get("𠀀"));
        assertEquals("HanaMinA", fonts.get("𪚥"));
        for (String common : List.of("完", "成", "以", "上", "与")) {
            assertEquals("NotoSerifSC-Regular", fonts.get(common), common + " stays in the body font");
        }
    }

    @Test
    void theFormNamesTheFontsItIsDrawnWith() {
        List<Path> files = rendered.fonts().stream().map(FontLibrary.Face::file).toList();
        assertEquals(List.of(TestEngine.FONTS.resolve("NotoSerifSC-Regular.ttf"),
                TestEngine.FONTS.resolve("NotoSerifSC-Bold.ttf"), MachineFonts.DEJAVU.resolve("DejaVuSans.ttf"),
                MachineFonts.HANAZONO.resolve("HanaMinA.ttf")), files);
    }

    @Test
    void theBatchReportNamesTheFontsOfEachProjectAndOfTheRunAndTheSummaryUsesThemToo(@TempDir Path directory) throws Exception {
        ArrayNode projects = (ArrayNode) new ObjectMapper().readTree(Examples.FILE.toFile());
        ((ObjectNode) projects.get(1)).put("projectName", "生僻字𠀀项目");
        Path input = directory.resolve("projects.json");
        new ObjectMapper().writeValue(input.toFile(), List.of(projects.get(0), projects.get(1)));
        Path output = directory.resolve("out");
        new BatchRun(engine, new BatchRun.Settings(Set.of(OutputFormat.PDF), null, false, true, 1))
                .run(engine.read(input), BatchOutput.directory(output), new BatchRun.Listener() {
                    @Override
                    public void planned(int count) {
                    }

                    @Override
                    public void finished(ProjectResult result) {
                    }
                });
        JsonNode report = new ObjectMapper().readTree(output.resolve("report.json").toFile());
        String noto = "Noto Serif SC " + TestEngine.FONTS.resolve("NotoSerifSC-Regular.ttf") + ", Noto Serif SC "
                + TestEngine.FONTS.resolve("NotoSerifSC-Bold.ttf");
        String hanaMin = "HanaMinA " + MachineFonts.HANAZONO.resolve("HanaMinA.ttf");
        assertEquals(noto, fonts(report.get("projects").get(0)));
        assertEquals(noto + ", " + hanaMin, fonts(report.get("projects").get(1)));
        assertEquals(noto + ", " + hanaMin, fonts(report), "the run's fonts");
        try (PdfFile summary = PdfFile.read(output.resolve(BatchRun.SUMMARY_PDF))) {
            assertTrue(summary.compactText().contains("生僻字𠀀项目"), "the summary draws it too: "
                    + summary.compactText());
        }
    }

    private static String fonts(JsonNode node) {
        List<String> fonts = new ArrayList<>();
        node.get("fonts").forEach(font -> fonts.add(font.get("family").asText() + " " + font.get("file").asText()));
        return String.join(", ", fonts);
    }

    @Test
    void theSameMachineGivesTheSameDocuments() throws Exception {
        RenderedForm again = engine.render(form, null);
        assertArrayEquals(rendered.documents().get(OutputFormat.PDF), again.documents().get(OutputFormat.PDF));
        assertArrayEquals(rendered.documents().get(OutputFormat.DOCX), again.documents().get(OutputFormat.DOCX));
    }

    @Test
    void onAMachineWithoutSuchAFontTheCharacterIsLeftOutAndTheWarningSaysWhatToInstall() throws Exception {
        RenderedForm bare = start(SystemFonts.in(List.of(bareMachine)), Set.of(OutputFormat.PDF)).render(form, null);
        MissingGlyph missing = bare.missingGlyphs().stream().filter(glyph -> glyph.codePoint() == 0x20000)
                .findFirst().orElseThrow();
        assertEquals("character 𠀀 (U+20000) is not in font Noto Serif SC: it cannot be printed and is left out; no"
                + " font installed on this machine has it either: install one (fonts-hanazono has CJK Extension B"
                + " to F) or name one with --fallback-font", missing.describe());
        try (PdfFile file = PdfFile.of(bare.documents().get(OutputFormat.PDF))) {
            assertFalse(file.compactText().contains("𠀀"), file.compactText());
        }
    }

    private static FormEngine start(SystemFonts systemFonts, Set<OutputFormat> formats) throws Exception {
        return FormEngine.start(new FormEngine.Settings(TestEngine.TEMPLATES, TestEngine.TEMPLATE_CACHE,
                new FontSettings(TestEngine.FONTS, FontSettings.DEFAULT_FAMILY, FontSettings.DEFAULT_FAMILY, null,
                        systemFonts), formats));
    }

    /** The font (without its subset tag) each character of the PDF is drawn in, the last one where several are. */
    private static Map<String, String> fontOfEachCharacter(byte[] pdf) throws IOException {
        Map<String, String> fonts = new LinkedHashMap<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    String name = text.getFont().getName();
                    fonts.put(text.getUnicode(), name.substring(name.indexOf('+') + 1));
                }
            }.getText(document);
        }
        return fonts;
    }
}
