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
import cn.jixiao.model.Form;
import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.input.office.OfficeImport;
import cn.jixiao.render.RenderException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** Decimals written as they are, {@code 180.97212} and {@code 87.00}, never in exponent form. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    /** The files an upload may be: a form in Word or Excel, or the JSON of the contract. */
    static final List<String> UPLOAD_EXTENSIONS = List.of(".docx", ".xlsx", ".xlsm", ".xls", ".json");

    private static final Map<OutputFormat, String> MEDIA_TYPES = Map.of(
            OutputFormat.PDF, "application/pdf",
            OutputFormat.DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final String ZIP = "application/zip";
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");
    /** application/json, or a JSON-based type such as application/merge-patch+json, with any parameters. */
    private static final Pattern JSON_MEDIA_TYPE =
            Pattern.compile("(?i)\\s*application/([a-z0-9.+-]+\\+)?json\\s*(;.*)?");

    /** Starts an engine; the PDF/A engine is started on the first request that asks for PDF/A. */
    @FunctionalInterface
    interface EngineStart {
        FormEngine start() throws RenderException;
    }

    private final FormEngine engine;
    private final EngineStart archivalStart;
    private FormEngine archival; // guarded by this
    private final Service.Settings settings;
    private final RenderSlots slots;

    Api(FormEngine engine, EngineStart archivalStart, Service.Settings settings, RenderSlots slots) {
        this.engine = engine;
        this.archivalStart = archivalStart;
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

    /** {@code POST /api/validate}: the diagnostics of every project of the body or the uploaded file. */
    void validate(Context ctx) throws Exception {
        List<ProjectInput> projects = sent(ctx).projects();
        answer(ctx, 200, diagnostics(projects.stream().map(p -> new Checked(p, p.diagnostics())).toList()));
    }

    /**
     * {@code POST /api/import}: the forms of an uploaded Word or Excel file as the contract's JSON, for the page to
     * edit, each with its diagnostics and the cell each of its JSON paths came from.
     */
    void importForms(Context ctx) throws Exception {
        Upload upload = upload(ctx);
        if (!OfficeImport.handles(upload.fileName())) {
            throw new ApiException(415, "unsupported-file-type", "import takes a Word or Excel form (.docx, .xlsx, "
                    + ".xlsm, .xls); send JSON to /api/validate");
        }
        OfficeImport.Imported imported = slots.run(() -> engine.importForms(upload.fileName(), upload.content()));
        unreadable(imported.projects());
        ObjectNode answer = diagnostics(imported.projects().stream().map(p -> new Checked(p, p.diagnostics()))
                .toList());
        for (int i = 0; i < imported.projects().size(); i++) {
            ObjectNode entry = (ObjectNode) answer.get("projects").get(i);
            JsonNode evaluation = imported.json().get(i);
            entry.set("evaluation", evaluation);
            ObjectNode cells = entry.putObject("cells");
            if (evaluation != null) {
                cells(evaluation, JsonPath.ROOT, imported.projects().get(i).sources(), cells);
            }
        }
        answer(ctx, 200, answer);
    }

    /** The cell each value of the evaluation came from, by JSON path, for the page to name in later messages. */
    private static void cells(JsonNode node, String path, ProjectInput.Sources sources, ObjectNode cells) {
        String cell = sources.of(path);
        if (cell != null) {
            cells.put(path, cell);
        }
        if (node.isObject()) {
            node.properties().forEach(field -> cells(field.getValue(), JsonPath.field(path, field.getKey()), sources,
                    cells));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                cells(node.get(i), JsonPath.index(path, i), sources, cells);
            }
        }
    }

    /**
     * {@code POST /api/render?format=…}: one evaluation gives its document (two formats: a ZIP of both); an array gives
     * a ZIP of what {@code batch} writes. One evaluation with errors is answered 422 with its diagnostics.
     */
    void render(Context ctx) throws Exception {
        Set<OutputFormat> formats = formats(ctx.queryParam("format"));
        boolean pdfa = pdfa(ctx.queryParam("pdfa"));
        Sent sent = sent(ctx);
        List<ProjectInput> projects = sent.projects();
        FormEngine engine = pdfa ? archival() : this.engine;
        if (sent.several()) {
            byte[] zip = slots.run(() -> batch(engine, projects, formats));
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
    private static byte[] batch(FormEngine engine, List<ProjectInput> projects, Set<OutputFormat> formats)
            throws Exception {
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

    /** {@code pdfa=true} asks for PDF/A; {@code false} or none for plain PDF. */
    static boolean pdfa(String parameter) {
        if (parameter == null || parameter.equalsIgnoreCase("false")) {
            return false;
        }
        if (parameter.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ApiException(400, "bad-parameter", "pdfa=" + Diagnostic.printable(parameter, 40)
                + ": use pdfa=true for PDF/A, or leave it out");
    }

    /**
     * The PDF/A engine, started by the first request that asks for PDF/A (it takes a second or two: most services never
     * need it).
     */
    private synchronized FormEngine archival() throws RenderException {
        if (archival == null) {
            archival = archivalStart.start();
        }
        return archival;
    }

    /** The projects a request sent, and whether as several (an array, a file of several forms) or as one. */
    private record Sent(List<ProjectInput> projects, boolean several) {
    }

    /** The projects of the request: a JSON body, or one uploaded file (multipart/form-data). */
    private Sent sent(Context ctx) throws Exception {
        if (!isMultipart(ctx)) {
            byte[] body = body(ctx);
            return new Sent(read(SOURCE, body), startsArray(body));
        }
        Upload upload = upload(ctx);
        if (!OfficeImport.handles(upload.fileName())) {
            return new Sent(read(upload.fileName(), upload.content()), startsArray(upload.content()));
        }
        // Reading a workbook takes as long as a render, and as much memory: it waits for a render's turn.
        List<ProjectInput> projects = slots.run(() -> engine.readFile(upload.fileName(), upload.content()));
        unreadable(projects);
        return new Sent(projects, projects.size() > 1);
    }

    /** A Word or Excel file that gave no form (encrypted, damaged, hostile, no 自评表 in it): 422 and why. */
    private static void unreadable(List<ProjectInput> projects) {
        ProjectInput first = projects.get(0);
        if (first.index() == 0) {
            throw new ApiException(422, "unreadable-file", first.diagnostics().get(0).toString());
        }
    }

    /** A file of a multipart/form-data request. */
    private record Upload(String fileName, byte[] content) {
    }

    private static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * The one file of a multipart/form-data request, refused with 413 when the request is larger than the limit, with
     * 415 when it is of no kind the service reads. Its parts stay in memory (see {@link Service}).
     */
    private Upload upload(Context ctx) throws IOException {
        if (!isMultipart(ctx)) {
            throw new ApiException(415, "unsupported-media-type", "send the file as multipart/form-data"
                    + (ctx.contentType() == null ? "" : " (not " + Diagnostic.printable(ctx.contentType(), 80) + ")"));
        }
        long limit = settings.maxBodyBytes();
        if (ctx.req().getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles();
        } catch (Exception e) { // Jetty's ServletException or IllegalStateException, thrown through Kotlin
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("exceeded")) {
                    throw tooLarge(limit);
                }
            }
            // What is left of the body cannot be told from the next request: the connection is not reused.
            throw new ApiException(400, "malformed-multipart", "the multipart/form-data body cannot be read: "
                    + Diagnostic.printable(String.valueOf(e.getMessage()), 200), Map.of("Connection", "close"),
                    Map.of());
        }
        if (files.size() != 1) {
            throw new ApiException(400, "one-file", "send exactly one file (a part with a file name) in the "
                    + "multipart/form-data body, not " + files.size());
        }
        UploadedFile file = files.get(0);
        // The name as the user's machine gave it, without any folders (browsers send none, other clients may).
        String name = file.filename().substring(Math.max(file.filename().lastIndexOf('/'),
                file.filename().lastIndexOf('\\')) + 1);
        if (UPLOAD_EXTENSIONS.stream().noneMatch(extension -> name.toLowerCase(Locale.ROOT).endsWith(extension))) {
            throw new ApiException(415, "unsupported-file-type", "\"" + Diagnostic.printable(name, 80)
                    + "\" is none of the files the service reads: " + String.join(", ", UPLOAD_EXTENSIONS));
        }
        try (InputStream in = file.content()) {
            return new Upload(name, in.readAllBytes());
        }
    }

    /** The projects of JSON; JSON that is no evaluation at all (malformed, not UTF-8, …) is a bad request. */
    private List<ProjectInput> read(String source, byte[] body) {
        List<ProjectInput> projects = engine.read(source, body);
        ProjectInput first = projects.get(0);
        if (first.index() == 0) {
            Diagnostic problem = first.diagnostics().get(0);
            String message = (source.equals(SOURCE) ? "request body" : source)
                    + (problem.path() != null && !problem.path().equals("$")
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
     * The body of a JSON request, refused with 415 when it is neither JSON nor an upload and with 413 when it is larger than the limit:
     * at once when its declared length says so, else as soon as more than the limit has come.
     */
    private byte[] body(Context ctx) throws IOException {
        String type = ctx.contentType();
        if (type == null || !JSON_MEDIA_TYPE.matcher(type).matches()) {
            throw new ApiException(415, "unsupported-media-type", "send the evaluation as JSON, with Content-Type: "
                    + "application/json, or a file as multipart/form-data"
                    + (type == null ? "" : " (not " + Diagnostic.printable(type, 80) + ")"));
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
            // A project with errors was not read into a form: its fields are named as on the national form.
            Form form = project.input().evaluation() != null ? project.input().evaluation().form() : Form.NATIONAL;
            for (Diagnostic diagnostic : project.diagnostics()) {
                ObjectNode item = (diagnostic.isError() ? errors : warnings).addObject()
                        .put("path", diagnostic.path())
                        .put("field", FieldLabels.of(form, diagnostic.path()));
                if (diagnostic.source() != null) {
                    item.put("cell", diagnostic.source()); // sheet "项目1" D6 (全年预算数), for an imported form
                }
                item.put("message", diagnostic.message());
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
