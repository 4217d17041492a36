package cn.jixiao.batch;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.layout.SummaryTable;
import cn.jixiao.render.RenderException;
import cn.jixiao.render.xlsx.SummaryWorkbook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The batch's 项目支出绩效自评汇总表 as a PDF and a workbook, being made on other threads from the rows of a table as it
 * was when they started.
 */
final class SummaryDocuments {

    private final List<SummaryTable.Row> rows;
    private final CompletableFuture<byte[]> pdf;
    private final CompletableFuture<byte[]> workbook;

    private SummaryDocuments(List<SummaryTable.Row> rows, CompletableFuture<byte[]> pdf,
                             CompletableFuture<byte[]> workbook) {
        this.rows = rows;
        this.pdf = pdf;
        this.workbook = workbook;
    }

    /** Starts making the PDF and the workbook of the table's rows, each as a task of its own. */
    static SummaryDocuments start(FormEngine engine, SummaryTable table, LocalDate date, Executor threads) {
        CompletableFuture<byte[]> pdf = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.renderSummary(table, date);
            } catch (RenderException e) {
                throw new CompletionException(e);
            }
        }, threads);
        CompletableFuture<byte[]> workbook = CompletableFuture.supplyAsync(() -> {
            try {
                return SummaryWorkbook.write(table, engine.bodyFamily(), date);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, threads);
        return new SummaryDocuments(table.rows(), pdf, workbook);
    }

    /** Whether these are the documents of the table's rows as they are now. */
    boolean areOf(SummaryTable table) {
        return rows.equals(table.rows());
    }

    /** The PDF, once made. */
    byte[] pdf() throws IOException, RenderException {
        return join(pdf);
    }

    /** The workbook, once made. */
    byte[] workbook() throws IOException, RenderException {
        return join(workbook);
    }

    /** The document, or what stopped it: a failure to render or to write the workbook. */
    private static byte[] join(CompletableFuture<byte[]> document) throws IOException, RenderException {
        try {
            return document.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RenderException rendering) {
                throw rendering;
            }
            if (e.getCause() instanceof UncheckedIOException writing) {
                throw writing.getCause();
            }
            throw e;
        }
    }
}
