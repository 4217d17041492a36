package cn.jixiao.io;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipUtil;

/**
 * The one zip writer of the DOCX and XLSX files: Commons Compress writes archives whose bytes depend on their content
 * only: every entry deflated and dated 1980-01-01 00:00 (as Word dates its entries; POI stamps the current time), no
 * extra fields, no data descriptors, entries in the order given.
 *
 * <p>Entries are compressed before the archive is written ({@link #deflate}), so that what many documents share is
 * compressed once and copied into each.
 */
public final class ReproducibleZip {

    /** 1980-01-01 00:00 in MS-DOS date and time fields: the earliest a zip entry can carry. */
    private static final long DOS_EPOCH = (1L << 21) | (1L << 16);

    /** A compressed entry, ready to be written into any number of archives. */
    public record Entry(String name, long crc, long size, byte[] compressed) {
    }

    private ReproducibleZip() {
    }

    /** A deflater for {@link #deflate}: raw deflate (zip entries have no zlib header). The caller ends it. */
    public static Deflater deflater(int level) {
        return new Deflater(level, true);
    }

    /** The entry of this content, compressed at the deflater's level; the deflater is reset first. */
    public static Entry deflate(String name, byte[] content, int length, Deflater deflater) {
        CRC32 crc = new CRC32();
        crc.update(content, 0, length);
        deflater.reset();
        deflater.setInput(content, 0, length);
        deflater.finish();
        byte[] compressed = new byte[Math.max(64, length / 4)];
        int size = 0;
        while (!deflater.finished()) {
            if (size == compressed.length) {
                compressed = Arrays.copyOf(compressed, 2 * compressed.length);
            }
            size += deflater.deflate(compressed, size, compressed.length - size);
        }
        return new Entry(name, crc.getValue(), length, Arrays.copyOf(compressed, size));
    }

    /** Writes the archive; the stream stays open. */
    public static void write(List<Entry> entries, OutputStream out) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(new KeptOpen(out))) {
            zip.setUseZip64(Zip64Mode.Never);
            for (Entry entry : entries) {
                ZipArchiveEntry header = new ZipArchiveEntry(entry.name());
                header.setMethod(ZipEntry.DEFLATED);
                header.setCrc(entry.crc());
                header.setSize(entry.size());
                header.setCompressedSize(entry.compressed().length);
                header.setTime(ZipUtil.dosToJavaTime(DOS_EPOCH));
                zip.addRawArchiveEntry(header, new ByteArrayInputStream(entry.compressed()));
            }
        }
    }

    /**
     * An archive written entry by entry to the stream, which stays open: for archives too large to hold in memory (a
     * batch's files). Entries are dated like the others; their sizes follow them (data descriptors), as a stream
     * cannot be rewound.
     */
    public static Writer writer(OutputStream out) {
        return new Writer(out);
    }

    /** See {@link #writer}. Used from one thread. */
    public static final class Writer {
        private final ZipArchiveOutputStream zip;

        private Writer(OutputStream out) {
            zip = new ZipArchiveOutputStream(new KeptOpen(out));
            zip.setUseZip64(Zip64Mode.AsNeeded);
        }

        /** Adds an entry, compressed as it is written. */
        public void add(String name, AtomicFiles.Content content) throws IOException {
            ZipArchiveEntry header = new ZipArchiveEntry(name);
            header.setMethod(ZipEntry.DEFLATED);
            header.setTime(ZipUtil.dosToJavaTime(DOS_EPOCH));
            zip.putArchiveEntry(header);
            content.writeTo(zip);
            zip.closeArchiveEntry();
        }

        /** Writes the archive's directory; the stream stays open. */
        public void finish() throws IOException {
            zip.finish();
            zip.close();
        }
    }

    /** Writes the archive {@code zip} (POI's workbook) again, reproducibly; the stream stays open. */
    public static void rewrite(byte[] zip, OutputStream out) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Deflater deflater = deflater(Deflater.DEFAULT_COMPRESSION);
        try (ZipInputStream original = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = original.getNextEntry(); entry != null; entry = original.getNextEntry()) {
                byte[] content = original.readAllBytes();
                entries.add(deflate(entry.getName(), content, content.length, deflater));
            }
        } finally {
            deflater.end();
        }
        write(entries, out);
    }

    /** The caller's stream, which closing the archive leaves open. */
    private static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
