package cn.jixiao.server;

import cn.jixiao.batch.BatchOutput;
import cn.jixiao.batch.BatchRun;
import cn.jixiao.batch.OutputNames;
import cn.jixiao.batch.ProjectResult;
import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.ProjectDocuments;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.layout.FieldLabels;
import cn.jixiao.validation.Diagnostic;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The handlers of the {@code /api} routes: read the request, ask the engine, answer. Every answer that is not a
 * document is JSON; every bad request is an {@link ApiException}.
 */
final class Api {

    /** What the diagnostics call a request's body, in place of a file name. */
    static final String SOURCE = "request";
    static final String ZIP_NAME = "项目支出绩效自评表.zip";

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<OutputFormat, String> MEDIA_TYPES = Map.of(
            OutputFormat.PDF, "application/pdf",
            OutputFormat.DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final String ZIP = "application/zip";
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");
    /** application/json, or a JSON-based type such as application/merge-patch+json, with any parameters. */
    private static final Pattern JSON_MEDIA_TYPE =
            Pattern.compile("(?i)\\s*application/([a-z0-9.+-]+\\+)?json\\s*(;.*)?");

    private final FormEngine engine;
    private final Service.Settings settings;
    private final RenderSlots slots;

    Api(FormEngine engine, Service.Settings settings, RenderSlots slots) {
        this.engine = engine;
        this.settings = settings;
        this.slots = slots;
    }

    /** {@code GET /health}. */
    void health(Context ctx) {
        answer(ctx, 200, JSON.createObjectNode().put("status", "ok"));
    }

    /** {@code GET /api/config}: what the page needs to know before its first call; open without a token. */
    void config(Context ctx) {
        ObjectNode config = JSON.createObjectNode()
                .put("tokenRequired", settings.token() != null)
                .put("maxBodyBytes", settings.maxBodyBytes())
                .put("timeLimitSeconds", settings.timeLimit().toSeconds());
        ArrayNode formats = config.putArray("formats");
        for (OutputFormat format : OutputFormat.values()) {
            formats.add(format.extension);
        }
        answer(ctx, 200, config);
    }

    /** {@code POST /api/validate}: the diagnostics of every project of the body. */
    void validate(Context ctx) throws IOException {
        List<ProjectInput> projects = read(ctx);
        answer(ctx, 200, diagnostics(projects.stream().map(p -> new Checked(p, p.diagnostics())).toList()));
    }

    /**
     * {@code POST /api/render?format=…}: one evaluation gives its document (two formats: a ZIP of both); an array gives
     * a ZIP of what {@code batch} writes. One evaluation with errors is answered 422 with its diagnostics.
     */
    void render(Context ctx) throws Exception {
        Set<OutputFormat> formats = formats(ctx.queryParam("format"));
        byte[] body = body(ctx);
        List<ProjectInput> projects = read(body);
        if (startsArray(body)) {
            byte[] zip = slots.run(() -> batch(projects, formats));
            download(ctx, ZIP, ZIP_NAME, zip);
            return;
        }
        ProjectInput project = projects.get(0);
        if (project.hasErrors()) {
            answer(ctx, 422, diagnostics(List.of(new Checked(project, project.diagnostics()))));
            return;
        }
        ProjectDocuments documents = slots.run(() -> engine.render(project, null, formats));
        if (!documents.rendered()) {
            answer(ctx, 422, diagnostics(List.of(new Checked(project, documents.diagnostics()))));
            return;
        }
        String name = new OutputNames().next(project.evaluation().year(), project.evaluation().projectName());
        if (formats.size() == 1) {
            OutputFormat format = formats.iterator().next();
            download(ctx, MEDIA_TYPES.get(format), name + "." + format.extension, documents.document(format));
            return;
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        BatchOutput output = BatchOutput.zip(zip);
        for (OutputFormat format : formats) {
            byte[] document = documents.document(format);
            output.write(name + "." + format.extension, out -> out.write(document));
        }
        output.finish();
        download(ctx, ZIP, name + ".zip", zip.toByteArray());
    }

    /** What {@code batch} writes for the projects, as a ZIP; runs on a render thread. */
    private byte[] batch(List<ProjectInput> projects, Set<OutputFormat> formats) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        // One thread per request: the service's bound on renders at once counts a batch as one render.
        new BatchRun(engine, new BatchRun.Settings(formats, null, false, true, 1))
                .run(projects, BatchOutput.zip(zip), new BatchRun.Listener() {
                    @Override
                    public void planned(int count) {
                        // a request has no progress to show
                    }

                    @Override
                    public void finished(ProjectResult result) {
                        // report.json in the ZIP lists every project
                    }
                });
        return zip.toByteArray();
    }

    /** {@code pdf} (the default), {@code docx} or {@code pdf,docx}, in any case and order. */
    static Set<OutputFormat> formats(String parameter) {
        if (parameter == null) {
            return EnumSet.of(OutputFormat.PDF);
        }
        Set<OutputFormat> formats = EnumSet.noneOf(OutputFormat.class);
        for (String name : parameter.split(",", -1)) {
            formats.add(OutputFormat.of(name).orElseThrow(() -> new ApiException(400, "unknown-format",
                    "unknown format \"" + Diagnostic.printable(name, 40) + "\": use format=pdf, format=docx or "
                            + "format=pdf,docx")));
        }
        return formats;
    }

    private List<ProjectInput> read(Context ctx) throws IOException {
        return read(body(ctx));
    }

    /** The projects of the body; a body that is no evaluation at all (not JSON, not UTF-8, …) is a bad request. */
    private List<ProjectInput> read(byte[] body) {
        List<ProjectInput> projects = engine.read(SOURCE, body);
        ProjectInput first = projects.get(0);
        if (first.index() == 0) {
            Diagnostic problem = first.diagnostics().get(0);
            String message = "request body" + (problem.path() != null && !problem.path().equals("$")
                    ? " at " + problem.path() : "") + ": " + problem.message();
            Map<String, Object> details = new LinkedHashMap<>();
            Matcher at = LINE_AND_COLUMN.matcher(problem.message());
            if (at.find()) {
                details.put("line", Integer.parseInt(at.group(1)));
                details.put("column", Integer.parseInt(at.group(2)));
            }
            String code = problem.message().startsWith("malformed JSON") ? "malformed-json" : "not-an-evaluation";
            throw new ApiException(400, code, message, Map.of(), details);
        }
        return projects;
    }

    /**
     * The body of a JSON request, refused with 415 when it is not JSON and with 413 when it is larger than the limit:
     * at once when its declared length says so, else as soon as more than the limit has come.
     */
    private byte[] body(Context ctx) throws IOException {
        String type = ctx.contentType();
        if (type == null || !JSON_MEDIA_TYPE.matcher(type).matches()) {
            throw new ApiException(415, "unsupported-media-type", "send the evaluation as JSON, with Content-Type: "
                    + "application/json" + (type == null ? "" : " (not " + Diagnostic.printable(type, 80) + ")"));
        }
        long limit = settings.maxBodyBytes();
        if (ctx.req().getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        byte[] body = ctx.req().getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, "too-large", "the body is larger than the service's limit of "
                + Service.Settings.megabytes(limit) + "; send fewer projects at once");
    }

    /** Whether the JSON of the body is an array: its first character after a byte-order mark and blanks is [. */
    private static boolean startsArray(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                ? 3 : 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
            i++;
        }
        return i < body.length && body[i] == '[';
    }

    /** A project and what was found about it. */
    private record Checked(ProjectInput input, List<Diagnostic> diagnostics) {
    }

    /** {@code {"projects":[{"index":1,"projectName":"…","warnings":[…],"errors":[…]}]}}. */
    private static ObjectNode diagnostics(List<Checked> projects) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("projects");
        for (Checked project : projects) {
            ObjectNode entry = list.addObject();
            entry.put("index", project.input().index());
            entry.put("projectName", project.input().name());
            ArrayNode warnings = entry.putArray("warnings");
            ArrayNode errors = entry.putArray("errors");
            for (Diagnostic diagnostic : project.diagnostics()) {
                (diagnostic.isError() ? errors : warnings).addObject()
                        .put("path", diagnostic.path())
                        .put("field", FieldLabels.of(diagnostic.path()))
                        .put("message", diagnostic.message());
            }
        }
        return answer;
    }

    static void answer(Context ctx, int status, ObjectNode body) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(body);
            ctx.status(status).contentType("application/json; charset=utf-8").result(bytes);
            ctx.attribute(AccessLog.BYTES, (long) bytes.length);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of JSON nodes always writes", e);
        }
    }

    private static void download(Context ctx, String mediaType, String fileName, byte[] content) {
        ctx.status(200).contentType(mediaType).header("Content-Disposition", ContentDisposition.attachment(fileName))
                .result(content);
        ctx.attribute(AccessLog.BYTES, (long) content.length);
    }

}
