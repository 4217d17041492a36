package cn.jixiao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.testing.Examples;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service as a client sees it: real HTTP over a socket, every answer checked by what it holds. */
class ServiceTest {

    static final String FIRST = "政府批准聘用人员支出";
    static final ObjectMapper JSON = new ObjectMapper();

    static Service service;
    static final ByteArrayOutputStream log = new ByteArrayOutputStream();
    static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static byte[] examples;
    static byte[] firstExample;

    @BeforeAll
    static void start() throws Exception {
        service = Service.start(TestEngine.allFormats(), settings(null), new PrintStream(log, true, StandardCharsets.UTF_8));
        examples = Files.readAllBytes(Examples.FILE);
        firstExample = JSON.writeValueAsBytes(JSON.readTree(examples).get(0));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Service.Settings settings(String token) {
        return new Service.Settings("127.0.0.1", 0, token, Service.Settings.DEFAULT_MAX_BODY_BYTES, 4, 16,
                Service.Settings.DEFAULT_TIME_LIMIT);
    }

    static URI uri(Service at, String path) {
        return URI.create("http://127.0.0.1:" + at.port() + path);
    }

    static HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(service, path)).header("Content-Type", contentType)
                .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> postJson(String path, byte[] body) throws Exception {
        return post(path, "application/json", body);
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(service, path)).build(), BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "a JSON answer: " + response.headers().map());
        return JSON.readTree(response.body());
    }

    /** An error answer: its status, a readable message, and the request id of its header. */
    static JsonNode error(HttpResponse<byte[]> response, int status, String code) throws IOException {
        JsonNode body = json(response);
        assertEquals(status, response.statusCode(), body.toString());
        assertEquals(code, body.get("error").asText(), body.toString());
        assertFalse(body.get("message").asText().isBlank());
        assertEquals(response.headers().firstValue("X-Request-Id").orElseThrow(), body.get("requestId").asText());
        return body;
    }

    @Test
    void healthSaysOk() throws Exception {
        HttpResponse<byte[]> response = get("/health");
        assertEquals(200, response.statusCode());
        assertEquals("ok", json(response).get("status").asText());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndARequestId() throws Exception {
        for (HttpResponse<byte[]> response : List.of(get("/health"), get("/"), get("/no-such-page"))) {
            var headers = response.headers();
            String policy = headers.firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(policy.startsWith("default-src 'self'"), policy);
            assertTrue(policy.contains("frame-src 'self' blob:") && policy.contains("object-src 'self' blob:"), policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), policy);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("DENY", headers.firstValue("X-Frame-Options").orElseThrow());
            assertTrue(headers.firstValue("X-Request-Id").orElseThrow().matches("[0-9a-f]{16}"));
        }
    }

    @Test
    void thePageIsServedAtTheRoot() throws Exception {
        HttpResponse<byte[]> response = get("/");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("项目支出绩效自评表"));
    }

    @Test
    void configTellsWhetherATokenIsNeeded() throws Exception {
        JsonNode config = json(get("/api/config"));
        assertFalse(config.get("tokenRequired").asBoolean());
        assertEquals(20L << 20, config.get("maxBodyBytes").asLong());
        assertEquals("[\"pdf\",\"docx\"]", config.get("formats").toString());
    }

    @Test
    void validateListsEveryProjectWithItsWarningsByPathAndLabel() throws Exception {
        HttpResponse<byte[]> response = postJson("/api/validate", examples);
        assertEquals(200, response.statusCode());
        JsonNode projects = json(response).get("projects");
        assertEquals(5, projects.size());
        JsonNode first = projects.get(0);
        assertEquals(1, first.get("index").asInt());
        assertEquals(FIRST, first.get("projectName").asText());
        assertEquals(0, first.get("errors").size());
        JsonNode warning = first.get("warnings").get(0);
        assertEquals("$.funds.total.executionRate", warning.get("path").asText());
        assertEquals("执行率", warning.get("field").asText());
        assertEquals("87.00% given, but 全年执行数 ÷ 全年预算数 = 100.00%", warning.get("message").asText());
        for (int i = 1; i < 5; i++) {
            assertEquals(0, projects.get(i).get("warnings").size() + projects.get(i).get("errors").size());
        }
    }

    @Test
    void validateNamesAnIndicatorCellByItsRowAndColumn() throws Exception {
        JsonNode project = JSON.readTree(firstExample);
        ((ObjectNode) project.get("indicators").get(2)).putObject("weight");
        JsonNode error = json(postJson("/api/validate", JSON.writeValueAsBytes(project)))
                .get("projects").get(0).get("errors").get(0);
        assertEquals("$.indicators[2].weight", error.get("path").asText());
        assertEquals("绩效指标第3行 · 分值", error.get("field").asText());
        assertEquals("expected a number or text, got an object", error.get("message").asText());
    }

    @Test
    void renderOneEvaluationGivesItsPdfNamedAfterYearAndProject() throws Exception {
        HttpResponse<byte[]> response = postJson("/api/render?format=pdf", firstExample);
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("2023-" + FIRST + ".pdf", fileName(response));
        try (PdfFile pdf = PdfFile.of(response.body())) {
            assertTrue(PdfFile.compact(pdf.pageText(1)).contains(FIRST));
        }
    }

    @Test
    void renderWithoutAFormatGivesAPdf() throws Exception {
        HttpResponse<byte[]> response = postJson("/api/render", firstExample);
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void renderOneEvaluationAsDocxGivesAWordDocumentThatOpens() throws Exception {
        HttpResponse<byte[]> response = postJson("/api/render?format=docx", firstExample);
        assertEquals(200, response.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("2023-" + FIRST + ".docx", fileName(response));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.body()));
             XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertTrue(text.getText().contains(FIRST));
        }
    }

    @Test
    void renderOneEvaluationInBothFormatsGivesAZipOfBoth() throws Exception {
        HttpResponse<byte[]> response = postJson("/api/render?format=pdf,docx", firstExample);
        assertEquals("application/zip", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(List.of("2023-" + FIRST + ".pdf", "2023-" + FIRST + ".docx"), entries(response.body()));
    }

    @Test
    void renderAnArrayGivesAZipOfWhatBatchWrites() throws Exception {
        HttpResponse<byte[]> response = postJson("/api/render?format=pdf", examples);
        assertEquals(200, response.statusCode());
        assertEquals("application/zip", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("项目支出绩效自评表.zip", fileName(response));
        Set<String> expected = new TreeSet<>(Set.of("全部自评表.pdf", "项目支出绩效自评汇总表.pdf",
                "项目支出绩效自评汇总表.xlsx", "report.json"));
        for (String project : List.of(FIRST, "智慧金凤社会治理综合平台运行费", "社区网格员工作终端使用费", "办公经费",
                "互联网专线费")) {
            expected.add("2023-" + project + ".pdf");
        }
        assertEquals(expected, new TreeSet<>(entries(response.body())));
        try (PdfFile combined = PdfFile.of(entry(response.body(), "全部自评表.pdf"))) {
            assertEquals(5, combined.pageCount());
        }
        JsonNode report = JSON.readTree(entry(response.body(), "report.json"));
        assertEquals(5, report.get("totals").get("rendered").asInt());
    }

    @Test
    void renderAnArrayWithABadProjectListsItInTheReportAndRendersTheOthers() throws Exception {
        JsonNode projects = JSON.readTree(examples);
        ((ObjectNode) projects.get(3)).put("indicators", "none");
        HttpResponse<byte[]> response = postJson("/api/render", JSON.writeValueAsBytes(projects));
        assertEquals(200, response.statusCode());
        List<String> entries = entries(response.body());
        assertFalse(entries.contains("2023-办公经费.pdf"), entries.toString());
        assertTrue(entries.contains("2023-互联网专线费.pdf"), entries.toString());
        JsonNode report = JSON.readTree(entry(response.body(), "report.json"));
        assertEquals("failed", report.get("projects").get(3).get("status").asText());
        assertEquals("$.indicators", report.get("projects").get(3).get("errors").get(0).get("path").asText());
    }

    @Test
    void renderOneEvaluationWithErrorsIs422WithItsDiagnostics() throws Exception {
        JsonNode project = JSON.readTree(firstExample);
        ((ObjectNode) project.get("funds").get("total")).put("executed", -1);
        HttpResponse<byte[]> response = postJson("/api/render", JSON.writeValueAsBytes(project));
        assertEquals(422, response.statusCode());
        JsonNode error = json(response).get("projects").get(0).get("errors").get(0);
        assertEquals("$.funds.total.executed", error.get("path").asText());
        assertEquals("年度资金总额 · 全年执行数", error.get("field").asText());
    }

    @Test
    void malformedJsonIs400NamingLineAndColumn() throws Exception {
        byte[] body = "{\n  \"projectName\": \"x\",\n  \"year\": ,\n}".getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/api/validate", "/api/render")) {
            JsonNode error = error(postJson(path, body), 400, "malformed-json");
            assertEquals(3, error.get("line").asInt());
            assertEquals(11, error.get("column").asInt());
            assertTrue(error.get("message").asText().contains("line 3, column 11"), error.toString());
        }
    }

    @Test
    void aBodyThatIsNoEvaluationIs400() throws Exception {
        error(postJson("/api/validate", "42".getBytes(StandardCharsets.UTF_8)), 400, "not-an-evaluation");
        error(postJson("/api/validate", new byte[0]), 400, "not-an-evaluation");
        error(postJson("/api/validate", new byte[] {'"', (byte) 0xB2, (byte) 0xE2, '"'}), 400, "not-an-evaluation");
    }

    @Test
    void anUnknownFormatIs400() throws Exception {
        JsonNode error = error(postJson("/api/render?format=xlsx", firstExample), 400, "unknown-format");
        assertTrue(error.get("message").asText().contains("\"xlsx\""));
        error(postJson("/api/render?format=pdf,", firstExample), 400, "unknown-format");
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        JsonNode error = error(post("/api/render", "text/plain", firstExample), 415, "unsupported-media-type");
        assertTrue(error.get("message").asText().contains("application/json"));
        error(client.send(HttpRequest.newBuilder(uri(service, "/api/validate"))
                .POST(BodyPublishers.ofByteArray(firstExample)).build(), BodyHandlers.ofByteArray()), 415,
                "unsupported-media-type");
        assertEquals(200, post("/api/validate", "application/json; charset=UTF-8", firstExample).statusCode());
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIs413BeforeItIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/render HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (1L << 40) + "\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The terabyte is never sent: the answer comes after its first byte.
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", answer);
        }
    }

    @Test
    void aStreamedBodyLargerThanTheLimitIs413() throws Exception {
        try (Service small = Service.start(TestEngine.allFormats(), new Service.Settings("127.0.0.1", 0, null,
                1000, 1, 1, Duration.ofSeconds(60)), new PrintStream(OutputStream.nullOutputStream()))) {
            // Without a length: chunked, so only reading tells how large it is.
            HttpRequest request = HttpRequest.newBuilder(uri(small, "/api/validate"))
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(examples))).build();
            HttpResponse<byte[]> response = client.send(request, BodyHandlers.ofByteArray());
            JsonNode error = error(response, 413, "too-large");
            assertTrue(error.get("message").asText().contains("1000 bytes"), error.toString());
        }
    }

    @Test
    void withATokenEveryApiCallButConfigNeedsIt() throws Exception {
        try (Service guarded = Service.start(TestEngine.allFormats(), settings("s3cret-token"),
                new PrintStream(OutputStream.nullOutputStream()))) {
            HttpRequest.Builder validate = HttpRequest.newBuilder(uri(guarded, "/api/validate"))
                    .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(firstExample));
            error(client.send(validate.build(), BodyHandlers.ofByteArray()), 401, "unauthorized");
            HttpResponse<byte[]> wrong = client.send(validate.copy().header("Authorization", "Bearer s3cret-tokem")
                    .build(), BodyHandlers.ofByteArray());
            error(wrong, 401, "unauthorized");
            assertEquals("Bearer", wrong.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals(200, client.send(validate.copy().header("Authorization", "Bearer s3cret-token").build(),
                    BodyHandlers.ofByteArray()).statusCode());
            JsonNode config = JSON.readTree(client.send(HttpRequest.newBuilder(uri(guarded, "/api/config")).build(),
                    BodyHandlers.ofByteArray()).body());
            assertTrue(config.get("tokenRequired").asBoolean());
            assertEquals(200, client.send(HttpRequest.newBuilder(uri(guarded, "/health")).build(),
                    BodyHandlers.ofByteArray()).statusCode());
        }
    }

    @Test
    void aHostBeyondLoopbackNeedsAToken() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Service.Settings("0.0.0.0", 0, null, 1000, 1, 1, Duration.ofSeconds(1)));
        assertTrue(refused.getMessage().contains("--token or JIXIAO_TOKEN"), refused.getMessage());
        assertEquals("t", new Service.Settings("0.0.0.0", 0, "t", 1000, 1, 1, Duration.ofSeconds(1)).token(),
                "with a token it may listen on every address");
    }

    @Test
    void anUnknownRouteIs404AndAWrongMethod405BothAsJson() throws Exception {
        error(get("/api/nothing"), 404, "not-found");
        error(get("/api/render"), 405, "method-not-allowed");
    }

    @Test
    void theAccessLogHasRequestIdRouteStatusTimeAndSizeButNoData() throws Exception {
        HttpResponse<byte[]> response = postJson("/api/render", firstExample);
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        String line = awaitLogLine(id);
        Matcher fields = Pattern.compile("\\S+ " + id + " POST /api/render 200 \\d+ ms (\\d+) B").matcher(line);
        assertTrue(fields.matches(), line);
        assertEquals(response.body().length, Long.parseLong(fields.group(1)));
        assertFalse(log.toString(StandardCharsets.UTF_8).contains(FIRST), "the log holds no project's data");
    }

    /** The access log line of a request: written once the answer is sent, so it may come a moment after it. */
    static String awaitLogLine(String id) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (String line : log.toString(StandardCharsets.UTF_8).lines().toList()) {
                if (line.contains(id)) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no access log line for request " + id + ":\n" + log);
    }

    /** The file name of a download: the RFC 5987 {@code filename*}, decoded. */
    static String fileName(HttpResponse<byte[]> response) {
        String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
        Matcher name = Pattern.compile("attachment; filename=\"[ -~]+\"; filename\\*=UTF-8''(\\S+)").matcher(disposition);
        assertTrue(name.matches(), disposition);
        return URLDecoder.decode(name.group(1), StandardCharsets.UTF_8);
    }

    static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in the ZIP");
    }
}
