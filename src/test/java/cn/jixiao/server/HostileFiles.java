package cn.jixiao.server;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;

/**
 * Uploads made to hurt: each is what its extension says and within the body limit, but costs far more to read than to
 * send. Made small by the tests, at 19 MB by the {@link HostileUploads} harness.
 */
final class HostileFiles {

    /** Writes a hostile file. */
    @FunctionalInterface
    interface Maker {
        void make(OutputStream out) throws IOException;
    }

    private HostileFiles() {
    }

    static byte[] bytes(Maker maker) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            maker.make(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An .xlsx of about {@code fileBytes} whose sheets are XML that expands about 70 times (POI refuses more than
     * 100): as many sheets of {@code sheetMegabytes} as fit (at least one), listed in the workbook so that a reader
     * opens them. Under POI's part limit of 100 MB and its largest array of 64 MB, 60 MB sheets are the most it would
     * take into memory from a stream; 7 MB sheets pass every limit of POI's and the import's.
     */
    static void zipBomb(OutputStream file, long fileBytes, int sheetMegabytes) throws IOException {
        byte[] block = compressible(1 << 20, 80);
        long[] written = {0};
        OutputStream out = new FilterOutputStream(file) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                file.write(bytes, offset, length);
                written[0] += length;
            }
        };
        int count = (int) Math.max(1, fileBytes / (((long) sheetMegabytes << 20) / 70));
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            workbookParts(zip, count);
            for (int sheet = 1; sheet <= count; sheet++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheet + ".xml"));
                zip.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                        .getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < sheetMegabytes; i++) {
                    zip.write(block);
                }
                zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /**
     * An .xlsx of {@code sheets} sheets named 项目1, 项目2, … of {@code rows} × {@code columns} random digits each,
     * each cell written as briefly as Excel allows ({@code <c><v>7</v></c>}): 4,000 × 100 is 6 MB of XML in a file
     * of 330 KB, within the limits of XML parts, inflation, rows and columns.
     */
    static void wideSheets(OutputStream out, int sheets, int rows, int columns) throws IOException {
        Random random = new Random(3);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            workbookParts(zip, sheets);
            for (int sheet = 1; sheet <= sheets; sheet++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheet + ".xml"));
                zip.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                        + "<sheetData>").getBytes(StandardCharsets.UTF_8));
                StringBuilder row = new StringBuilder();
                for (int r = 0; r < rows; r++) {
                    row.setLength(0);
                    row.append("<row>");
                    for (int c = 0; c < columns; c++) {
                        row.append("<c><v>").append(random.nextInt(10)).append("</v></c>");
                    }
                    zip.write(row.append("</row>").toString().getBytes(StandardCharsets.US_ASCII));
                }
                zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /** The parts of a workbook of {@code count} sheets named 项目1, 项目2, …, all but the sheets themselves. */
    private static void workbookParts(ZipOutputStream zip, int count) throws IOException {
        StringBuilder types = new StringBuilder();
        StringBuilder sheets = new StringBuilder();
        StringBuilder relationships = new StringBuilder();
        for (int sheet = 1; sheet <= count; sheet++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(sheet).append(".xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            sheets.append("<sheet name=\"项目").append(sheet).append("\" sheetId=\"").append(sheet)
                    .append("\" r:id=\"rId").append(sheet).append("\"/>");
            relationships.append("<Relationship Id=\"rId").append(sheet).append("\" Type=\"http://schemas.openxml"
                    + "formats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(sheet).append(".xml\"/>");
        }
        entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://"
                + "schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType"
                + "=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                + "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" + types
                + "</Types>");
        entry(zip, "_rels/.rels", relationships("xl/workbook.xml"));
        entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas"
                + ".openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships\"><sheets>" + sheets + "</sheets></workbook>");
        entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + relationships
                + "</Relationships>");
    }

    /** A .docx of {@code entries} parts of random letters, together about {@code fileBytes}. */
    static void manyEntries(OutputStream out, int entries, long fileBytes) throws IOException {
        Random random = new Random(1);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType"
                    + "=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", relationships("word/document.xml"));
            entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://"
                    + "schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
            zip.setLevel(Deflater.NO_COMPRESSION);
            byte[] text = new byte[(int) Math.max(1, fileBytes / entries - 100)];
            for (int i = 0; i < entries; i++) {
                for (int j = 0; j < text.length; j++) {
                    text[j] = (byte) ('a' + random.nextInt(26));
                }
                zip.putNextEntry(new ZipEntry("word/media/part" + i + ".xml"));
                zip.write(text);
                zip.closeEntry();
            }
        }
    }

    /** An .xls (Excel 97–2003) of {@code sheets} sheets named 项目1, 项目2, … of {@code rows} × {@code columns} numbers. */
    static void manyCells(OutputStream out, int sheets, int rows, int columns) throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            for (int s = 1; s <= sheets; s++) {
                HSSFSheet sheet = workbook.createSheet("项目" + s);
                for (int r = 0; r < rows; r++) {
                    HSSFRow row = sheet.createRow(r);
                    for (int c = 0; c < columns; c++) {
                        row.createCell(c).setCellValue(r * columns + c + 0.5);
                    }
                }
            }
            workbook.write(out);
        }
    }

    /** A JSON array of about {@code bytes} of zeros: the most values a body of that size holds. */
    static void denseJson(OutputStream out, long bytes) throws IOException {
        byte[] zeros = new byte[1 << 16];
        for (int i = 0; i < zeros.length; i += 2) {
            zeros[i] = '0';
            zeros[i + 1] = ',';
        }
        out.write('[');
        for (long i = 0; i < bytes >> 16; i++) {
            out.write(zeros);
        }
        out.write('0');
        out.write(']');
    }

    /** Text of XML rows that deflates at most {@code ratio} times: repeated markup with a random digit now and then. */
    private static byte[] compressible(int size, double ratio) {
        Random random = new Random(7);
        byte[] best = null;
        double bestRatio = 0;
        byte[] row = "<row><c t=\"n\"><v>0</v></c></row>".getBytes(StandardCharsets.US_ASCII);
        for (int every = 8; every < 4000; every = every * 5 / 4 + 1) {
            byte[] block = new byte[size];
            for (int i = 0; i < size; i++) {
                block[i] = row[i % row.length];
            }
            for (int i = 17; i < size; i += every) {
                block[i - i % row.length + 17] = (byte) ('0' + random.nextInt(10));
            }
            Deflater deflater = new Deflater();
            deflater.setInput(block);
            deflater.finish();
            byte[] buffer = new byte[size];
            long compressed = 0;
            while (!deflater.finished()) {
                compressed += deflater.deflate(buffer);
            }
            deflater.end();
            double achieved = (double) size / compressed;
            if (achieved <= ratio && achieved > bestRatio) {
                best = block;
                bestRatio = achieved;
            }
        }
        return best;
    }

    private static String relationships(String target) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/officeDocument\" Target=\"" + target + "\"/></Relationships>";
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
