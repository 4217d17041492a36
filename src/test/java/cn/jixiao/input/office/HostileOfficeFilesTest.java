package cn.jixiao.input.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.testing.Jixiao;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken files given to {@code jixiao import} beside a good one: each gets one line naming it and saying
 * why, the run exits 1, and the good file is still imported. Macros are never run: a macro workbook is read as data.
 */
class HostileOfficeFilesTest {

    @TempDir
    Path directory;

    private static byte[] goodWorkbook() throws Exception {
        return OfficeForms.workbook(new XSSFWorkbook(), Map.of("项目1", OfficeForms.seedForm("办公经费")), 0, 0);
    }

    /** A file as a hostile or careless sender makes it, and the one line the import gives for it. */
    private record Hostile(String name, byte[] content, String message) {
    }

    private static List<Hostile> hostileFiles(byte[] good) throws Exception {
        List<Hostile> files = new ArrayList<>();
        files.add(new Hostile("bomb.docx", zipBomb(),
                "looks like a zip bomb: a part would expand more than 100 times its compressed size or beyond 100 MB;"
                        + " refused"));
        files.add(new Hostile("million-rows.xlsx", withRows(good, 1_000_000, r -> "<row r=\"" + r + "\"><c r=\"A" + r
                        + "\" t=\"inlineStr\"><is><t>项目名称</t></is></c></row>"),
                "has a part (/xl/worksheets/sheet1.xml) larger than 8 MB of XML, far more than any form"
                        + " (a sheet of a million rows?)"));
        // Within 8 MB of XML, but POI would build every row and cell before the import counted them.
        Random digits = new Random(5);
        files.add(new Hostile("long.xlsx", withRows(good, 200_000, r -> "<row><c><v>" + digits.nextInt(10)
                        + "</v></c></row>"),
                "sheet \"项目1\" has 200,000 rows; a form has at most 5,000"));
        files.add(new Hostile("wide.xlsx", withRows(good, 4_000, r -> "<row>" + "<c><v>%d</v></c>".repeat(100)
                        .formatted(digits.ints(100, 0, 10).boxed().toArray()) + "</row>"),
                "sheet \"项目1\" has 400,000 cells; a form has far fewer, and at most 50,000 are read"));
        // Each sheet within a form's 5,000 rows and 50,000 cells, together more than any unit's workbook of forms.
        files.add(new Hostile("all-projects.xlsx", sheets(new SXSSFWorkbook(), 5, 4_999, 10),
                "has 249,950 cells in 5 sheets; a workbook of forms has far fewer, and at most 200,000 are read"));
        files.add(new Hostile("all-projects.xls", sheets(new HSSFWorkbook(), 5, 4_001, 10),
                "has 200,050 cells in 5 sheets; a workbook of forms has far fewer, and at most 200,000 are read"));
        files.add(new Hostile("empty-rows.xls", sheets(new HSSFWorkbook(), 21, 5_000, 0),
                "has 105,000 rows in 21 sheets; a workbook of forms has far fewer, and at most 100,000 are read"));
        files.add(new Hostile("long.xls", sheets(new HSSFWorkbook(), 1, 5_001, 1),
                "sheet \"项目1\" has 5,001 rows; a form has at most 5,000"));
        // One row, far down: few rows to count, but beyond a form's 5,000 once the workbook is built.
        files.add(new Hostile("far-down.xls", oneRowAt(new HSSFWorkbook(), 9_999),
                "sheet \"项目1\" has 10,000 rows; a form has at most 5,000"));
        files.add(new Hostile("far-down.xlsx", oneRowAt(new XSSFWorkbook(), 9_999),
                "sheet \"项目1\" has 10,000 rows; a form has at most 5,000"));
        files.add(new Hostile("encrypted.xlsx", encrypted(good),
                "is encrypted (password-protected); save it without a password and import it again"));
        files.add(new Hostile("protected.xls", passwordProtectedXls(),
                "is encrypted (password-protected); save it without a password and import it again"));
        Object form = OfficeForms.seedForm("办公经费");
        files.add(new Hostile("doctype.docx", withDoctype(OfficeForms.docx(List.of(form))),
                "contains a DOCTYPE declaration, which Office files never need (it can smuggle in external"
                        + " entities); refused"));
        files.add(new Hostile("report.xlsx", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
                "is not an Excel workbook but a PDF; open it in Word or Excel and save it as .xlsx"));
        files.add(new Hostile("export.xls", "<html><table><tr><td>项目名称</td></tr></table></html>"
                        .getBytes(StandardCharsets.UTF_8),
                "is not an Excel workbook but a web page (HTML), as some systems export under an Excel name;"
                        + " open it in Word or Excel and save it as .xlsx"));
        files.add(new Hostile("workbook.docx", good, "is an Excel workbook, not a Word document; rename it to .xlsx"));
        files.add(new Hostile("truncated.xlsx", java.util.Arrays.copyOf(good, good.length / 2),
                "is damaged: not a complete Excel workbook archive"));
        return files;
    }

    @Test
    void eachHostileFileIsOneErrorAndTheGoodOneIsImported() throws Exception {
        byte[] good = goodWorkbook();
        Path goodFile = Files.write(directory.resolve("good.xlsx"), good);
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (Hostile file : hostileFiles(good)) {
            expected.put(write(file.name(), file.content()), file.message());
        }
        List<String> args = new ArrayList<>(List.of("import", goodFile.toString()));
        args.addAll(expected.keySet());
        args.addAll(List.of("-o", directory.resolve("out").toString()));
        Jixiao.Run run = Jixiao.run(args);

        assertEquals(1, run.exitCode());
        assertFalse(run.showsStackTrace(), run.err());
        List<String> lines = new ArrayList<>();
        expected.forEach((file, message) -> lines.add(file + ": " + message));
        assertEquals(lines, run.errors());
        assertTrue(Files.exists(directory.resolve("out").resolve("good.json")), run.out());
    }

    @Test
    void eachHostileFileInMemoryIsTheSameOneError() throws Exception {
        // What the service does with an upload: the same checks and limits, without the file ever touching a disk.
        OfficeImport office = new OfficeImport(new cn.jixiao.input.EvaluationReader());
        for (Hostile file : hostileFiles(goodWorkbook())) {
            OfficeImport.Imported imported = office.read(file.name(), file.content());
            assertEquals(List.of(file.name() + ": " + file.message()),
                    imported.projects().stream().flatMap(p -> p.diagnostics().stream()).map(Object::toString)
                            .toList());
        }
    }

    /** Built in memory: a .docx of so many alike rows, zipped, is refused as a zip bomb before they are counted. */
    @Test
    void aWordDocumentOfMoreTableRowsThanAFormIsRefusedWithItsCountsWrittenAsElsewhere() throws Exception {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createTable(1_001, 1);
            OfficeFileException refused = assertThrows(OfficeFileException.class, () -> WordBlocks.of(document, 1_000));
            assertEquals("has more than 1,000 table rows; a form has at most a thousand indicators",
                    refused.getMessage());
        }
    }

    @Test
    void aMacroWorkbookIsReadAsDataWithAWarning() throws Exception {
        String file = write("macros.xlsm", withMacros(goodWorkbook()));
        Jixiao.Run run = Jixiao.run("import", file, "-o", directory.resolve("out").toString());
        assertEquals(List.of(), run.errors(), run.err());
        assertTrue(run.warnings().contains(file + ": holds macros: read as data only, the macros are not run"),
                run.err());
        assertTrue(Files.readString(directory.resolve("out").resolve("macros.json")).contains("\"办公经费\""));
    }

    private String write(String name, byte[] content) throws Exception {
        return Files.write(directory.resolve(name), content).toString();
    }

    /** A .docx whose document part is 200 MB of spaces, compressed to a few hundred kilobytes. */
    private static byte[] zipBomb() throws Exception {
        byte[] docx = OfficeForms.docx(List.of("项目支出绩效自评表"));
        return rewrite(docx, (name, content, zip) -> {
            zip.putNextEntry(new ZipEntry(name));
            if (name.equals("word/document.xml")) {
                byte[] spaces = new byte[1 << 20];
                java.util.Arrays.fill(spaces, (byte) ' ');
                zip.write(content, 0, content.length - "</w:document>".length());
                for (int i = 0; i < 200; i++) {
                    zip.write(spaces);
                }
                zip.write("</w:document>".getBytes(StandardCharsets.UTF_8));
            } else {
                zip.write(content);
            }
        });
    }

    /** The workbook with its sheet replaced by one of {@code rows} rows, the XML of row r (from 1) by {@code row}. */
    private static byte[] withRows(byte[] workbook, int rows, IntFunction<String> row) throws Exception {
        return rewrite(workbook, (name, content, zip) -> {
            zip.putNextEntry(new ZipEntry(name));
            if (!name.equals("xl/worksheets/sheet1.xml")) {
                zip.write(content);
                return;
            }
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org"
                    + "/spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            for (int r = 1; r <= rows; r++) {
                zip.write(row.apply(r).getBytes(StandardCharsets.UTF_8));
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A workbook of {@code count} sheets named 项目1, 项目2, … of {@code rows} × {@code columns} digits each. */
    private static byte[] sheets(Workbook workbook, int count, int rows, int columns) throws Exception {
        Random digits = new Random(11);
        try (workbook) {
            for (int s = 1; s <= count; s++) {
                Sheet sheet = workbook.createSheet("项目" + s);
                for (int r = 0; r < rows; r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < columns; c++) {
                        row.createCell(c).setCellValue(digits.nextInt(10));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            if (workbook instanceof SXSSFWorkbook streaming) {
                streaming.dispose();
            }
            return out.toByteArray();
        }
    }

    /** A workbook of one sheet named 项目1 whose only row is the one of index {@code row}, holding 项目名称. */
    private static byte[] oneRowAt(Workbook workbook, int row) throws Exception {
        try (workbook) {
            workbook.createSheet("项目1").createRow(row).createCell(0).setCellValue("项目名称");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] withDoctype(byte[] docx) throws Exception {
        return rewrite(docx, (name, content, zip) -> {
            zip.putNextEntry(new ZipEntry(name));
            if (name.equals("word/document.xml")) {
                String xml = new String(content, StandardCharsets.UTF_8);
                int root = xml.indexOf("<w:document");
                xml = xml.substring(0, root) + "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + xml.substring(root);
                zip.write(xml.getBytes(StandardCharsets.UTF_8));
            } else {
                zip.write(content);
            }
        });
    }

    /** The workbook with a VBA project part, as Excel saves a .xlsm. */
    private static byte[] withMacros(byte[] workbook) throws Exception {
        return rewrite(workbook, (name, content, zip) -> {
            zip.putNextEntry(new ZipEntry(name));
            if (name.equals("[Content_Types].xml")) {
                String types = new String(content, StandardCharsets.UTF_8).replace("</Types>",
                        "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>");
                zip.write(types.getBytes(StandardCharsets.UTF_8));
            } else {
                zip.write(content);
            }
            if (name.equals("xl/workbook.xml")) {
                zip.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
                zip.write("Sub AutoOpen(): Shell \"calc\": End Sub".getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    private static byte[] encrypted(byte[] workbook) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(workbook));
                 OutputStream out = encryptor.getDataStream(fs)) {
                pkg.save(out);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        }
    }

    private static byte[] passwordProtectedXls() throws Exception {
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try {
            return OfficeForms.workbook(new HSSFWorkbook(), Map.of("项目1", OfficeForms.seedForm("办公经费")), 0, 0);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    private interface EntryWriter {
        void write(String name, byte[] content, ZipOutputStream zip) throws Exception;
    }

    private static byte[] rewrite(byte[] archive, EntryWriter writer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                writer.write(entry.getName(), in.readAllBytes(), zip);
            }
        }
        return out.toByteArray();
    }
}
