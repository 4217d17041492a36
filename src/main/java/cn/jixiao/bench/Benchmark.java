package cn.jixiao.bench;

import cn.jixiao.batch.BatchOutput;
import cn.jixiao.batch.BatchRun;
import cn.jixiao.engine.FormEngine;
import cn.jixiao.batch.ProjectResult;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.render.RenderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures what a user waits for: whole batches of N generated forms in one warm JVM (forms/s, ms per form, peak heap,
 * bytes per PDF), and one form rendered by a fresh JVM as a user starts it, for the ratio between the two. Everything
 * runs in one process so the numbers compare; the machine's load still shows, so compare ratios of one run. With
 * {@code soffice} on the PATH it then times LibreOffice on the same kind of forms ({@link LibreOfficeComparison}).
 */
public final class Benchmark {

    /**
     * @param sizes     batch sizes to time, e.g. 1, 100, 1000
     * @param warmup    forms rendered first and not timed, so that the JIT has compiled the hot paths
     * @param coldRuns  how many times a fresh JVM renders one form
     * @param launcher  the command a user runs ({@code ./jixiao}); {@code null} to skip the cold runs and the
     *                  comparison with LibreOffice
     * @param libreOffice compare with LibreOffice when {@code soffice} is on the PATH ({@link LibreOfficeComparison})
     */
    public record Settings(Path examples, List<Integer> sizes, int warmup, int coldRuns, int threads, Path launcher,
                           Path workDirectory, boolean libreOffice) {
    }

    private final FormEngine.Settings engineSettings;
    private final Settings settings;
    private final PrintWriter out;

    public Benchmark(FormEngine.Settings engineSettings, Settings settings, PrintWriter out) {
        this.engineSettings = engineSettings;
        this.settings = settings;
        this.out = out;
    }

    public void run() throws IOException, RenderException, InterruptedException {
        GeneratedInput input = new GeneratedInput(settings.examples());
        out.printf(Locale.ROOT, "jixiao benchmark: Java %s, %d processors, %d threads, formats %s, max heap %d MB%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), settings.threads(),
                engineSettings.formats(), Runtime.getRuntime().maxMemory() >> 20);
        long start = System.nanoTime();
        FormEngine engine = FormEngine.start(engineSettings);
        out.printf(Locale.ROOT, "setup in this JVM (reader, fonts, templates): %.2f s%n", seconds(start));

        Path work = settings.workDirectory();
        if (settings.warmup() > 0) {
            batch(engine, input, work.resolve("warmup"), settings.warmup(), 0);
        }
        out.printf(Locale.ROOT, "warm-up: %d forms%n%n", settings.warmup());
        out.println("  forms   seconds   forms/s   ms/form   peak heap   bytes/PDF   combined PDF");
        double warmMsPerForm = Double.NaN;
        for (int size : settings.sizes()) {
            Run run = batch(engine, input, work.resolve("batch-" + size), size, size);
            warmMsPerForm = run.seconds * 1000 / size;
            out.printf(Locale.ROOT, "%7d %9.2f %9.1f %9.2f %8d MB %11d %11d KB%n", size, run.seconds,
                    size / run.seconds, warmMsPerForm, run.peakHeap >> 20, run.bytesPerPdf, run.combinedBytes >> 10);
            out.flush();
        }
        if (settings.launcher() != null && settings.coldRuns() > 0) {
            cold(input, work.resolve("cold"), warmMsPerForm);
        }
        if (settings.launcher() != null && settings.libreOffice()) {
            Optional<LibreOfficeComparison> comparison = LibreOfficeComparison.find(settings.launcher(), out);
            if (comparison.isPresent()) {
                comparison.get().run(engineSettings, input, work.resolve("libreoffice"));
            } else {
                out.println("\nsoffice is not on the PATH: no comparison with LibreOffice");
            }
        }
    }

    private record Run(double seconds, long peakHeap, long bytesPerPdf, long combinedBytes) {
    }

    private Run batch(FormEngine engine, GeneratedInput input, Path directory, int size, long seed)
            throws IOException, RenderException {
        List<Path> files = input.write(directory.resolve("in"), size, seed);
        Path output = directory.resolve("out");
        System.gc();
        HeapPeak heap = new HeapPeak();
        long start = System.nanoTime();
        BatchRun.Outcome outcome;
        try (heap) {
            List<ProjectInput> projects = new ArrayList<>();
            for (Path file : files) {
                projects.addAll(engine.read(file));
            }
            outcome = new BatchRun(engine, new BatchRun.Settings(engineSettings.formats(), null, false, true,
                    settings.threads())).run(projects, BatchOutput.directory(output), new Quiet());
        }
        double seconds = seconds(start);
        long peak = heap.peak();
        if (outcome.rendered() != size) {
            throw new IllegalStateException("the benchmark's input should all render, but " + outcome.failed()
                    + " of " + size + " failed");
        }
        long pdfBytes = 0;
        try (Stream<Path> pdfs = Files.list(output)) {
            for (Path pdf : pdfs.filter(Benchmark::isFormPdf).toList()) {
                pdfBytes += Files.size(pdf);
            }
        }
        String combined = outcome.batchFiles().get("combinedPdf");
        return new Run(seconds, peak, pdfBytes / size, combined == null ? 0 : Files.size(output.resolve(combined)));
    }

    /** One form per JVM, as a user runs it: the launcher, a fresh process each time. */
    private void cold(GeneratedInput input, Path directory, double warmMsPerForm)
            throws IOException, InterruptedException {
        Path file = input.write(directory.resolve("in"), 1, 1).get(0);
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < settings.coldRuns(); run++) {
            Process process = new ProcessBuilder(settings.launcher().toString(), "render", file.toString(),
                    "-o", directory.resolve("out").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            long start = System.nanoTime();
            int exit = process.waitFor();
            times.add(seconds(start));
            if (exit != 0) {
                throw new IllegalStateException(settings.launcher() + " render exited with " + exit);
            }
        }
        Collections.sort(times, Comparator.naturalOrder());
        double median = times.get(times.size() / 2);
        out.printf(Locale.ROOT, "%none form per JVM (%s render, %d runs): median %.2f s, min %.2f s, max %.2f s%n",
                settings.launcher(), times.size(), median, times.get(0), times.get(times.size() - 1));
        out.printf(Locale.ROOT, "cold form / warm form (largest batch): %.0f×%n", median * 1000 / warmMsPerForm);
    }

    /**
     * The most heap in use at once while a batch runs, garbage included, sampled every 10 ms: what {@code -Xmx} must
     * allow. (The pools' own peaks are reached at different times and add up to more than the heap.)
     */
    private static final class HeapPeak implements AutoCloseable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final Thread sampler;
        private volatile long peak;

        HeapPeak() {
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        long peak() {
            return peak;
        }

        @Override
        public void close() {
            sampler.interrupt();
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
    }

    /** A form's own PDF: named after its year, unlike the batch's combined PDF and summary. */
    private static boolean isFormPdf(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("20") && name.endsWith(".pdf");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static final class Quiet implements BatchRun.Listener {
        @Override
        public void planned(int projects) {
        }

        @Override
        public void finished(ProjectResult result) {
        }
    }
}
