package cn.jixiao.server;

import static cn.jixiao.server.ServiceTest.FIRST;
import static cn.jixiao.server.ServiceTest.JSON;
import static cn.jixiao.server.ServiceTest.client;
import static cn.jixiao.server.ServiceTest.error;
import static cn.jixiao.server.ServiceTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.office.OfficeImport;
import cn.jixiao.render.xlsx.FormWorkbook;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.PdfAValidation;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Word and Excel forms uploaded to the service (multipart/form-data), over a real socket: imported as
 * {@code jixiao import} does, checked by the same rules, their messages naming sheet and cell; and PDF/A on request.
 */
class UploadTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Reads numbers as exact decimals, so that 87.00 and 87.0 differ. */
    static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    static Service service;
    static byte[] workbook;
    static byte[] firstWorkbook;

    @BeforeAll
    static void start() throws Exception {
        service = Service.start(TestEngine.allFormats(), ServiceTest.settings(null),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        // The Excel form `jixiao template --xlsx --from examples/jinfeng-2023.json` writes: one sheet per project.
        workbook = FormWorkbook.filled(Examples.evaluations());
        firstWorkbook = FormWorkbook.filled(List.of(Examples.named(FIRST)));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** A multipart/form-data body of files, as a browser's FormData sends it: {name, media type, content}… */
    static HttpResponse<byte[]> upload(String path, Object... files) throws Exception {
        String boundary = "----jixiao-test-boundary-7MA4YWxk";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < files.length; i += 3) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + files[i]
                    + "\"\r\nContent-Type: " + files[i + 1] + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write((byte[]) files[i + 2]);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    static HttpResponse<byte[]> send(String path, String contentType, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(ServiceTest.uri(service, path)).header("Content-Type", contentType)
                .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofByteArray());
    }

    /** The first project's workbook with one cell's text replaced, as a user might type it. */
    static byte[] withCell(String reference, String text) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(firstWorkbook))) {
            Sheet sheet = book.getSheetAt(0);
            org.apache.poi.ss.util.CellReference at = new org.apache.poi.ss.util.CellReference(reference);
            Row row = sheet.getRow(at.getRow());
            Cell cell = row.getCell(at.getCol());
            cell.setCellValue(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void validateAnExcelFormNamesTheSheetAndCellOfEachWarning() throws Exception {
        HttpResponse<byte[]> response = upload("/api/validate", "自评表.xlsx", XLSX, workbook);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        JsonNode projects = json(response).get("projects");
        assertEquals(Examples.evaluations().size(), projects.size());
        JsonNode first = projects.get(0);
        assertEquals(FIRST, first.get("projectName").asText());
        assertEquals(0, first.get("errors").size());
        JsonNode warning = first.get("warnings").get(0);
        assertEquals("$.funds.total.executionRate", warning.get("path").asText());
        assertEquals("执行率", warning.get("field").asText());
        assertEquals("sheet \"" + sheetName(0) + "\" G6 (执行率)", warning.get("cell").asText());
        assertEquals("87.00% given, but 全年执行数 ÷ 全年预算数 = 100.00%", warning.get("message").asText());
        for (int i = 1; i < projects.size(); i++) {
            assertEquals(0, projects.get(i).get("warnings").size() + projects.get(i).get("errors").size(),
                    projects.get(i).toString());
        }
    }

    @Test
    void aCellThatCannotBeReadIsAnErrorNamingItsCell() throws Exception {
        JsonNode project = json(upload("/api/validate", "自评表.xlsx", XLSX, withCell("D6", "约50")))
                .get("projects").get(0);
        JsonNode error = project.get("errors").get(0);
        assertEquals("sheet \"" + sheetName(0) + "\" D6 (全年预算数)", error.get("cell").asText());
        assertEquals("expected an amount, got \"约50\"", error.get("message").asText());
    }

    @Test
    void aWordFormTheServiceWroteComesBackWithTheSameWarningNamingItsTableCell() throws Exception {
        HttpResponse<byte[]> docx = send("/api/render?format=docx", "application/json",
                JSON.writeValueAsBytes(JSON.readTree(Files.readAllBytes(Examples.FILE)).get(0)));
        assertEquals(200, docx.statusCode());
        JsonNode project = json(upload("/api/validate", "2023-" + FIRST + ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.body()))
                .get("projects").get(0);
        assertEquals(FIRST, project.get("projectName").asText());
        assertEquals(0, project.get("errors").size(), project.toString());
        JsonNode warning = project.get("warnings").get(0);
        assertEquals("$.funds.total.executionRate", warning.get("path").asText());
        assertTrue(warning.get("cell").asText().matches("table 1, row \\d+, column \\d+ \\(执行率\\)"),
                warning.toString());
    }

    @Test
    void renderAnExcelFormOfOneProjectGivesItsPdf() throws Exception {
        HttpResponse<byte[]> response = upload("/api/render?format=pdf", "自评表.xlsx", XLSX, firstWorkbook);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElseThrow());
        try (PdfFile pdf = PdfFile.of(response.body())) {
            String text = PdfFile.compact(pdf.pageText(1));
            assertTrue(text.contains(FIRST) && text.contains("180.97212"), text);
        }
    }

    @Test
    void renderAnExcelFormOfSeveralProjectsGivesTheZipOfABatch() throws Exception {
        HttpResponse<byte[]> response = upload("/api/render?format=pdf", "自评表.xlsx", XLSX, workbook);
        assertEquals(200, response.statusCode());
        assertEquals("application/zip", response.headers().firstValue("Content-Type").orElseThrow());
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertTrue(names.contains("2023-" + FIRST + ".pdf") && names.contains("全部自评表.pdf")
                && names.contains("report.json"), names.toString());
    }

    @Test
    void renderAnExcelFormWithAnErrorIs422WithTheCell() throws Exception {
        HttpResponse<byte[]> response = upload("/api/render", "自评表.xlsx", XLSX, withCell("D6", "约50"));
        assertEquals(422, response.statusCode());
        assertEquals("sheet \"" + sheetName(0) + "\" D6 (全年预算数)",
                json(response).get("projects").get(0).get("errors").get(0).get("cell").asText());
    }

    @Test
    void importGivesTheFormsAsTheJsonJixiaoImportWritesWithTheCellOfEachPath() throws Exception {
        HttpResponse<byte[]> response = upload("/api/import", "自评表.xlsx", XLSX, workbook);
        assertEquals(200, response.statusCode());
        JsonNode projects = EXACT.readTree(response.body()).get("projects");
        Path file = Files.createTempFile("自评表", ".xlsx");
        try {
            Files.write(file, workbook);
            OfficeImport.Imported imported = new OfficeImport(new EvaluationReader()).read(file);
            JsonNode written = EXACT.readTree(OfficeImport.toJson(imported.json()));
            assertEquals(written.size(), projects.size());
            for (int i = 0; i < written.size(); i++) {
                assertEquals(written.get(i), projects.get(i).get("evaluation"), "project " + (i + 1));
            }
        } finally {
            Files.delete(file);
        }
        JsonNode first = projects.get(0);
        JsonNode total = first.get("evaluation").get("funds").get("total");
        assertEquals("180.97212", total.get("annualBudget").toString());
        assertEquals("207.6892", total.get("initialBudget").toString());
        assertEquals("87.00", total.get("executionRate").toString());
        assertEquals("sheet \"" + sheetName(0) + "\" G6 (执行率)",
                first.get("cells").get("$.funds.total.executionRate").asText());
        assertEquals("sheet \"" + sheetName(0) + "\" G6 (执行率)", first.get("warnings").get(0).get("cell").asText());
    }

    @Test
    void aJsonFileUploadIsReadAsTheJsonBody() throws Exception {
        HttpResponse<byte[]> response = upload("/api/validate", "jinfeng-2023.json", "application/json",
                Files.readAllBytes(Examples.FILE));
        assertEquals(200, response.statusCode());
        JsonNode warning = json(response).get("projects").get(0).get("warnings").get(0);
        assertEquals("$.funds.total.executionRate", warning.get("path").asText());
        assertTrue(warning.get("cell") == null, warning.toString());

        JsonNode malformed = error(upload("/api/validate", "坏.json", "application/json",
                "{\"year\": 2023,\n  oops}".getBytes(StandardCharsets.UTF_8)), 400, "malformed-json");
        assertTrue(malformed.get("message").asText().startsWith("坏.json: malformed JSON"), malformed.toString());
        assertEquals(2, malformed.get("line").asInt());
    }

    @Test
    void filesThatAreNoReadableFormAre422WithOneReadableLine() throws Exception {
        JsonNode pdf = error(upload("/api/validate", "自评表.xlsx", XLSX,
                "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)), 422, "unreadable-file");
        assertEquals("自评表.xlsx: is not an Excel workbook but a PDF; open it in Word or Excel and save it as .xlsx",
                pdf.get("message").asText());

        byte[] damaged = java.util.Arrays.copyOf(firstWorkbook, firstWorkbook.length / 2);
        JsonNode cut = error(upload("/api/render", "自评表.xlsx", XLSX, damaged), 422, "unreadable-file");
        assertEquals("自评表.xlsx: is damaged: not a complete Excel workbook archive", cut.get("message").asText());

        JsonNode word = error(upload("/api/import", "报告.docx", "application/octet-stream", workbook), 422,
                "unreadable-file");
        assertEquals("报告.docx: is an Excel workbook, not a Word document; rename it to .xlsx",
                word.get("message").asText());
    }

    @Test
    void badUploadsAre4xxWithAReadableBody() throws Exception {
        JsonNode type = error(upload("/api/validate", "自评表.pdf", "application/pdf", new byte[] {1}), 415,
                "unsupported-file-type");
        assertTrue(type.get("message").asText().contains(".docx, .xlsx, .xlsm, .xls, .json"), type.toString());
        error(upload("/api/validate", "a.xlsx", XLSX, workbook, "b.xlsx", XLSX, workbook), 400, "one-file");
        error(upload("/api/validate"), 400, "one-file");
        error(upload("/api/import", "jinfeng-2023.json", "application/json", Files.readAllBytes(Examples.FILE)), 415,
                "unsupported-file-type");
        error(send("/api/validate", "multipart/form-data; boundary=nothing", "not multipart at all"
                .getBytes(StandardCharsets.UTF_8)), 400, "malformed-multipart");
        error(send("/api/import", "application/json", Files.readAllBytes(Examples.FILE)), 415,
                "unsupported-media-type");
    }

    @Test
    void anUploadOverTheLimitIs413() throws Exception {
        try (Service small = Service.start(TestEngine.allFormats(), new Service.Settings("127.0.0.1", 0, null,
                1024, 2, 4, Service.Settings.DEFAULT_TIME_LIMIT), new PrintStream(new ByteArrayOutputStream()))) {
            Service at = service;
            service = small;
            try {
                error(upload("/api/validate", "自评表.xlsx", XLSX, workbook), 413, "too-large");
                // Streamed (chunked), without a declared length: refused once more than the limit has come.
                String boundary = "----jixiao-streamed";
                byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\""
                        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
                byte[] streamed = java.util.Arrays.copyOf(body, body.length + workbook.length);
                System.arraycopy(workbook, 0, streamed, body.length, workbook.length);
                error(client.send(HttpRequest.newBuilder(ServiceTest.uri(small, "/api/validate"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(streamed))).build(),
                        BodyHandlers.ofByteArray()), 413, "too-large");
            } finally {
                service = at;
            }
        }
    }

    @Test
    void nothingOfAnUploadIsLeftOnDisk() throws Exception {
        assertEquals(200, upload("/api/validate", "自评表.xlsx", XLSX, workbook).statusCode());
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(service.requestFiles())));
        try (var left = Files.list(service.requestFiles())) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void pdfaTrueGivesAPdfThatVeraPdfAcceptsAsPdfA2u() throws Exception {
        HttpResponse<byte[]> response = ServiceTest.client.send(HttpRequest.newBuilder(
                        ServiceTest.uri(service, "/api/render?format=pdf&pdfa=true"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(JSON.writeValueAsBytes(JSON.valueToTree(
                        JSON.readTree(Files.readAllBytes(Examples.FILE)).get(0))))).build(), BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals(List.of(), PdfAValidation.failures(response.body(), PDFAFlavour.PDFA_2_U));

        HttpResponse<byte[]> upload = upload("/api/render?pdfa=true", "自评表.xlsx", XLSX, firstWorkbook);
        assertEquals(List.of(), PdfAValidation.failures(upload.body(), PDFAFlavour.PDFA_2_U));

        HttpResponse<byte[]> plain = upload("/api/render", "自评表.xlsx", XLSX, firstWorkbook);
        assertTrue(!PdfAValidation.failures(plain.body(), PDFAFlavour.PDFA_2_U).isEmpty(),
                "without pdfa=true the PDF is not PDF/A");
        error(upload("/api/render?pdfa=yes", "自评表.xlsx", XLSX, firstWorkbook), 400, "bad-parameter");
    }

    private static String sheetName(int index) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            return book.getSheetName(index);
        }
    }
}
