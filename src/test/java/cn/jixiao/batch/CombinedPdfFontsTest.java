package cn.jixiao.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.bench.GeneratedInput;
import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.render.RenderException;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 全部自评表.pdf of many forms embeds each font once, shared by every page, while each project's own PDF keeps its own
 * fonts; every page of it still reads and looks exactly as the project's PDF.
 */
class CombinedPdfFontsTest {

    private static final int FORMS = 24;

    @TempDir
    static Path directory;

    private static final List<ProjectResult> results = new ArrayList<>();

    @BeforeAll
    static void renderGeneratedForms() throws IOException, RenderException {
        List<Path> input = new GeneratedInput(Examples.FILE).write(directory.resolve("in"), FORMS, 7);
        FormEngine engine = TestEngine.pdf();
        List<ProjectInput> projects = new ArrayList<>();
        for (Path file : input) {
            projects.addAll(engine.read(file));
        }
        BatchRun.Outcome outcome = new BatchRun(engine, new BatchRun.Settings(Set.of(OutputFormat.PDF), null, false,
                true, 2)).run(projects, BatchOutput.directory(directory.resolve("out")), new BatchRun.Listener() {
            @Override
            public void planned(int projects) {
            }

            @Override
            public void finished(ProjectResult result) {
                results.add(result);
            }
        });
        assertEquals(FORMS, outcome.rendered());
    }

    @Test
    void theFormsShareOneProgramPerFont() throws IOException {
        try (PdfFile combined = PdfFile.read(directory.resolve("out").resolve(BatchRun.COMBINED_PDF))) {
            assertEquals(FORMS, combined.pageCount());
            assertEquals(2, combined.fontPrograms(), "Noto Serif SC Regular and Bold, once each");
        }
        long formsBytes = 0;
        for (ProjectResult result : results) {
            try (PdfFile form = PdfFile.read(directory.resolve("out").resolve(result.outputs().get(0)))) {
                assertEquals(2, form.fontPrograms(), "each project's PDF embeds its own fonts");
            }
            formsBytes += Files.size(directory.resolve("out").resolve(result.outputs().get(0)));
        }
        long combinedBytes = Files.size(directory.resolve("out").resolve(BatchRun.COMBINED_PDF));
        assertTrue(combinedBytes < formsBytes / 3, "the combined PDF (" + combinedBytes
                + " bytes) is much smaller than its forms together (" + formsBytes + " bytes)");
    }

    @Test
    void everyPageReadsAndLooksAsTheProjectsOwnPdf() {
        try (PdfFile combined = PdfFile.read(directory.resolve("out").resolve(BatchRun.COMBINED_PDF))) {
            List<PdfFile.Bookmark> bookmarks = combined.bookmarks();
            assertEquals(FORMS, bookmarks.size());
            for (int page = 1; page <= FORMS; page++) {
                ProjectResult result = results.get(page - 1);
                assertEquals(new PdfFile.Bookmark(result.input().name(), page), bookmarks.get(page - 1));
                try (PdfFile form = PdfFile.read(directory.resolve("out").resolve(result.outputs().get(0)))) {
                    assertEquals(form.pageText(1), combined.pageText(page), "the text of page " + page);
                    assertArrayEquals(pixels(form.pageImage(1, 40)), pixels(combined.pageImage(page, 40)),
                            "page " + page + " as drawn");
                }
            }
        }
    }

    @Test
    void aFormWhoseGlyphsAreSharedAlreadyReadsAndLooksAsItsOwnPdf() throws IOException {
        // A form again after others: every glyph of its fonts is in the shared fonts already (its fonts are not read
        // again); then forms with glyphs of their own.
        List<Path> forms = List.of(form(0), form(1), form(0), form(2), form(1), form(3));
        Path out = directory.resolve("again");
        try (CombinedPdf combined = new CombinedPdf(BatchOutput.directory(out), "again.pdf", "again", false)) {
            for (Path form : forms) {
                combined.append(Files.readAllBytes(form), form.getFileName().toString());
            }
            combined.commit(null);
        }

        try (PdfFile combined = PdfFile.read(out.resolve("again.pdf"))) {
            assertEquals(forms.size(), combined.pageCount());
            assertEquals(2, combined.fontPrograms(), "Noto Serif SC Regular and Bold, once each");
            for (int page = 1; page <= forms.size(); page++) {
                try (PdfFile form = PdfFile.read(forms.get(page - 1))) {
                    assertEquals(form.pageText(1), combined.pageText(page), "the text of page " + page);
                    assertArrayEquals(pixels(form.pageImage(1, 40)), pixels(combined.pageImage(page, 40)),
                            "page " + page + " as drawn");
                }
            }
        }
    }

    private static Path form(int index) {
        return directory.resolve("out").resolve(results.get(index).outputs().get(0));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
