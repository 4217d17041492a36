package cn.jixiao.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a zip archive so that the same content gives the same bytes: every entry dated 1980-01-01 00:00 (as Word
 * dates its entries; POI stamps the current time), no extra fields, one compression level, entries in their order.
 */
public final class ReproducibleZip {

    /** The time of every entry. */
    public static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private ReproducibleZip() {
    }

    public static void rewrite(byte[] zip, OutputStream out) throws IOException {
        ZipOutputStream rewritten = new ZipOutputStream(out);
        rewritten.setLevel(Deflater.DEFAULT_COMPRESSION);
        try (ZipInputStream original = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = original.getNextEntry(); entry != null; entry = original.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ENTRY_TIME);
                rewritten.putNextEntry(copy);
                original.transferTo(rewritten);
                rewritten.closeEntry();
            }
        }
        rewritten.finish(); // ends the archive; the caller's stream stays open
    }
}
