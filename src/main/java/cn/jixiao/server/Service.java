package cn.jixiao.server;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.OutputFormat;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * {@code jixiao serve}: the engine over HTTP, with the web page at {@code /}. Routes:
 * <ul>
 * <li>{@code GET /health}, {@code GET /openapi.json} (the description of every route), {@code GET /api/config}</li>
 * <li>{@code POST /api/validate}: one evaluation or an array → the diagnostics of each project</li>
 * <li>{@code POST /api/render?format=pdf|docx|pdf,docx[&pdfa=true]}: one evaluation → its document; an array → a ZIP
 *     of what {@code batch} writes</li>
 * <li>{@code POST /api/import}: a Word or Excel form → its projects as the contract's JSON, to edit</li>
 * </ul>
 * Validate and render take JSON, or one uploaded file ({@code multipart/form-data}): a Word or Excel form, imported as
 * {@code jixiao import} does, or a JSON file. Bad requests are answered 4xx with a JSON body ({@code error},
 * {@code message}, {@code requestId}); a 500 is a fault of the service, logged with the request id the answer carries.
 * What a request sends (a JSON body, an upload) is written to a private directory of the request's own as it arrives,
 * read from there on a render's turn, and deleted when the answer is sent ({@link RequestFiles}): a large or hostile
 * upload costs disk, not memory, until it is read, and Word and Excel files are read part by part.
 *
 * <p>PDF/A ({@code pdfa=true}) is rendered by a second engine, started on the first request that asks for it: the
 * engine's PDF/A setting holds from its start, and a service never asked for PDF/A does not start it (its memory is
 * small, about a megabyte measured, as fonts and JasperReports' caches are shared; its start takes a second or two).
 */
public final class Service implements AutoCloseable {

    /** The context attribute and answer header that identify a request in the log. */
    static final String REQUEST_ID = "X-Request-Id";
    static final String WEB_ROOT = "/cn/jixiao/server/web";
    static final String OPENAPI = "/cn/jixiao/server/openapi.json";

    /**
     * How the service runs.
     *
     * @param token          the bearer token every {@code /api} call must carry; {@code null} for none, allowed only
     *                       when the host is a loopback address
     * @param maxBodyBytes   the largest request body taken
     * @param renders        renders at once
     * @param queue          requests that may wait for a render beyond those
     * @param timeLimit      the longest a render request may take, its wait included
     */
    public record Settings(String host, int port, String token, long maxBodyBytes, int renders, int queue,
                           Duration timeLimit) {

        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 8080;
        public static final long DEFAULT_MAX_BODY_BYTES = 20L << 20;
        public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

        /**
         * @throws IllegalArgumentException when the host is reachable from other machines and there is no token, or a
         *                                  limit is not positive
         */
        public Settings {
            token = token == null || token.isBlank() ? null : token;
            if (token == null && !isLoopback(host)) {
                throw new IllegalArgumentException("--host " + host + " can be reached from other machines: give a "
                        + "token with --token or JIXIAO_TOKEN, which every /api call must then send as "
                        + "Authorization: Bearer TOKEN");
            }
            if (maxBodyBytes <= 0 || renders <= 0 || queue < 0 || timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("the limits must be positive");
            }
        }

        /** Renders at once by default: twice the processors, as a render waits on memory as much as it computes. */
        public static int defaultRenders() {
            return 2 * Runtime.getRuntime().availableProcessors();
        }

        static String megabytes(long bytes) {
            return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
        }

        private static boolean isLoopback(String host) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("--host " + host + ": no such host");
            }
        }
    }

    /**
     * Content-Security-Policy: the page's own scripts, styles and images only; the PDF preview shows a {@code blob:}
     * of the page in a frame or object; no page may frame this one.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "frame-src 'self' blob:; object-src 'self' blob:; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final Javalin app;
    private final RenderSlots slots;
    private final Path files;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Service(Javalin app, RenderSlots slots, Path files) {
        this.app = app;
        this.slots = slots;
        this.files = files;
    }

    /** Starts the service; it answers once this returns. */
    public static Service start(FormEngine engine, Settings settings, PrintStream log) {
        if (!engine.formats().containsAll(EnumSet.allOf(OutputFormat.class))) {
            throw new IllegalArgumentException("the service's engine must render every format");
        }
        RenderSlots slots = new RenderSlots(settings.renders(), settings.queue(), settings.timeLimit());
        FormEngine.Settings engineSettings = engine.settings();
        Path files = RequestFiles.serviceDirectory();
        Api api = new Api(engine, files, engine.archival() ? () -> engine : () -> FormEngine.start(new FormEngine.Settings(
                engineSettings.templates(), engineSettings.templateCache(), engineSettings.fonts(),
                engineSettings.formats(), true)), settings, slots);
        AccessLog accessLog = new AccessLog(log);
        byte[] openApi = openApi();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jetty.modifyServer(server -> {
                // On stop, Jetty stops taking connections and lets the requests in flight finish, for this long.
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(settings.timeLimit().toMillis() + 5_000);
            });
            config.staticFiles.add(page -> {
                page.hostedPath = "/";
                page.directory = WEB_ROOT;
                page.location = Location.CLASSPATH;
            });
            config.requestLogger.http(accessLog::log);
            config.routes.before(ctx -> {
                String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
                ctx.attribute(REQUEST_ID, id);
                ctx.header(REQUEST_ID, id);
                ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "no-referrer");
            });
            config.routes.before("/api/*", ctx -> {
                ctx.header("Cache-Control", "no-store");
                if (settings.token() != null && !ctx.path().equals("/api/config")) {
                    authorize(ctx, settings.token());
                }
            });
            // After every request, answered or failed: what it sent is deleted with its directory.
            config.routes.after(RequestFiles::release);
            config.routes.get("/health", api::health);
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8")
                    .result(openApi));
            config.routes.get("/api/config", api::config);
            config.routes.post("/api/validate", api::validate);
            config.routes.post("/api/render", api::render);
            config.routes.post("/api/import", api::importForms);
            config.routes.exception(ApiException.class, (e, ctx) -> {
                e.headers.forEach(ctx::header);
                problem(ctx, e.status, e.code, e.getMessage(), e.details);
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(),
                    e.getStatus() == 404 ? "not-found" : e.getStatus() == 405 ? "method-not-allowed" : "http-" + e.getStatus(),
                    e.getStatus() == 404 ? "no such route: " + ctx.method() + " " + ctx.path() + "; see /openapi.json"
                            : e.getStatus() == 405 ? ctx.method() + " is not allowed on " + ctx.path()
                            + "; see /openapi.json" : e.getMessage(), Map.of()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.println("jixiao serve: request " + ctx.attribute(REQUEST_ID) + " " + ctx.method() + " "
                        + ctx.path() + " failed:");
                e.printStackTrace(log);
                problem(ctx, 500, "internal", "the service failed on this request; it is logged as request "
                        + ctx.attribute(REQUEST_ID), Map.of());
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(AccessLog.BYTES) == null) {
                    problem(ctx, 404, "not-found", "no such route: " + ctx.method() + " " + ctx.path()
                            + "; see /openapi.json", Map.of());
                }
            });
        });
        app.start(settings.host(), settings.port());
        return new Service(app, slots, files);
    }

    /** The port the service listens on: the one asked for, or the one the system gave for port 0. */
    public int port() {
        return app.port();
    }

    /** The routes Javalin has registered, such as {@code POST /api/render}: what {@code /openapi.json} must describe. */
    List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(route -> route.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    /**
     * Blocks until the process is asked to stop (SIGTERM, or SIGINT from Ctrl-C), then stops gracefully: no new
     * connections, the requests in flight answered.
     */
    public void runUntilStopped() throws InterruptedException {
        // Handled here rather than by a shutdown hook: the JVM's own handling of SIGTERM ends the process with exit
        // code 143, where a service manager expects 0 after a clean stop.
        for (String signal : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), received -> stopped.countDown());
        }
        stopped.await();
        close();
    }

    /** Stops taking requests, lets those in flight finish (up to the time limit), then stops. */
    @Override
    public void close() {
        app.stop();
        slots.close();
        try {
            RequestFiles.delete(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + files, e);
        }
    }

    /** The directory of the requests' files: private, each request's deleted when it is answered, all on close. */
    Path requestFiles() {
        return files;
    }

    private static void authorize(Context ctx, String token) {
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        // Digests compared in constant time: the answer's timing tells neither how much of a guess was right nor the
        // token's length.
        if (!MessageDigest.isEqual(sha256(given), sha256(token))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthorized", header == null
                    ? "this service needs its token: send Authorization: Bearer TOKEN"
                    : "the token is not this service's");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void problem(Context ctx, int status, String code, String message, Map<String, Object> details) {
        ObjectNode body = Api.JSON.createObjectNode().put("error", code).put("message", message);
        details.forEach((key, value) -> body.putPOJO(key, value));
        body.put("requestId", (String) ctx.attribute(REQUEST_ID));
        Api.answer(ctx, status, body);
    }

    private static byte[] openApi() {
        try (InputStream in = Service.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + OPENAPI, e);
        }
    }

}
