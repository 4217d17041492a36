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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
        return runFiles(List.of(CompletableFuture.completedFuture(projects)), output, listener);
    }

    /**
     * Reads the input files with the engine ({@link FormEngine#read(Path)}) and renders their projects as {@link
     * #run(List, BatchOutput, Listener)} does. The files are read one after another on a thread of their own, and the
     * projects of a file render as soon as it is read: the first forms do not wait for the last file (reading and
     * checking 1,000 projects takes a single processor the better part of a second). The listener is told of the
     * results once every file is read, as it learns only then how many projects there are.
     */
    public Outcome run(InputFiles inputs, BatchOutput output, Listener listener) throws IOException, RenderException {
        ExecutorService reader = Executors.newSingleThreadExecutor(task -> new Thread(task, "input reader"));
        try {
            List<Future<List<ProjectInput>>> files = new ArrayList<>();
            for (Path file : inputs.files()) {
                files.add(reader.submit(() -> engine.read(file)));
            }
            return runFiles(files, output, listener);
        } finally {
            stop(reader);
        }
    }

    /** Renders the projects of each file, as it is read, in file order. */
    private Outcome runFiles(List<Future<List<ProjectInput>>> files, BatchOutput output, Listener listener)
            throws IOException, RenderException {
        OutputNames names = new OutputNames();
        names.reserve(COMBINED_PDF, SUMMARY_PDF, SUMMARY_XLSX, BatchReport.FILE_NAME);
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads());
        ExecutorService writers = output.concurrentWrites() ? Executors.newFixedThreadPool(settings.threads()) : null;
        try (Collector collector = new Collector(output, listener)) {
            Deque<Future<Done>> inFlight = new ArrayDeque<>();
            for (Future<List<ProjectInput>> file : files) {
                for (ProjectInput project : read(file)) {
                    collector.plannedOnceRead(files, workers);
                    if (collector.stopped) {
                        inFlight.add(done(new ProjectResult(project, Status.SKIPPED, List.of(),
                                project.diagnostics())));
                    } else if (project.hasErrors()) {
                        inFlight.add(done(new ProjectResult(project, Status.FAILED, List.of(),
                                project.diagnostics())));
                        collector.stopped = settings.failFast();
                    } else {
                        String name = names.next(project.evaluation().year(), project.evaluation().projectName());
                        CompletableFuture<Done> done = CompletableFuture.supplyAsync(
                                () -> new Done(engine.render(project, settings.date(), rendered), name), workers);
                        inFlight.add(writers == null ? done : done.thenApplyAsync(collector::written, writers));
                    }
                    while (inFlight.size() > 2 * settings.threads()
                            || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                        collector.collect(await(inFlight.poll()));
                    }
                }
            }
            collector.plannedOnceRead(files, workers);
            while (!inFlight.isEmpty()) {
                collector.collect(await(inFlight.poll()));
            }
            Outcome outcome = collector.commit(workers);
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
        /** Results the listener is told of once it knows how many projects there are. */
        private List<ProjectResult> untold = new ArrayList<>();
        /** The summary's documents made ahead, from the projects expected to render; {@code null} for none. */
        private SummaryDocuments summaryAhead;
        private int projectCount;
        boolean stopped;

        Collector(BatchOutput output, Listener listener) throws IOException {
            this.output = output;
            this.listener = listener;
            combined = settings.batchFiles()
                    ? new CombinedPdf(output, COMBINED_PDF, COMBINED_TITLE, engine.archival()) : null;
            report = settings.batchFiles() ? new BatchReport(output) : null;
        }

        /**
         * Once every file is read, the first time it is called: tells the listener how many projects there are, and
         * of the results so far; and starts the summary's documents on the workers, from the projects expected to
         * render (all those without errors). They are ready long before the last form, which would otherwise wait for
         * them, and used if the expectation holds: only a form that fails to render, or {@code --fail-fast} stopping
         * the run, makes them again at the end (a batch of 1,000 on two processors ended with about a second of the
         * summary alone).
         */
        void plannedOnceRead(List<Future<List<ProjectInput>>> files, ExecutorService workers)
                throws RenderException {
            if (untold == null || !files.stream().allMatch(Future::isDone)) {
                return;
            }
            List<ProjectInput> projects = new ArrayList<>();
            for (Future<List<ProjectInput>> file : files) {
                projects.addAll(read(file));
            }
            projectCount = projects.size();
            listener.planned(projectCount);
            untold.forEach(listener::finished);
            untold = null;
            boolean stops = settings.failFast() && projects.stream().anyMatch(ProjectInput::hasErrors);
            if (report != null && !stops) {
                SummaryTable expected = new SummaryTable();
                projects.stream().filter(project -> !project.hasErrors())
                        .forEach(project -> expected.add(project.evaluation()));
                if (!expected.rows().isEmpty()) {
                    summaryAhead = SummaryDocuments.start(engine, expected, settings.date(), workers);
                }
            }
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
            if (untold == null) {
                listener.finished(result);
            } else {
                untold.add(result);
            }
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
         * Finishes the batch's files: the summary's, made ahead if they are of the rows collected, else made now on
         * the workers, idle by now, while this thread writes the combined PDF's shared fonts.
         */
        Outcome commit(ExecutorService workers) throws IOException, RenderException {
            Map<String, String> batchFiles = new LinkedHashMap<>();
            if (report != null) {
                if (!summary.rows().isEmpty()) {
                    SummaryDocuments documents = summaryAhead != null && summaryAhead.areOf(summary) ? summaryAhead
                            : SummaryDocuments.start(engine, summary, settings.date(), workers);
                    combined.commit(settings.date());
                    batchFiles.put("combinedPdf", COMBINED_PDF);
                    byte[] summaryPdf = documents.pdf();
                    output.write(SUMMARY_PDF, out -> out.write(summaryPdf));
                    batchFiles.put("summaryPdf", SUMMARY_PDF);
                    byte[] workbook = documents.workbook();
                    output.write(SUMMARY_XLSX, out -> ReproducibleZip.rewrite(workbook, out));
                    batchFiles.put("summaryXlsx", SUMMARY_XLSX);
                }
                report.commit(batchFiles);
                batchFiles.put("report", BatchReport.FILE_NAME);
            }
            return new Outcome(projectCount, byStatus[Status.RENDERED.ordinal()], byStatus[Status.FAILED.ordinal()],
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

    /** A file's projects, as the engine read them. */
    private static List<ProjectInput> read(Future<List<ProjectInput>> file) throws RenderException {
        try {
            return file.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted", e);
        } catch (ExecutionException e) {
            throw new RenderException("a file could not be read: " + e.getCause(), e.getCause());
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
