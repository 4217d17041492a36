package cn.jixiao.server;

import static cn.jixiao.server.ServiceTest.JSON;
import static cn.jixiao.server.ServiceTest.client;
import static cn.jixiao.server.ServiceTest.error;
import static cn.jixiao.server.UploadTest.XLSX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.render.xlsx.FormWorkbook;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uploads made to exhaust memory, over a real socket: each is answered 4xx with one readable line naming the file,
 * the service serves on afterwards, and nothing a request sent is left on disk once it is answered. (How much memory
 * they take is measured by the {@link HostileUploads} harness, not here.)
 */
class HostileUploadTest {

    static Service service;
    static byte[] example;

    @BeforeAll
    static void start() throws Exception {
        service = Service.start(TestEngine.allFormats(), ServiceTest.settings(null),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        example = JSON.writeValueAsBytes(JSON.readTree(Files.readAllBytes(Examples.FILE)).get(0));
        UploadTest.service = service;
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** After every hostile request: the service still answers, and still validates a real evaluation. */
    @AfterEach
    void theServiceServesOn() throws Exception {
        assertEquals(200, client.send(HttpRequest.newBuilder(ServiceTest.uri(service, "/health")).build(),
                BodyHandlers.ofByteArray()).statusCode());
        HttpResponse<byte[]> validate = UploadTest.send("/api/validate", "application/json", example);
        assertEquals(200, validate.statusCode());
        assertEquals(ServiceTest.FIRST, JSON.readTree(validate.body()).get("projects").get(0).get("projectName")
                .asText());
        assertEquals(List.of(), left(service));
    }

    @Test
    void aZipBombWithinPoisRatioIs422NamingTheFileAndThePart() throws Exception {
        // One sheet of 9 MB of XML that deflates about 70 times: 130 KB sent.
        byte[] bomb = HostileFiles.bytes(out -> HostileFiles.zipBomb(out, 0, 9));
        JsonNode answer = error(UploadTest.upload("/api/validate", "炸弹.xlsx", XLSX, bomb), 422, "unreadable-file");
        assertEquals("炸弹.xlsx: has a part (/xl/worksheets/sheet1.xml) larger than 8 MB of XML, far more than any "
                + "form (a sheet of a million rows?)", answer.get("message").asText());
    }

    /** Within every limit of size (7 MB of XML, 100 KB sent), but POI would build every cell before any was counted. */
    @Test
    void anXlsxOfOneSheetOfAQuarterMillionRowsIs422BeforePoiBuildsIt() throws Exception {
        byte[] sheet = HostileFiles.bytes(out -> HostileFiles.zipBomb(out, 0, 7));
        JsonNode answer = error(UploadTest.upload("/api/validate", "长表.xlsx", XLSX, sheet), 422, "unreadable-file");
        assertEquals("长表.xlsx: sheet \"项目1\" has 229,376 rows; a form has at most 5,000",
                answer.get("message").asText());
    }

    @Test
    void anXlsxOfOneSheetOfFewRowsButManyCellsIs422() throws Exception {
        byte[] sheet = HostileFiles.bytes(out -> HostileFiles.wideSheets(out, 1, 4_000, 100));
        JsonNode answer = error(UploadTest.upload("/api/render", "宽表.xlsx", XLSX, sheet), 422, "unreadable-file");
        assertEquals("宽表.xlsx: sheet \"项目1\" has 400,000 cells; a form has far fewer, and at most 50,000 are read",
                answer.get("message").asText());
    }

    /** Each sheet within a form's limits, but together more than POI should build (some 700 MB of heap). */
    @Test
    void anXlsxOfTwentySheetsEachJustWithinTheLimitOfASheetIs422BeforePoiBuildsIt() throws Exception {
        byte[] sheets = HostileFiles.bytes(out -> HostileFiles.wideSheets(out, 20, 4_999, 10));
        JsonNode answer = error(UploadTest.upload("/api/render", "全部项目.xlsx", XLSX, sheets), 422,
                "unreadable-file");
        assertEquals("全部项目.xlsx: has 999,800 cells in 20 sheets; a workbook of forms has far fewer, and at most"
                + " 200,000 are read", answer.get("message").asText());
    }

    @Test
    void aWordFileOfThousandsOfPartsIs422() throws Exception {
        byte[] parts = HostileFiles.bytes(out -> HostileFiles.manyEntries(out, 2_000, 400_000));
        JsonNode answer = error(UploadTest.upload("/api/import", "报告.docx", "application/octet-stream", parts), 422,
                "unreadable-file");
        assertEquals("报告.docx: holds more than 1000 parts (files in its archive), where a form has a few dozen; "
                + "refused", answer.get("message").asText());
    }

    @Test
    void anOldExcelFileOfMoreCellsThanAnyWorkbookOfFormsIs422BeforeItIsRead() throws Exception {
        byte[] cells = HostileFiles.bytes(out -> HostileFiles.manyCells(out, 5, 4_001, 10));
        JsonNode answer = error(UploadTest.upload("/api/render", "旧表.xls", "application/vnd.ms-excel", cells), 422,
                "unreadable-file");
        assertEquals("旧表.xls: has 200,050 cells in 5 sheets; a workbook of forms has far fewer, and at most 200,000"
                + " are read", answer.get("message").asText());
    }

    /** A row costs POI some 230 bytes without a cell in it: 15 sheets of 65,536 took 212 MB, before rows counted. */
    @Test
    void anOldExcelFileOfMoreRowsThanAnyWorkbookOfFormsIs422BeforeItIsRead() throws Exception {
        byte[] rows = HostileFiles.bytes(out -> HostileFiles.manyCells(out, 21, 5_000, 0));
        JsonNode answer = error(UploadTest.upload("/api/render", "旧表.xls", "application/vnd.ms-excel", rows), 422,
                "unreadable-file");
        assertEquals("旧表.xls: has 105,000 rows in 21 sheets; a workbook of forms has far fewer, and at most 100,000"
                + " are read", answer.get("message").asText());
    }

    @Test
    void jsonOfMoreValuesThanTheServiceReadsIs413BeforeItIsParsed() throws Exception {
        byte[] zeros = HostileFiles.bytes(out -> HostileFiles.denseJson(out, 600_000)); // [0,0,…: 300,000 values
        JsonNode body = error(UploadTest.send("/api/validate", "application/json", zeros), 413, "too-many-values");
        assertEquals("the request body holds more than 250,000 JSON values, more than the service reads at once (a "
                + "project has about 200); send fewer projects at once", body.get("message").asText());
        JsonNode file = error(UploadTest.upload("/api/render", "零.json", "application/json", zeros), 413,
                "too-many-values");
        assertTrue(file.get("message").asText().startsWith("零.json holds more than 250,000 JSON values"),
                file.toString());
    }

    @Test
    void whileABodyArrivesItIsWrittenToAPrivateDirectoryOfTheRequestAndDeletedWithTheAnswer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + example.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(example, 0, example.length / 2);
            out.flush();
            Path directory = awaitRequestDirectory();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    service.requestFiles())));
            assertEquals(List.of(directory, directory.resolve("body.json")), left(service));
            out.write(example, example.length / 2, example.length - example.length / 2);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200") && answer.contains(ServiceTest.FIRST), answer);
        }
    }

    @Test
    void nothingARequestSentOutlivesItsAnswerGoodBadOrTimedOut() throws Exception {
        byte[] workbook = FormWorkbook.filled(Examples.evaluations());
        assertEquals(200, UploadTest.upload("/api/render", "自评表.xlsx", XLSX, workbook).statusCode());
        error(UploadTest.upload("/api/validate", "自评表.xlsx", XLSX, java.util.Arrays.copyOf(workbook, 1000)), 422,
                "unreadable-file");
        error(UploadTest.upload("/api/validate", "a.xlsx", XLSX, workbook, "b.xlsx", XLSX, workbook), 400,
                "one-file");
        error(UploadTest.send("/api/render", "application/json", "{\"year\": ".getBytes(StandardCharsets.UTF_8)),
                400, "malformed-json");
        assertEquals(List.of(), left(service));
        try (Service hurried = Service.start(TestEngine.allFormats(), new Service.Settings("127.0.0.1", 0, null,
                Service.Settings.DEFAULT_MAX_BODY_BYTES, 1, 1, Duration.ofMillis(1)),
                new PrintStream(new ByteArrayOutputStream()))) {
            Service at = UploadTest.service;
            UploadTest.service = hurried;
            try {
                error(UploadTest.upload("/api/render", "自评表.xlsx", XLSX, workbook), 503, "time-limit");
                assertEquals(List.of(), left(hurried));
            } finally {
                UploadTest.service = at;
            }
        }
    }

    /** The request directory of the one request in flight, once its first bytes are on disk. */
    private static Path awaitRequestDirectory() throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            List<Path> now = left(service);
            if (now.size() == 2 && Files.size(now.get(1)) > 0) {
                return now.get(0);
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the body never reached the request's directory: " + left(service));
    }

    /** What is in the service's directory of request files, sorted (a directory before what it holds). */
    private static List<Path> left(Service at) throws IOException {
        try (Stream<Path> tree = Files.walk(at.requestFiles())) {
            return tree.filter(path -> !path.equals(at.requestFiles())).sorted().toList();
        }
    }
}
