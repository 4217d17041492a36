package cn.jixiao.cli;

import cn.jixiao.batch.BatchOutput;
import cn.jixiao.batch.BatchRun;
import cn.jixiao.engine.FormEngine;
import cn.jixiao.batch.InputFiles;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.render.RenderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code render} and {@code batch} share: inputs, output directory, formats, date and the run itself. */
abstract class Rendering {

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "JSON files (one evaluation object or an array each) or directories of .json files.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "Directory for the documents; created if missing. Files of the same name are replaced.")
    Path output;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Date of the documents where a project has no reportDate. Without it they carry no date: "
                    + "never the clock, so the same input gives the same bytes.")
    LocalDate date;

    @CommandLine.Mixin
    EngineOptions engine = new EngineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the batch and prints its summary; the exit code. */
    int run(boolean batchFiles, boolean failFast, boolean showProgress) throws IOException, RenderException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Set<OutputFormat> formatSet = engine.formats();
        Set<OutputFormat> rendered = EnumSet.copyOf(formatSet);
        if (batchFiles) {
            rendered.add(OutputFormat.PDF); // the combined PDF is made of the forms' PDFs
        }
        FormEngine formEngine = FormEngine.start(engine.settings(rendered));
        InputFiles files = Inputs.expand(inputs, err);
        BatchOutput directory = BatchOutput.directory(output);
        List<ProjectInput> projects = new ArrayList<>();
        for (Path file : files.files()) {
            projects.addAll(formEngine.read(file));
        }
        BatchRun run = new BatchRun(formEngine,
                new BatchRun.Settings(formatSet, date, failFast, batchFiles, engine.threads()));
        Progress progress = new Progress(err, System.console() != null, showProgress, System::nanoTime);
        BatchRun.Outcome outcome = run.run(projects, directory, progress);
        progress.close();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%d of %s rendered to %s in %.1f s (%s); %d failed%s, %s.%n",
                outcome.rendered(), Words.count(outcome.projects(), "project"), output, seconds,
                formatNames(formatSet), outcome.failed(),
                outcome.skipped() > 0 ? ", " + outcome.skipped() + " not attempted after the first error" : "",
                Words.count(outcome.warnings(), "warning"));
        outcome.batchFiles().values().forEach(file -> out.println("  " + output.resolve(file)));
        return outcome.hasErrors() || !files.emptyDirectories().isEmpty() ? Main.INPUT_ERRORS : 0;
    }

    private static String formatNames(Set<OutputFormat> formats) {
        return String.join(" + ", formats.stream().map(format -> format.extension.toUpperCase(Locale.ROOT)).toList());
    }
}
