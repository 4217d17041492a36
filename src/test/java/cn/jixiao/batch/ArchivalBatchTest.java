package cn.jixiao.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.render.RenderException;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.PdfAValidation;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * {@code batch --pdfa}: every PDF the batch writes (each project's, 全部自评表.pdf and the summary) passes veraPDF as
 * PDF/A-2u, with and without a date, and the same input still gives the same bytes.
 */
class ArchivalBatchTest {

    @TempDir
    static Path dated;
    @TempDir
    static Path datedAgain;
    @TempDir
    static Path undated;

    private static FormEngine engine;

    @BeforeAll
    static void runTheExamples() throws IOException, RenderException {
        engine = FormEngine.start(new FormEngine.Settings(TestEngine.TEMPLATES, TestEngine.TEMPLATE_CACHE,
                FontSettings.shipped(TestEngine.FONTS), Set.of(OutputFormat.PDF), true));
        run(dated, LocalDate.of(2024, 3, 1));
        run(datedAgain, LocalDate.of(2024, 3, 1));
        run(undated, null);
    }

    private static void run(Path output, LocalDate date) throws IOException, RenderException {
        BatchRun.Outcome outcome = new BatchRun(engine, new BatchRun.Settings(Set.of(OutputFormat.PDF), date,
                false, true, 2)).run(engine.read(Examples.FILE), BatchOutput.directory(output), new BatchRun.Listener() {
            @Override
            public void planned(int projects) {
            }

            @Override
            public void finished(ProjectResult result) {
            }
        });
        assertEquals(0, outcome.failed());
    }

    private static List<Path> pdfs(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".pdf")).sorted().toList();
        }
    }

    @Test
    void everyPdfOfTheBatchIsPdfA2u() throws IOException {
        for (Path directory : List.of(dated, undated)) {
            List<Path> pdfs = pdfs(directory);
            assertTrue(pdfs.contains(directory.resolve(BatchRun.COMBINED_PDF)));
            assertTrue(pdfs.contains(directory.resolve(BatchRun.SUMMARY_PDF)));
            assertEquals(Examples.evaluations().size() + 2, pdfs.size());
            for (Path pdf : pdfs) {
                List<String> failures = PdfAValidation.failures(Files.readAllBytes(pdf), PDFAFlavour.PDFA_2_U);
                assertEquals(List.of(), failures, pdf + " breaks PDF/A-2u rules");
            }
        }
    }

    @Test
    void theMetadataNamesTheLevelTheTitleAndTheDate() throws IOException {
        String metadata = metadata(dated.resolve(BatchRun.COMBINED_PDF));
        assertTrue(metadata.contains("<pdfaid:part>2</pdfaid:part>"), metadata);
        assertTrue(metadata.contains("<pdfaid:conformance>U</pdfaid:conformance>"), metadata);
        assertTrue(metadata.contains(">" + BatchRun.COMBINED_TITLE + "</rdf:li>"), metadata);
        assertTrue(metadata.contains("<xmp:CreateDate>2024-03-01T00:00:00Z</xmp:CreateDate>"), metadata);

        String undatedMetadata = metadata(undated.resolve(BatchRun.SUMMARY_PDF));
        assertTrue(undatedMetadata.contains("<pdfaid:part>2</pdfaid:part>"), undatedMetadata);
        assertFalse(undatedMetadata.contains("CreateDate"), undatedMetadata);
    }

    @Test
    void theSameInputGivesTheSameBytes() throws IOException {
        for (Path pdf : pdfs(dated)) {
            assertArrayEquals(Files.readAllBytes(pdf), Files.readAllBytes(datedAgain.resolve(pdf.getFileName())),
                    pdf.getFileName() + " differs between two runs");
        }
    }

    private static String metadata(Path pdf) throws IOException {
        try (PdfFile file = PdfFile.read(pdf)) {
            return new String(file.metadata(), StandardCharsets.UTF_8);
        }
    }
}
