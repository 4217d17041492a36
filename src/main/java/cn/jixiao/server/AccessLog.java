package cn.jixiao.server;

import cn.jixiao.validation.Diagnostic;
import io.javalin.http.Context;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * One line per answered request on standard error: time, request id, method and path, status, milliseconds and the
 * bytes of the answer, such as {@code 2026-12-01T11:40:00Z 5f3a9c01d2e4b6a7 POST /api/render 200 38 ms 51234 B}.
 * Never the data: no body, no query (it holds nothing but the format, but a log should not have to be checked for
 * that), no header. Written by hand because the service keeps the command line's logging: SLF4J's no-op binding.
 */
final class AccessLog {

    /** The context attribute holding the size of an answer the handlers wrote. */
    static final String BYTES = "jixiao.bytes";

    private final PrintStream out;

    AccessLog(PrintStream out) {
        this.out = out;
    }

    /** Javalin's request logger: called once the answer is sent, with the time it took. */
    void log(Context ctx, Float milliseconds) {
        Long bytes = ctx.attribute(BYTES);
        String size = bytes != null ? bytes + " B" : contentLength(ctx);
        out.println(String.format(Locale.ROOT, "%s %s %s %s %d %.0f ms %s",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), ctx.attribute(Service.REQUEST_ID), ctx.method(),
                Diagnostic.printable(ctx.path(), 200), ctx.statusCode(), milliseconds, size));
    }

    private static String contentLength(Context ctx) {
        String length = ctx.res().getHeader("Content-Length");
        return length != null ? length + " B" : "- B";
    }
}
