package cn.jixiao.cli;

import cn.jixiao.engine.OutputFormat;
import cn.jixiao.bench.Benchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Measures rendering speed and size: batches of N generated forms (from the examples, varied) in this "
                        + "JVM after a warm-up, printing forms/s, ms per form, peak heap and bytes per PDF; then one "
                        + "form per fresh JVM through the launcher, for the ratio.",
                "Run it with a heap limit to check memory, e.g. JIXIAO_JAVA_OPTS=-Xmx512m ./jixiao bench -n 10000."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = {"-n", "--forms"}, paramLabel = "N", split = ",", defaultValue = "1,100,1000",
            description = "Batch sizes to time (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "300",
            description = "Forms rendered before timing (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--cold-runs", paramLabel = "N", defaultValue = "5",
            description = "Fresh JVMs that render one form each; 0 to skip (default: ${DEFAULT-VALUE}).")
    int coldRuns;

    @Option(names = "--no-libreoffice",
            description = "Skip the comparison with LibreOffice (made when soffice is on the PATH: two soffice "
                    + "processes convert 100 of the forms' DOCX each, against a cold jixiao batch of 1,000 forms).")
    boolean noLibreOffice;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where generated input and output go (default: a new temporary directory, kept).")
    Path work;

    @CommandLine.Mixin
    EngineOptions engine = new EngineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (sizes.stream().anyMatch(size -> size < 1) || warmup < 0 || coldRuns < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "batch sizes are at least 1 form; --warmup and --cold-runs are 0 or more");
        }
        Path home = Installation.home();
        Path launcher = home.resolve("jixiao");
        Path directory = work != null ? work : Files.createTempDirectory("jixiao-bench-");
        Set<OutputFormat> rendered = engine.formats();
        rendered.add(OutputFormat.PDF); // the batch's combined PDF and the bytes per PDF need it
        new Benchmark(engine.settings(rendered),
                new Benchmark.Settings(home.resolve("examples").resolve("jinfeng-2023.json"), sizes, warmup,
                        coldRuns, engine.threads(),
                        Files.isExecutable(launcher) ? launcher : null, directory, !noLibreOffice),
                spec.commandLine().getOut()).run();
        spec.commandLine().getOut().println("generated input and output: " + directory);
        return 0;
    }
}
