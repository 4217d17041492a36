package cn.jixiao.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.FormEngine.RenderedForm;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.fonts.GlyphCoverage;
import cn.jixiao.fonts.GlyphCoverage.MissingGlyph;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.TextFields.TextField;
import cn.jixiao.model.TextFields;
import cn.jixiao.render.RenderException;
import cn.jixiao.render.pdf.PdfRenderer;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed forms mutated many thousand times (see {@link Mutator}), each read as the command line reads a file. For
 * every mutation: nothing throws; every diagnostic is one printable line that names a JSON path, or, when the file
 * cannot be read as JSON at all, a line and column; and every {@value #DEFAULT_RENDER_EVERY}th valid project is
 * rendered to PDF, which must draw every character of each input text in that text's own cell (see
 * {@link CellTexts}), or name it in a warning when the font lacks it. Characters are compared by the glyph the font
 * draws for them, as a reader sees them: the font draws U+2011 (non-breaking hyphen) with the glyph of "-", and the
 * PDF's text layer then gives back "-".
 *
 * <p>A valid project may still fail to render when a text does not fit its cell as the PDF writer sets it (see
 * {@link TextCompletenessTest}); the error must then name the text's JSON path.
 *
 * <p>The default run (10,000 mutations, about 100 PDFs, 20 to 40 s) is part of {@code mvn test}. A longer one:
 * {@code mvn test -Dtest=FuzzTest -Djixiao.fuzz.iterations=100000}; {@code -Djixiao.fuzz.seed=N} runs other
 * mutations, and {@code -Djixiao.fuzz.renderEvery=N} renders every Nth valid project. A failure names the seed and
 * the mutation's number, and keeps its file in {@code target/fuzz-failures/}.
 */
class FuzzTest {

    static final long DEFAULT_SEED = 20_231_231L;
    static final int DEFAULT_ITERATIONS = 10_000;
    static final int DEFAULT_RENDER_EVERY = 80;

    private static final long SEED = Long.getLong("jixiao.fuzz.seed", DEFAULT_SEED);
    private static final int ITERATIONS = Integer.getInteger("jixiao.fuzz.iterations", DEFAULT_ITERATIONS);
    private static final int RENDER_EVERY = Integer.getInteger("jixiao.fuzz.renderEvery", DEFAULT_RENDER_EVERY);
    private static final Path FAILURES = Path.of("target", "fuzz-failures");
    private static final int MAX_FAILURES = 10;
    /** Where a message says where in a file that could not be read as JSON. */
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("line \\d+, column \\d+");

    @TempDir
    Path directory;

    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> glyphs = new HashMap<>();
    private Font font;
    /** Fills the forms again for the oracle, which needs to know where each cell is. */
    private PdfRenderer pages;
    /** Which of the machine's fonts a form's renderer draws with: the same for the oracle's fill, or its lines move. */
    private GlyphCoverage coverage;
    private int iteration;
    private byte[] document;

    @Test
    void mutatedExamplesNeverThrowAlwaysSayWhereAndNeverLoseText() throws Exception {
        FormEngine engine = TestEngine.pdf();
        FontLibrary fonts = FontLibrary.scan(TestEngine.FONTS);
        font = fonts.face(FontSettings.DEFAULT_FAMILY, false).awtFont();
        FontSettings settings = FontSettings.shipped(TestEngine.FONTS);
        pages = PdfRenderer.create(TestEngine.TEMPLATES, TestEngine.TEMPLATE_CACHE, fonts, settings, List.of(), false);
        coverage = new GlyphCoverage(fonts.face(settings.bodyFamily(), false), null, settings.systemFonts());
        JsonNode seeds = Workspace.JSON.readTree(Examples.FILE.toFile());
        List<JsonNode> bases = new ArrayList<>();
        seeds.forEach(bases::add);
        bases.add(seeds);
        SplittableRandom random = new SplittableRandom(SEED);
        Mutator mutator = new Mutator(random);
        int valid = 0;
        int rendered = 0;
        int refused = 0;
        for (iteration = 1; iteration <= ITERATIONS && failures.size() < MAX_FAILURES; iteration++) {
            document = mutator.mutate(bases.get(random.nextInt(bases.size())));
            // A new file each time: rewriting one costs a hundred times more on some file systems (ext4 with discard).
            Path file = Files.write(directory.resolve("mutation-" + iteration + ".json"), document);
            List<ProjectInput> projects;
            try {
                projects = engine.read(file);
            } catch (RuntimeException e) {
                fail("reading threw " + e);
                continue;
            } finally {
                Files.delete(file);
            }
            for (ProjectInput project : projects) {
                project.diagnostics().forEach(this::checkSaysWhere);
                if (!project.hasErrors() && ++valid % RENDER_EVERY == 0) {
                    if (checkRendersWholeOrSaysWhere(engine, project.evaluation())) {
                        rendered++;
                    } else {
                        refused++;
                    }
                }
            }
        }
        System.out.printf("fuzz: seed %d, %d mutations, %d valid projects, %d rendered, %d refused at a path%n", SEED,
                iteration - 1, valid, rendered, refused);
        assertEquals(List.of(), failures, "seed " + SEED + ": " + failures.size() + " failures, files in " + FAILURES);
        assertTrue(rendered > 0 || ITERATIONS < 10 * RENDER_EVERY, "some mutations stay valid and render");
    }

    /** One line, nothing a terminal would act on, and where: a JSON path, or a line and column in the file. */
    private void checkSaysWhere(Diagnostic diagnostic) {
        String line = diagnostic.toString();
        if (line.codePoints().anyMatch(FuzzTest::unprintable)) {
            fail("an unprintable character in: " + Diagnostic.printable(line, 300));
        } else if (line.contains("Exception") || line.contains("com.fasterxml") || line.contains("networknt")) {
            fail("a library's internals in: " + line);
        } else if (diagnostic.path() == null && !(diagnostic.project() == 0 && fileLevel(diagnostic.message()))) {
            fail("neither a JSON path nor a line and column: " + line);
        } else if (diagnostic.path() != null && !diagnostic.path().startsWith("$")) {
            fail("not a JSON path: " + line);
        }
    }

    /** A message about a file that is not JSON says where it stops being JSON; an empty file has no where. */
    private static boolean fileLevel(String message) {
        return LINE_AND_COLUMN.matcher(message).find() || message.startsWith("is empty");
    }

    private static boolean unprintable(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Renders the form and compares each input text with what the PDF draws in its cell. Glyphs are compared, not
     * strings: the text-layer of a cell that continues on the next page comes in pieces. A form that does not render
     * must say where; false then.
     */
    private boolean checkRendersWholeOrSaysWhere(FormEngine engine, Evaluation evaluation) {
        RenderedForm form;
        try {
            form = engine.render(evaluation, null);
        } catch (RenderException e) {
            if (e.path() == null || !e.path().startsWith("$")) {
                fail("a valid project did not render, and the error names no path: " + e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            fail("rendering threw " + e);
            return false;
        }
        Set<Integer> warned = form.missingGlyphs().stream().map(MissingGlyph::codePoint).collect(Collectors.toSet());
        Map<String, String> cells;
        try (PdfFile pdf = PdfFile.of(form.documents().get(OutputFormat.PDF))) {
            cells = CellTexts.of(pages.withFallbacks(coverage.fallbacks(form.missingGlyphs()))
                    .fill(FormLayout.of(evaluation)), pdf);
        } catch (RenderException e) {
            fail("filled once, the form did not fill again: " + e.getMessage());
            return true;
        }
        for (TextField field : TextFields.of(evaluation)) {
            for (int c : field.text().codePoints().toArray()) {
                if (glyph(c) == 0 && !warned.contains(c) && !Character.isWhitespace(c) && !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT) {
                    fail(field.path() + ": U+" + Integer.toHexString(c).toUpperCase() + " is not in the font and no"
                            + " warning names it");
                    return true;
                }
            }
            if (!covers(glyphs(cells.getOrDefault(field.path(), "")), glyphs(field.text()))) {
                fail(field.path() + ": its cell in the PDF lacks characters of the text, and no error or warning"
                        + " says so");
                return true;
            }
        }
        return true;
    }

    /** Whether every glyph of {@code needed} occurs at least as often in {@code available}. */
    private static boolean covers(Map<Integer, Integer> available, Map<Integer, Integer> needed) {
        return needed.entrySet().stream()
                .allMatch(glyph -> available.getOrDefault(glyph.getKey(), 0) >= glyph.getValue());
    }

    /**
     * How often each glyph of the font occurs in the text, whitespace and invisible formatting characters and
     * characters the font lacks (glyph 0) left out. The presentation forms that PDFBox's text extraction folds (the
     * ligature ﬁ comes back as fi: U+FB00 to U+FDFF and U+FE70 to U+FEFF) are folded the same way first.
     */
    private Map<Integer, Integer> glyphs(String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        text.codePoints()
                .flatMap(c -> c >= 0xFB00 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF
                        ? Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC).codePoints()
                        : IntStream.of(c))
                .filter(c -> !Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT)
                .map(this::glyph)
                .filter(glyph -> glyph != 0)
                .forEach(glyph -> counts.merge(glyph, 1, Integer::sum));
        return counts;
    }

    private int glyph(int codePoint) {
        return glyphs.computeIfAbsent(codePoint, c -> font.createGlyphVector(
                new FontRenderContext(null, false, false), new String(Character.toChars(c))).getGlyphCode(0));
    }

    private void fail(String what) {
        failures.add("mutation " + iteration + " (" + keep("failure") + "): " + what);
    }

    /** Keeps the mutated file for whoever looks into it; its name says the seed and the mutation's number. */
    private Path keep(String kind) {
        Path kept = FAILURES.resolve(kind + "-seed-" + SEED + "-mutation-" + iteration + ".json");
        try {
            Files.createDirectories(FAILURES);
            Files.write(kept, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept;
    }
}
