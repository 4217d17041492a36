package cn.jixiao.render.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.model.Evaluation;
import cn.jixiao.render.RenderException;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Forms;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Archives and signatures depend on it: the same input gives the same bytes, whatever was rendered before or beside
 * it. The creation date is the form's 填报日期 ({@code reportDate}) or the run's date, never the clock, and without
 * either the PDF has none.
 */
class ReproduciblePdfTest {

    private static FormEngine engine;
    private static Evaluation seed;

    @BeforeAll
    static void startTheEngine() throws RenderException {
        engine = TestEngine.pdf();
        seed = Examples.named("政府批准聘用人员支出");
    }

    @Test
    void theSameInputGivesTheSameBytes() throws RenderException {
        byte[] first = pdf(seed, null);
        assertArrayEquals(first, pdf(seed, null));
        LocalDate date = LocalDate.of(2024, 3, 15);
        assertArrayEquals(pdf(seed, date), pdf(seed, date));
    }

    @Test
    void theBytesDoNotDependOnWhatWasRenderedBefore() throws RenderException {
        byte[] alone = pdf(seed, null);
        for (Evaluation other : Examples.evaluations()) {
            pdf(other, null);
        }
        assertArrayEquals(alone, pdf(seed, null));
    }

    @Test
    void formsRenderedAtTheSameTimeOnSeveralThreadsGiveTheSameBytes() throws RenderException {
        byte[] expected = pdf(seed, null);
        List<CompletableFuture<byte[]>> renders = Examples.evaluations().stream()
                .map(evaluation -> CompletableFuture.supplyAsync(() -> pdfUnchecked(evaluation)))
                .toList();
        byte[] concurrent = pdfUnchecked(seed);
        renders.forEach(CompletableFuture::join);
        assertArrayEquals(expected, concurrent);
        assertArrayEquals(expected, renders.get(0).join(), "the first example is this seed, rendered beside others");
    }

    @Test
    void withoutAnyDateThePdfHasNoCreationDate() throws RenderException {
        try (PdfFile pdf = PdfFile.of(pdf(seed, null))) {
            assertFalse(pdf.hasCreationDate(), "no /CreationDate: the clock is never the date");
            assertNull(pdf.modificationDate(), "no /ModDate either");
        }
    }

    @Test
    void theRunsDateIsTheCreationDate() throws RenderException {
        try (PdfFile pdf = PdfFile.of(pdf(seed, LocalDate.of(2024, 3, 15)))) {
            assertEquals(LocalDate.of(2024, 3, 15), day(pdf.creationDate()));
        }
    }

    @Test
    void theReportDateOfTheFormIsTheCreationDateAndWinsOverTheRunsDate() throws RenderException {
        Evaluation dated = Forms.withReportDate(seed, LocalDate.of(2024, 1, 31));
        try (PdfFile pdf = PdfFile.of(pdf(dated, null))) {
            assertEquals(LocalDate.of(2024, 1, 31), day(pdf.creationDate()));
        }
        try (PdfFile pdf = PdfFile.of(pdf(dated, LocalDate.of(2024, 3, 15)))) {
            assertEquals(LocalDate.of(2024, 1, 31), day(pdf.creationDate()));
        }
    }

    @Test
    void theDateChangesNothingButTheDate() throws RenderException {
        try (PdfFile undated = PdfFile.of(pdf(seed, null));
             PdfFile dated = PdfFile.of(pdf(seed, LocalDate.of(2024, 3, 15)))) {
            assertEquals(undated.pageTexts(), dated.pageTexts());
            assertEquals(undated.title(), dated.title());
            assertTrue(dated.hasCreationDate());
        }
    }

    private static byte[] pdf(Evaluation evaluation, LocalDate date) throws RenderException {
        return engine.render(evaluation, date).documents().get(OutputFormat.PDF);
    }

    private static byte[] pdfUnchecked(Evaluation evaluation) {
        try {
            return pdf(evaluation, null);
        } catch (RenderException e) {
            throw new AssertionError(evaluation.projectName() + " renders", e);
        }
    }

    /** The calendar day of a PDF date, read in UTC as the engine writes it. */
    private static LocalDate day(Calendar date) {
        assertTrue(date != null, "the PDF has a /CreationDate");
        return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
