package cn.jixiao.server;

import cn.jixiao.batch.BatchOutput;
import cn.jixiao.batch.BatchRun;
import cn.jixiao.batch.OutputNames;
import cn.jixiao.batch.ProjectResult;
import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.ProjectDocuments;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.model.FieldLabels;
import cn.jixiao.model.Form;
import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.input.office.OfficeImport;
import cn.jixiao.render.RenderException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
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

    /**
     * The most values (numbers, texts, objects, arrays…) one request's JSON may hold: some 1,250 projects of the
     * examples' size (about 200 values each), more than a request renders within its time limit. Read, every value is
     * an object in memory, so this bounds what reading a body costs, as the body limit cannot: 20 MB of
     * {@code [0,0,0,…} are ten million values, some 250 MB of heap.
     */
    static final int MAX_JSON_VALUES = 250_000;

    /** The files an upload may be: a form in Word or Excel, or the JSON of the contract. */
    static final List<String> UPLOAD_EXTENSIONS = List.of(".docx", ".xlsx", ".xlsm", ".xls", ".json");

    private static final Map<OutputFormat, String> MEDIA_TYPES = Map.of(
            OutputFormat.PDF, "application/pdf",
            OutputFormat.DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final String ZIP = "application/zip";
    /** The request attribute by which Jetty takes a request's multipart settings (Javalin sets it if none is set). */
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    /** The names of a request's data in its directory: the body, and the upload (with its extension). */
    private static final String BODY = "body.json";
    private static final String UPLOAD = "upload";
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
    private final Path files;
    private final EngineStart archivalStart;
    private FormEngine archival; // guarded by this
    private final Service.Settings settings;
    private final RenderSlots slots;
    private final Semaphore officeReads = new Semaphore(1, true);

    /** @param files the service's private directory, in which each request that sends data gets one of its own */
    Api(FormEngine engine, Path files, EngineStart archivalStart, Service.Settings settings, RenderSlots slots) {
        this.engine = engine;
        this.files = files;
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
        OfficeImport.Imported imported = slots.run(() -> oneAtATime(() -> engine.importForms(upload.fileName(),
                upload.file())));
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

    /**
     * The projects of the request: a JSON body, or one uploaded file (multipart/form-data). Both are first written to
     * the request's directory, then read from there on a render's turn: reading a workbook or a large array takes as
     * much memory as a render, so no more of them run at once than renders do.
     */
    private Sent sent(Context ctx) throws Exception {
        if (!isMultipart(ctx)) {
            Path body = body(ctx);
            return new Sent(read(SOURCE, body), startsArray(body));
        }
        Upload upload = upload(ctx);
        if (!OfficeImport.handles(upload.fileName())) {
            return new Sent(read(upload.fileName(), upload.file()), startsArray(upload.file()));
        }
        List<ProjectInput> projects = slots.run(() -> oneAtATime(() -> engine.readFile(upload.fileName(),
                upload.file())));
        unreadable(projects);
        return new Sent(projects, projects.size() > 1);
    }

    /**
     * Reads a Word or Excel file when no other is being read. POI builds a file's XML in memory, about 13 times its
     * size: the import's limits let one file take some 140 MB, so two at once could exhaust a small heap where renders
     * and JSON (bounded by {@link #MAX_JSON_VALUES}) cannot. Runs on a render thread; the wait counts against the
     * request's time limit, and a request that passes it stops waiting.
     */
    private <T> T oneAtATime(Callable<T> read) throws Exception {
        officeReads.acquire();
        try {
            return read.call();
        } finally {
            officeReads.release();
        }
    }

    /** A Word or Excel file that gave no form (encrypted, damaged, hostile, no 自评表 in it): 422 and why. */
    private static void unreadable(List<ProjectInput> projects) {
        ProjectInput first = projects.get(0);
        if (first.index() == 0) {
            throw new ApiException(422, "unreadable-file", first.diagnostics().get(0).toString());
        }
    }

    /** The file of a multipart/form-data request: its name on the user's machine, and where it is written now. */
    private record Upload(String fileName, Path file) {
    }

    private static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * The one file of a multipart/form-data request, written to the request's directory, refused with 413 when the
     * request is larger than the limit, with 415 when it is of no kind the service reads. Jetty writes every part
     * there as it arrives (no part is kept in memory), and the file is then moved to a name of the service's own.
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
        Path directory = RequestFiles.of(ctx, files);
        // Javalin's multipart settings are the service's; these, set on the request, are the request's own.
        ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(directory.toString(), limit, limit, 0));
        List<Part> parts;
        try {
            parts = ctx.req().getParts().stream().filter(part -> part.getSubmittedFileName() != null).toList();
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
        if (parts.size() != 1) {
            throw new ApiException(400, "one-file", "send exactly one file (a part with a file name) in the "
                    + "multipart/form-data body, not " + parts.size());
        }
        Part part = parts.get(0);
        // The name as the user's machine gave it, without any folders (browsers send none, other clients may).
        String given = part.getSubmittedFileName();
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        if (UPLOAD_EXTENSIONS.stream().noneMatch(extension -> name.toLowerCase(Locale.ROOT).endsWith(extension))) {
            throw new ApiException(415, "unsupported-file-type", "\"" + Diagnostic.printable(name, 80)
                    + "\" is none of the files the service reads: " + String.join(", ", UPLOAD_EXTENSIONS));
        }
        // Never a name the user gave: the file stays inside the request's directory whatever it is called.
        Path file = directory.resolve(UPLOAD + name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT));
        part.write(file.toString());
        return new Upload(name, file);
    }

    /**
     * The projects of a JSON file, read on a render's turn; JSON that is no evaluation at all (malformed, not UTF-8,
     * …) is a bad request.
     */
    private List<ProjectInput> read(String source, Path json) throws Exception {
        List<ProjectInput> projects = slots.run(() -> {
            if (values(json) > MAX_JSON_VALUES) {
                throw new ApiException(413, "too-many-values", (source.equals(SOURCE) ? "the request body" : source)
                        + String.format(Locale.ROOT, " holds more than %,d JSON values, more than the service reads at once "
                        + "(a project has about 200); send fewer projects at once", MAX_JSON_VALUES));
            }
            try (InputStream in = Files.newInputStream(json)) {
                return engine.read(source, in);
            }
        });
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
     * The body of a JSON request, written to the request's directory as it arrives; refused with 415 when it is
     * neither JSON nor an upload and with 413 when it is larger than the limit: at once when its declared length says
     * so, else as soon as more than the limit has come.
     */
    private Path body(Context ctx) throws IOException {
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
        Path body = RequestFiles.of(ctx, files).resolve(BODY);
        try (InputStream in = ctx.req().getInputStream(); OutputStream out = Files.newOutputStream(body)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        }
        return body;
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, "too-large", "the body is larger than the service's limit of "
                + Service.Settings.megabytes(limit) + "; send fewer projects at once");
    }

    /**
     * The values (numbers, texts, objects, arrays…) of a JSON file, counted as they stream by without keeping any, up
     * to one more than {@link #MAX_JSON_VALUES}; up to where it is malformed, as the reader says where that is.
     */
    private static long values(Path json) throws IOException {
        long values = 0;
        try (JsonParser parser = JSON.getFactory().createParser(json.toFile())) {
            for (JsonToken token = parser.nextToken(); token != null && values <= MAX_JSON_VALUES;
                 token = parser.nextToken()) {
                if (token.isScalarValue() || token.isStructStart()) {
                    values++;
                }
            }
        } catch (JsonProcessingException e) {
            // malformed: the reader names line and column
        }
        return values;
    }

    /** Whether the JSON of the file is an array: its first character after a byte-order mark and blanks is [. */
    private static boolean startsArray(Path json) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(json))) {
            int c = in.read();
            if (c == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
                c = in.read();
            }
            while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                c = in.read();
            }
            return c == '[';
        }
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
