package cn.jixiao.batch;

import cn.jixiao.batch.ProjectResult.Status;
import cn.jixiao.diagnostics.Diagnostic.Severity;
import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.engine.ProjectDocuments;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.io.ReproducibleZip;
import cn.jixiao.layout.SummaryTable;
import cn.jixiao.render.RenderException;
import cn.jixiao.render.xlsx.SummaryWorkbook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Renders projects into one {@link BatchOutput} (a directory, or a ZIP stream): a document per project and format, and
 * for a batch also one combined PDF, the summary table and {@code report.json}.
 *
 * <p>Projects render in parallel; everything that depends on order (names, the combined PDF, the summary, the report,
 * the listener's calls) happens in input order on the calling thread, so the same input gives the same files. A
 * project's own files are written by a thread of their own where the output allows it ({@link
 * BatchOutput#concurrentWrites}): each file is forced to the disk before the next step, and that wait, 5 to 20 ms a
 * file on a busy disk, would otherwise hold up every form behind it. A project with errors is reported and skipped;
 * the others render. At most a few forms per thread are held in memory at a time.
 */
public final class BatchRun {

    /** Names of the batch's own files; no project file takes them. */
    public static final String COMBINED_TITLE = "全部自评表";
    public static final String COMBINED_PDF = COMBINED_TITLE + ".pdf";
    public static final String SUMMARY_PDF = SummaryTable.TITLE + ".pdf";
    public static final String SUMMARY_XLSX = SummaryTable.TITLE + ".xlsx";

    /**
     * @param formats     the documents written per project
     * @param date        the documents' date where a project gives none; {@code null} for none
     * @param failFast    stop at the first project with errors
     * @param batchFiles  also write the combined PDF, the summary table and {@code report.json}; the engine must then
     *                    render PDF, whether or not PDF files are written per project
     * @param threads     how many forms render at once
     */
    public record Settings(Set<OutputFormat> formats, LocalDate date, boolean failFast,
                           boolean batchFiles, int threads) {
        public Settings {
            formats = Set.copyOf(formats);
        }
    }

    /** Told of each project's result, in input order, from the thread that runs the batch. */
    public interface Listener {
        /** Before the first result: how many projects the inputs hold. */
        void planned(int projects);

        void finished(ProjectResult result);
    }

    /**
     * What a run did.
     *
     * @param batchFiles the names of the batch's own files by role ({@code combinedPdf}, {@code report}, …)
     */
    public record Outcome(int projects, int rendered, int failed, int skipped, long warnings,
                          Map<String, String> batchFiles) {
        public boolean hasErrors() {
            return failed > 0;
        }
    }

    private final FormEngine engine;
    private final Settings settings;
    /** The formats asked for per project, and PDF for the batch's files. */
    private final Set<OutputFormat> rendered;

    public BatchRun(FormEngine engine, Settings settings) {
        Set<OutputFormat> needed = EnumSet.copyOf(settings.formats());
        if (settings.batchFiles()) {
            needed.add(OutputFormat.PDF);
        }
        if (!engine.formats().containsAll(needed)) {
            throw new IllegalArgumentException("the engine renders " + engine.formats() + ", the run needs " + needed);
        }
        this.engine = engine;
        this.settings = settings;
        this.rendered = Set.copyOf(needed);
    }

    /**
     * Renders the projects, as read by the engine, into the output, and {@linkplain BatchOutput#finish finishes} it.
     *
     * @throws IOException when a document cannot be written (a full disk, a closed stream): the run stops there, and
     *                     what was complete before stays
     */
    public Outcome run(List<ProjectInput> projects, BatchOutput output, Listener listener)
            throws IOException, RenderException {
        listener.planned(projects.size());
        OutputNames names = new OutputNames();
        names.reserve(COMBINED_PDF, SUMMARY_PDF, SUMMARY_XLSX, BatchReport.FILE_NAME);
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads());
        ExecutorService writers = output.concurrentWrites() ? Executors.newFixedThreadPool(settings.threads()) : null;
        try (Collector collector = new Collector(output, listener)) {
            Deque<Future<Done>> inFlight = new ArrayDeque<>();
            for (ProjectInput project : projects) {
                if (collector.stopped) {
                    inFlight.add(done(new ProjectResult(project, Status.SKIPPED, List.of(), project.diagnostics())));
                } else if (project.hasErrors()) {
                    inFlight.add(done(new ProjectResult(project, Status.FAILED, List.of(), project.diagnostics())));
                    collector.stopped = settings.failFast();
                } else {
                    String name = names.next(project.evaluation().year(), project.evaluation().projectName());
                    CompletableFuture<Done> done = CompletableFuture.supplyAsync(
                            () -> new Done(engine.render(project, settings.date(), rendered), name), workers);
                    inFlight.add(writers == null ? done : done.thenApplyAsync(collector::written, writers));
                }
                while (inFlight.size() > 2 * settings.threads() || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                    collector.collect(await(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                collector.collect(await(inFlight.poll()));
            }
            Outcome outcome = collector.commit(projects.size(), workers);
            output.finish();
            return outcome;
        } finally {
            stop(workers);
            if (writers != null) {
                stop(writers);
            }
        }
    }

    /** Stops the threads and waits for them, so that a form being written is complete or gone when the run ends. */
    private static void stop(ExecutorService threads) {
        threads.shutdownNow();
        try {
            threads.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A project's documents and the name of its files, and its result once its files are written; or, without
     * documents, the result of a project that was not rendered.
     */
    private record Done(ProjectDocuments documents, String name, ProjectResult result) {
        Done(ProjectDocuments documents, String name) {
            this(documents, name, null);
        }
    }

    private static Future<Done> done(ProjectResult notRendered) {
        return CompletableFuture.completedFuture(new Done(null, null, notRendered));
    }

    /**
     * Takes the results in input order: writes the project's documents, tells the listener, counts, and for a batch
     * builds the combined PDF, the summary and the report as it goes. Closed without {@link #commit}, it leaves none of
     * the batch files.
     */
    private final class Collector implements AutoCloseable {
        private final BatchOutput output;
        private final Listener listener;
        private final CombinedPdf combined;
        private final SummaryTable summary = new SummaryTable();
        private final BatchReport report;
        private final int[] byStatus = new int[Status.values().length];
        private long warnings;
        boolean stopped;

        Collector(BatchOutput output, Listener listener) throws IOException {
            this.output = output;
            this.listener = listener;
            combined = settings.batchFiles()
                    ? new CombinedPdf(output, COMBINED_PDF, COMBINED_TITLE, engine.archival()) : null;
            report = settings.batchFiles() ? new BatchReport(output) : null;
        }

        void collect(Done done) throws IOException {
            ProjectResult result = done.result() != null ? done.result() : write(done);
            byStatus[result.status().ordinal()]++;
            warnings += result.count(Severity.WARNING);
            stopped |= settings.failFast() && result.status() == Status.FAILED;
            if (report != null) {
                if (result.status() == Status.RENDERED) {
                    combined.append(done.documents().document(OutputFormat.PDF), result.input().name());
                    summary.add(result.input().evaluation());
                }
                report.add(result, done.documents() == null ? List.of() : done.documents().fonts());
            }
            listener.finished(result);
        }

        /** For a writer thread: the project with its documents written ({@link #write}). */
        Done written(Done done) {
            try {
                return new Done(done.documents(), done.name(), write(done));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes a rendered project's documents in format order; a project that failed to render has none. */
        private ProjectResult write(Done done) throws IOException {
            ProjectDocuments documents = done.documents();
            if (!documents.rendered()) {
                return new ProjectResult(documents.input(), Status.FAILED, List.of(), documents.diagnostics());
            }
            List<String> outputs = new ArrayList<>();
            for (OutputFormat format : OutputFormat.values()) {
                if (settings.formats().contains(format)) {
                    String file = done.name() + "." + format.extension;
                    byte[] document = documents.document(format);
                    output.write(file, out -> out.write(document));
                    outputs.add(file);
                }
            }
            return new ProjectResult(documents.input(), Status.RENDERED, outputs, documents.diagnostics());
        }

        /**
         * Finishes the batch's files. The summary's PDF and workbook are made on the workers, idle by now, while this
         * thread writes the combined PDF's shared fonts: on two processors that takes about a second off the end of
         * a batch of 1,000. They are written in the same order as ever.
         */
        Outcome commit(int projects, ExecutorService workers) throws IOException, RenderException {
            Map<String, String> batchFiles = new LinkedHashMap<>();
            if (report != null) {
                if (!summary.rows().isEmpty()) {
                    CompletableFuture<byte[]> summaryPdf = CompletableFuture.supplyAsync(() -> {
                        try {
                            return engine.renderSummary(summary, settings.date());
                        } catch (RenderException e) {
                            throw new CompletionException(e);
                        }
                    }, workers);
                    CompletableFuture<byte[]> workbook = CompletableFuture.supplyAsync(() -> {
                        try {
                            return SummaryWorkbook.write(summary, engine.bodyFamily(), settings.date());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, workers);
                    combined.commit(settings.date());
                    batchFiles.put("combinedPdf", COMBINED_PDF);
                    byte[] summaryDocument = join(summaryPdf);
                    output.write(SUMMARY_PDF, out -> out.write(summaryDocument));
                    batchFiles.put("summaryPdf", SUMMARY_PDF);
                    byte[] workbookDocument = join(workbook);
                    output.write(SUMMARY_XLSX, out -> ReproducibleZip.rewrite(workbookDocument, out));
                    batchFiles.put("summaryXlsx", SUMMARY_XLSX);
                }
                report.commit(batchFiles);
                batchFiles.put("report", BatchReport.FILE_NAME);
            }
            return new Outcome(projects, byStatus[Status.RENDERED.ordinal()], byStatus[Status.FAILED.ordinal()],
                    byStatus[Status.SKIPPED.ordinal()], warnings, batchFiles);
        }

        @Override
        public void close() throws IOException {
            if (report != null) {
                try (CombinedPdf unfinished = combined; BatchReport unfinishedReport = report) {
                    // closing discards whatever was not committed
                }
            }
        }
    }

    /** The summary's document, or what stopped it: a failure to render or to write the workbook. */
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

    private static Done await(Future<Done> result) throws IOException, RenderException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException writing) {
                throw writing.getCause();
            }
            throw new RenderException("a form could not be rendered: " + e.getCause(), e.getCause());
        }
    }
}
