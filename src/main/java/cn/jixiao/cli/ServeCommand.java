package cn.jixiao.cli;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.server.Service;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Serves the engine over HTTP, and the web page at /: POST /api/validate, POST /api/render?format=pdf|docx"
                        + "|pdf,docx, GET /health, GET /openapi.json (the description of every route).",
                "Templates and fonts come from the installation or the options below, never from a request. "
                        + "--format and --threads do not apply: each request names its formats.",
                "Logs one line per request on standard error (request id, route, status, ms, bytes; never the data). "
                        + "SIGTERM or Ctrl-C stops it gracefully: the requests in flight are answered."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "HOST", defaultValue = Service.Settings.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other address "
                    + "needs a token.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on; 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:JIXIAO_TOKEN}",
            description = "Secret every /api call must send as Authorization: Bearer TOKEN (default: the "
                    + "JIXIAO_TOKEN environment variable). Required with a --host other than loopback.")
    String token;

    @Option(names = "--max-body", paramLabel = "MB", defaultValue = "20",
            description = "Largest request body in megabytes; larger ones are refused with 413 (default: "
                    + "${DEFAULT-VALUE}).")
    int maxBodyMegabytes;

    @Option(names = "--renders", paramLabel = "N",
            description = "Renders at once (default: twice the number of processors).")
    Integer renders;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "16",
            description = "Render requests that may wait beyond those; more are refused with 503 and Retry-After "
                    + "(default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest a render request may take, its wait included; then 503 (default: "
                    + "${DEFAULT-VALUE}).")
    int timeLimitSeconds;

    @CommandLine.Mixin
    EngineOptions engine = new EngineOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Service.Settings settings;
        try {
            settings = new Service.Settings(host, port, token, (long) maxBodyMegabytes << 20,
                    renders != null ? renders : Service.Settings.defaultRenders(), queue,
                    Duration.ofSeconds(timeLimitSeconds));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        FormEngine formEngine = FormEngine.start(engine.settings(EnumSet.allOf(OutputFormat.class)));
        Service service = Service.start(formEngine, settings, System.err);
        spec.commandLine().getErr().printf("jixiao: serving on http://%s:%d/ (Ctrl-C or SIGTERM to stop)%n",
                host.contains(":") ? "[" + host + "]" : host, service.port());
        spec.commandLine().getErr().flush();
        service.runUntilStopped();
        spec.commandLine().getErr().println("jixiao: stopped");
        return 0;
    }
}
