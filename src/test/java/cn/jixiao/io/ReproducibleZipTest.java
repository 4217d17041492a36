package cn.jixiao.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The same content gives the same archive, byte for byte, whenever and wherever it is written. */
class ReproducibleZipTest {

    private static final LocalDateTime DOS_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    @Test
    void entriesComeBackInOrderDated1980WithoutExtraFields() throws IOException {
        Deflater deflater = ReproducibleZip.deflater(Deflater.DEFAULT_COMPRESSION);
        byte[] types = bytes("<Types/>");
        byte[] document = bytes("<w:document>项目支出</w:document>");
        List<ReproducibleZip.Entry> entries = List.of(
                ReproducibleZip.deflate("[Content_Types].xml", types, types.length, deflater),
                ReproducibleZip.deflate("word/document.xml", document, document.length, deflater));
        deflater.end();
        ClosingWatched out = new ClosingWatched();
        ReproducibleZip.write(entries, out);

        assertFalse(out.closed, "the caller's stream was closed");
        List<String> read = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                assertEquals(DOS_EPOCH, entry.getTimeLocal(), entry.getName());
                assertNull(entry.getExtra(), entry.getName());
                read.add(entry.getName() + "=" + new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("[Content_Types].xml=<Types/>", "word/document.xml=<w:document>项目支出</w:document>"),
                read);
    }

    @Test
    void aWorkbookWrittenAtTwoTimesIsRewrittenToTheSameBytes() throws IOException {
        byte[] morning = archive(LocalDateTime.of(2024, 3, 15, 9, 0));
        byte[] evening = archive(LocalDateTime.of(2024, 3, 15, 18, 30));

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ReproducibleZip.rewrite(morning, first);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        ReproducibleZip.rewrite(evening, second);

        assertArrayEquals(first.toByteArray(), second.toByteArray());
    }

    /** An archive as POI writes one: entries stamped with the time of writing. */
    private static byte[] archive(LocalDateTime time) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml")) {
                ZipEntry entry = new ZipEntry(name);
                entry.setTimeLocal(time);
                zip.putNextEntry(entry);
                zip.write(bytes("<" + name + "/>"));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class ClosingWatched extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
