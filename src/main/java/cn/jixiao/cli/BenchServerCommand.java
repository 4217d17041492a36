package cn.jixiao.cli;

import cn.jixiao.bench.ServiceBenchmark;
import cn.jixiao.engine.OutputFormat;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Measures the HTTP service: one-project PDF renders with 1, 8 and 32 clients at once (each sends its "
                        + "next request when answered), after a warm-up; prints p50, p99 and max latency, requests/s "
                        + "and refusals (503) per level. The service runs in this JVM on a free loopback port with "
                        + "the default renders at once and a queue of 64."})
final class BenchServerCommand implements Callable<Integer> {

    @Option(names = "--clients", paramLabel = "N", split = ",", defaultValue = "1,8,32",
            description = "Clients at once, per level (default: ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = {"-n", "--requests"}, paramLabel = "N", defaultValue = "1000",
            description = "Requests per level (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "500",
            description = "Requests sent first and not timed (default: ${DEFAULT-VALUE}).")
    int warmup;

    @CommandLine.Mixin
    EngineOptions engine = new EngineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new ServiceBenchmark(engine.settings(EnumSet.allOf(OutputFormat.class)),
                new ServiceBenchmark.Settings(Installation.home().resolve("examples").resolve("jinfeng-2023.json"),
                        clients, requests, warmup), spec.commandLine().getOut()).run();
        return 0;
    }
}
