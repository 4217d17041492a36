package cn.jixiao.render.docx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip archive whose bytes depend on its content only: every entry deflated and dated 1980-01-01 00:00 (as
 * Word dates its entries), no extra fields, no data descriptors, entries in the order given.
 *
 * <p>Entries are compressed before the archive is written, so that the parts every document shares are compressed
 * once per template rather than once per document.
 */
final class DocxArchive {

    /** Compression of XML parts: they shrink to a few percent. */
    static final int XML_LEVEL = Deflater.DEFAULT_COMPRESSION;
    /** Compression of font parts: glyph outlines shrink by a third at any level, the fastest takes half the time. */
    static final int FONT_LEVEL = Deflater.BEST_SPEED;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final short VERSION = 20; // 2.0: deflate
    private static final short UTF8_NAME = 0x0800;
    private static final short DEFLATED = 8;
    private static final short DOS_TIME = 0; // 00:00:00
    private static final short DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01

    /** A compressed entry, ready to be written into any number of archives. */
    record Entry(String name, int crc, int size, byte[] compressed) {
    }

    private DocxArchive() {
    }

    /** The entry of this content, compressed at the deflater's level; the deflater is reset first. */
    static Entry deflate(String name, byte[] content, int length, Deflater deflater) {
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
        return new Entry(name, (int) crc.getValue(), length, Arrays.copyOf(compressed, size));
    }

    /** A deflater for {@link #deflate}: raw deflate (zip entries have no zlib header). The caller ends it. */
    static Deflater deflater(int level) {
        return new Deflater(level, true);
    }

    /** Writes the archive; the stream stays open. */
    static void write(List<Entry> entries, OutputStream out) throws IOException {
        byte[][] names = new byte[entries.size()][];
        int[] offsets = new int[entries.size()];
        int offset = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            names[i] = entry.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer header = header(30 + names[i].length);
            header.putInt(LOCAL_HEADER).putShort(VERSION);
            common(header, entry, names[i]);
            header.put(names[i]);
            out.write(header.array());
            out.write(entry.compressed());
            offsets[i] = offset;
            offset += header.capacity() + entry.compressed().length;
        }
        int directory = offset;
        for (int i = 0; i < entries.size(); i++) {
            ByteBuffer header = header(46 + names[i].length);
            header.putInt(CENTRAL_HEADER).putShort(VERSION).putShort(VERSION);
            common(header, entries.get(i), names[i]);
            header.putShort((short) 0); // comment length
            header.putShort((short) 0); // disk number
            header.putShort((short) 0); // internal attributes
            header.putInt(0); // external attributes
            header.putInt(offsets[i]);
            header.put(names[i]);
            out.write(header.array());
            offset += header.capacity();
        }
        ByteBuffer end = header(22);
        end.putInt(END_OF_CENTRAL_DIRECTORY).putShort((short) 0).putShort((short) 0);
        end.putShort((short) entries.size()).putShort((short) entries.size());
        end.putInt(offset - directory).putInt(directory).putShort((short) 0);
        out.write(end.array());
    }

    /** The fields local and central headers share, from the flags to the extra field length. */
    private static void common(ByteBuffer header, Entry entry, byte[] name) {
        boolean ascii = name.length == entry.name().length();
        header.putShort(ascii ? 0 : UTF8_NAME).putShort(DEFLATED).putShort(DOS_TIME).putShort(DOS_DATE);
        header.putInt(entry.crc()).putInt(entry.compressed().length).putInt(entry.size());
        header.putShort((short) name.length).putShort((short) 0);
    }

    private static ByteBuffer header(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
