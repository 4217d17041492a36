package cn.jixiao.batch;

import cn.jixiao.batch.FormEngine.RenderedForm;
import cn.jixiao.batch.ProjectResult.Status;
import cn.jixiao.fonts.GlyphCoverage.MissingGlyph;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.io.AtomicFiles;
import cn.jixiao.io.ReproducibleZip;
import cn.jixiao.render.RenderException;
import cn.jixiao.render.xlsx.SummaryWorkbook;
import cn.jixiao.summary.SummaryTable;
import cn.jixiao.validation.Diagnostic;
import cn.jixiao.validation.Diagnostic.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
 * Renders the projects of some input files into one output directory: a document per project and format, and for a
 * batch also one combined PDF, the summary table and {@code report.json}.
 *
 * <p>Projects render in parallel; everything that depends on order (names, the combined PDF, the summary, the report,
 * the listener's calls) happens in input order, so the same input gives the same files. A project with errors is
 * reported and skipped; the others render. At most a few forms per thread are held in memory at a time.
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
    public record Settings(Path outputDirectory, Set<OutputFormat> formats, LocalDate date, boolean failFast,
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

    /** What a run did. */
    public record Outcome(int projects, int rendered, int failed, int skipped, long warnings, Map<String, Path> batchFiles) {
        public boolean hasErrors() {
            return failed > 0;
        }
    }

    private final FormEngine engine;
    private final Settings settings;

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
    }

    /**
     * @throws IOException when the output directory cannot be written, checked before the first form, or when a
     *                     document cannot be written (a full disk): the run stops there, what was complete before
     *                     stays, and no temporary file is left
     */
    public Outcome run(List<Path> files, Listener listener) throws IOException, RenderException {
        Path directory = settings.outputDirectory();
        Files.createDirectories(directory);
        AtomicFiles.removeLeftovers(directory);
        AtomicFiles.checkWritable(directory);

        List<ProjectInput> projects = new ArrayList<>();
        for (Path file : files) {
            projects.addAll(engine.reader().read(file));
        }
        listener.planned(projects.size());

        OutputNames names = new OutputNames();
        names.reserve(COMBINED_PDF, SUMMARY_PDF, SUMMARY_XLSX, BatchReport.FILE_NAME);
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads());
        try (Collector collector = new Collector(listener)) {
            Deque<Future<Done>> inFlight = new ArrayDeque<>();
            for (ProjectInput project : projects) {
                if (collector.stopped) {
                    inFlight.add(done(new ProjectResult(project, Status.SKIPPED, List.of(), project.diagnostics())));
                } else if (project.hasErrors()) {
                    inFlight.add(done(new ProjectResult(project, Status.FAILED, List.of(), project.diagnostics())));
                    collector.stopped = settings.failFast();
                } else {
                    String name = names.next(project.evaluation().year(), project.evaluation().projectName());
                    inFlight.add(workers.submit(() -> render(project, name)));
                }
                while (inFlight.size() > 2 * settings.threads() || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
                    collector.collect(await(inFlight.poll()));
                }
            }
            while (!inFlight.isEmpty()) {
                collector.collect(await(inFlight.poll()));
            }
            return collector.commit(projects.size());
        } finally {
            stop(workers);
        }
    }

    /** Stops the workers and waits for them, so that a form being written is complete or gone when the run ends. */
    private static void stop(ExecutorService workers) {
        workers.shutdownNow();
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A project's result and, for the combined PDF, its PDF. */
    private record Done(ProjectResult result, byte[] pdf) {
    }

    private static Future<Done> done(ProjectResult result) {
        return CompletableFuture.completedFuture(new Done(result, null));
    }

    /** Renders one project and writes its documents; runs on a worker thread. */
    private Done render(ProjectInput project, String name) {
        List<Diagnostic> diagnostics = new ArrayList<>(project.diagnostics());
        List<Path> outputs = new ArrayList<>();
        try {
            RenderedForm form = engine.render(project.evaluation(), settings.date());
            for (MissingGlyph missing : form.missingGlyphs()) {
                diagnostics.add(diagnostic(project, Severity.WARNING, missing.path(), missing.describe()));
            }
            for (OutputFormat format : OutputFormat.values()) {
                if (settings.formats().contains(format)) {
                    Path output = settings.outputDirectory().resolve(name + "." + format.extension);
                    AtomicFiles.write(output, form.documents().get(format));
                    outputs.add(output);
                }
            }
            return new Done(new ProjectResult(project, Status.RENDERED, outputs, diagnostics),
                    settings.batchFiles() ? form.documents().get(OutputFormat.PDF) : null);
        } catch (RenderException e) {
            diagnostics.add(diagnostic(project, Severity.ERROR, e.path(), e.getMessage()));
        } catch (RuntimeException e) {
            // A fault of the engine or a library with this one form: it fails alone, the others still render.
            outputs.forEach(BatchRun::deleteQuietly);
            diagnostics.add(diagnostic(project, Severity.ERROR, null, "could not be rendered: " + e));
        } catch (IOException e) {
            // Not the project's fault: the output directory cannot take it, and would not take the next one either.
            outputs.forEach(BatchRun::deleteQuietly);
            throw new UncheckedIOException(e);
        }
        return new Done(new ProjectResult(project, Status.FAILED, List.of(), diagnostics), null);
    }

    /**
     * Takes the results in input order: tells the listener, counts, and for a batch builds the combined PDF, the
     * summary and the report as it goes. Closed without {@link #commit}, it leaves none of the batch files.
     */
    private final class Collector implements AutoCloseable {
        private final Listener listener;
        private final CombinedPdf combined;
        private final SummaryTable summary = new SummaryTable();
        private final BatchReport report;
        private final int[] byStatus = new int[Status.values().length];
        private long warnings;
        boolean stopped;

        Collector(Listener listener) throws IOException {
            this.listener = listener;
            Path directory = settings.outputDirectory();
            combined = settings.batchFiles() ? new CombinedPdf(directory.resolve(COMBINED_PDF), COMBINED_TITLE,
                    engine.archival()) : null;
            report = settings.batchFiles() ? new BatchReport(directory) : null;
        }

        void collect(Done done) throws IOException {
            ProjectResult result = done.result();
            byStatus[result.status().ordinal()]++;
            warnings += result.count(Severity.WARNING);
            stopped |= settings.failFast() && result.status() == Status.FAILED;
            if (report != null) {
                if (result.status() == Status.RENDERED) {
                    combined.append(done.pdf(), result.input().name());
                    summary.add(result.input().evaluation());
                }
                report.add(result);
            }
            listener.finished(result);
        }

        Outcome commit(int projects) throws IOException, RenderException {
            Map<String, Path> batchFiles = new LinkedHashMap<>();
            if (report != null) {
                Path directory = settings.outputDirectory();
                if (!summary.rows().isEmpty()) {
                    combined.commit(settings.date());
                    batchFiles.put("combinedPdf", directory.resolve(COMBINED_PDF));
                    Path summaryPdf = directory.resolve(SUMMARY_PDF);
                    AtomicFiles.write(summaryPdf, engine.renderSummary(summary, settings.date()));
                    batchFiles.put("summaryPdf", summaryPdf);
                    Path summaryXlsx = directory.resolve(SUMMARY_XLSX);
                    byte[] workbook = SummaryWorkbook.write(summary, engine.bodyFamily(), settings.date());
                    AtomicFiles.write(summaryXlsx, out -> ReproducibleZip.rewrite(workbook, out));
                    batchFiles.put("summaryXlsx", summaryXlsx);
                }
                report.commit(batchFiles);
                batchFiles.put("report", directory.resolve(BatchReport.FILE_NAME));
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

    private static Diagnostic diagnostic(ProjectInput project, Severity severity, String path, String message) {
        return new Diagnostic(severity, project.file().toString(), project.index(), project.name(), path, message);
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

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: the error already reported says the project failed.
        }
    }
}
