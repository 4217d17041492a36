package cn.jixiao.bench;

import cn.jixiao.batch.BatchOutput;
import cn.jixiao.batch.BatchRun;
import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.render.RenderException;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The comparison users make: the same forms made by LibreOffice, converting their Word files to PDF, and by a cold
 * {@code jixiao batch}, on the same machine in the same run.
 * <ul>
 * <li>LibreOffice: {@value #LIBREOFFICE_PROCESSES} {@code soffice --headless --convert-to pdf} processes side by side
 * (one per core of a 2-core machine), each with a profile of its own that a first conversion has warmed, each
 * converting {@value #FORMS_PER_PROCESS} of the forms' DOCX files; milliseconds per form of the wall time.</li>
 * <li>jixiao: {@code ./jixiao batch} of {@value #COLD_BATCH} forms from a fresh JVM, end to end (start, every form's
 * PDF, the combined PDF, the summary); milliseconds per form of the wall time.</li>
 * </ul>
 * It also prints the size of the combined PDF of the {@code 2 × 100} forms.
 */
final class LibreOfficeComparison {

    static final int LIBREOFFICE_PROCESSES = 2;
    static final int FORMS_PER_PROCESS = 100;
    static final int COLD_BATCH = 1000;

    private final Path soffice;
    private final Path launcher;
    private final PrintWriter out;

    private LibreOfficeComparison(Path soffice, Path launcher, PrintWriter out) {
        this.soffice = soffice;
        this.launcher = launcher;
        this.out = out;
    }

    /** The comparison when {@code soffice} is on the PATH. */
    static Optional<LibreOfficeComparison> find(Path launcher, PrintWriter out) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, "soffice"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(soffice -> new LibreOfficeComparison(soffice, launcher, out));
    }

    void run(FormEngine.Settings engineSettings, GeneratedInput input, Path directory)
            throws IOException, RenderException, InterruptedException {
        int forms = LIBREOFFICE_PROCESSES * FORMS_PER_PROCESS;
        out.printf(Locale.ROOT, "%nLibreOffice (%s) against jixiao, the same generated forms:%n", soffice);
        FormEngine engine = FormEngine.start(new FormEngine.Settings(engineSettings.templates(),
                engineSettings.templateCache(), engineSettings.fonts(), Set.of(OutputFormat.PDF, OutputFormat.DOCX),
                engineSettings.archival()));
        Path forms200 = directory.resolve("forms");
        List<ProjectInput> projects = new ArrayList<>();
        for (Path file : input.write(directory.resolve("in"), forms, forms)) {
            projects.addAll(engine.read(file));
        }
        BatchRun.Outcome outcome = new BatchRun(engine, new BatchRun.Settings(Set.of(OutputFormat.PDF,
                OutputFormat.DOCX), null, false, true, Runtime.getRuntime().availableProcessors()))
                .run(projects, BatchOutput.directory(forms200), new Benchmark.Quiet());
        out.printf(Locale.ROOT, "combined PDF of %d one-page forms: %d KB%n", outcome.rendered(),
                Files.size(forms200.resolve(outcome.batchFiles().get("combinedPdf"))) >> 10);

        List<Path> docx;
        try (Stream<Path> files = Files.list(forms200)) {
            docx = files.filter(file -> file.toString().endsWith(".docx")).sorted().toList();
        }
        List<List<Path>> shares = new ArrayList<>();
        for (int process = 0; process < LIBREOFFICE_PROCESSES; process++) {
            shares.add(docx.subList(process * FORMS_PER_PROCESS, (process + 1) * FORMS_PER_PROCESS));
            convert(directory, process, List.of(docx.get(process)), directory.resolve("warm-up-" + process)).waitFor();
        }
        long start = System.nanoTime();
        List<Process> conversions = new ArrayList<>();
        for (int process = 0; process < LIBREOFFICE_PROCESSES; process++) {
            conversions.add(convert(directory, process, shares.get(process), directory.resolve("libreoffice")));
        }
        for (Process conversion : conversions) {
            if (conversion.waitFor() != 0) {
                throw new IllegalStateException("soffice exited with " + conversion.exitValue());
            }
        }
        double libreOfficeMs = (System.nanoTime() - start) / 1e6 / forms;
        out.printf(Locale.ROOT, "LibreOffice, DOCX → PDF, %d processes × %d forms, profiles warmed: %.1f ms per form%n",
                LIBREOFFICE_PROCESSES, FORMS_PER_PROCESS, libreOfficeMs);
        out.flush();

        List<Path> batchInput = input.write(directory.resolve("cold-in"), COLD_BATCH, COLD_BATCH);
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "batch"));
        batchInput.forEach(file -> command.add(file.toString()));
        command.addAll(List.of("-o", directory.resolve("cold-out").toString(), "--quiet"));
        start = System.nanoTime();
        Process batch = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (batch.waitFor() != 0) {
            throw new IllegalStateException(launcher + " batch exited with " + batch.exitValue());
        }
        double jixiaoMs = (System.nanoTime() - start) / 1e6 / COLD_BATCH;
        out.printf(Locale.ROOT, "jixiao, %s batch of %d forms from a fresh JVM, end to end: %.1f ms per form%n",
                launcher, COLD_BATCH, jixiaoMs);
        out.printf(Locale.ROOT, "LibreOffice / jixiao: %.1f×%n", libreOfficeMs / jixiaoMs);
    }

    /** One soffice process converting the files with its own profile. */
    private Process convert(Path directory, int process, List<Path> files, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(soffice.toString(),
                "-env:UserInstallation=" + directory.resolve("profile-" + process).toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", output.toString()));
        files.forEach(file -> command.add(file.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

}
