package cn.jixiao.fonts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hand-built four-glyph TrueType font for subsetter tests, written independently of the subsetter: glyph 0
 * .notdef (empty), glyph 1 a triangle mapped from {@code C}, glyph 2 a square mapped from {@code A}, glyph 3 a
 * composite mapped from {@code B} that draws glyph 2 shifted right by {@value #SHIFT} units.
 */
final class TinyTrueType {

    static final String FAMILY = "Tiny Test";
    static final int SHIFT = 50;

    private TinyTrueType() {
    }

    static byte[] font() {
        byte[] triangle = simpleGlyph(new int[][] {{100, 0}, {300, 600}, {500, 0}});
        byte[] square = simpleGlyph(new int[][] {{100, 0}, {100, 500}, {500, 500}, {500, 0}});
        ByteBuffer composite = ByteBuffer.allocate(20);
        composite.putShort((short) -1).putShort((short) 150).putShort((short) 0).putShort((short) 550)
                .putShort((short) 500);
        composite.putShort((short) 0x0003); // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, no more components
        composite.putShort((short) 2).putShort((short) SHIFT).putShort((short) 0);
        byte[][] glyphs = {new byte[0], triangle, square, composite.array()};

        ByteArrayOutputStream glyf = new ByteArrayOutputStream();
        ByteBuffer loca = ByteBuffer.allocate(4 * (glyphs.length + 1));
        for (byte[] glyph : glyphs) {
            loca.putInt(glyf.size());
            glyf.writeBytes(glyph);
        }
        loca.putInt(glyf.size());

        Map<String, byte[]> tables = new TreeMap<>();
        tables.put("glyf", glyf.toByteArray());
        tables.put("loca", loca.array());
        tables.put("head", head());
        tables.put("hhea", hhea(glyphs.length));
        tables.put("maxp", ByteBuffer.allocate(6).putInt(0x00005000).putShort((short) glyphs.length).array());
        tables.put("hmtx", ByteBuffer.allocate(16).putInt(600 << 16).putInt((600 << 16) | 100)
                .putInt((600 << 16) | 100).putInt((600 << 16) | 150).array());
        tables.put("cmap", cmap());
        tables.put("name", name());
        tables.put("post", ByteBuffer.allocate(32).putInt(0x00030000).array());
        tables.put("GSUB", new byte[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0});
        return assemble(tables);
    }

    /** One contour of on-curve points, coordinates as 16-bit deltas. */
    private static byte[] simpleGlyph(int[][] points) {
        ByteBuffer glyph = ByteBuffer.allocate(12 + points.length * 5 + 2);
        glyph.putShort((short) 1).putShort((short) 100).putShort((short) 0).putShort((short) 500)
                .putShort((short) 600);
        glyph.putShort((short) (points.length - 1)).putShort((short) 0);
        for (int i = 0; i < points.length; i++) {
            glyph.put((byte) 0x01);
        }
        for (int i = 0; i < points.length; i++) {
            glyph.putShort((short) (points[i][0] - (i == 0 ? 0 : points[i - 1][0])));
        }
        for (int i = 0; i < points.length; i++) {
            glyph.putShort((short) (points[i][1] - (i == 0 ? 0 : points[i - 1][1])));
        }
        return java.util.Arrays.copyOf(glyph.array(), glyph.position());
    }

    private static byte[] head() {
        ByteBuffer head = ByteBuffer.allocate(54);
        head.putInt(0x00010000).putInt(0x00010000).putInt(0).putInt(0x5F0F3CF5);
        head.putShort((short) 0).putShort((short) 1000); // flags, unitsPerEm
        head.putLong(0).putLong(0); // created, modified
        head.putShort((short) 0).putShort((short) 0).putShort((short) 600).putShort((short) 600);
        head.putShort((short) 0).putShort((short) 8).putShort((short) 2);
        head.putShort((short) 1).putShort((short) 0); // indexToLocFormat long, glyphDataFormat
        return head.array();
    }

    private static byte[] hhea(int metrics) {
        ByteBuffer hhea = ByteBuffer.allocate(36);
        hhea.putInt(0x00010000).putShort((short) 800).putShort((short) -200).putShort((short) 0);
        hhea.putShort((short) 600).putShort((short) 0).putShort((short) 0).putShort((short) 600);
        hhea.putShort((short) 1).putShort((short) 0).putShort((short) 0);
        hhea.position(34);
        hhea.putShort((short) metrics);
        return hhea.array();
    }

    /** Format 4, one segment per character plus the closing 0xFFFF segment. */
    private static byte[] cmap() {
        int[][] segments = {{'A', 2}, {'B', 3}, {'C', 1}, {0xFFFF, 0}};
        ByteBuffer table = ByteBuffer.allocate(12 + 16 + 8 * segments.length);
        table.putShort((short) 0).putShort((short) 1).putShort((short) 3).putShort((short) 1).putInt(12);
        table.putShort((short) 4).putShort((short) (16 + 8 * segments.length)).putShort((short) 0);
        table.putShort((short) 8).putShort((short) 8).putShort((short) 2).putShort((short) 0);
        for (int[] segment : segments) {
            table.putShort((short) segment[0]);
        }
        table.putShort((short) 0);
        for (int[] segment : segments) {
            table.putShort((short) segment[0]);
        }
        for (int[] segment : segments) {
            table.putShort((short) (segment[1] - segment[0]));
        }
        for (int[] ignored : segments) {
            table.putShort((short) 0);
        }
        return table.array();
    }

    private static byte[] name() {
        Map<Integer, String> names = new LinkedHashMap<>();
        names.put(1, FAMILY);
        names.put(2, "Regular");
        names.put(4, FAMILY);
        names.put(6, "TinyTest-Regular");
        names.put(9, "a designer, a record the subset drops");
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(6 + 12 * names.size());
        header.putShort((short) 0).putShort((short) names.size()).putShort((short) (6 + 12 * names.size()));
        names.forEach((id, text) -> {
            byte[] utf16 = text.getBytes(StandardCharsets.UTF_16BE);
            header.putShort((short) 3).putShort((short) 1).putShort((short) 0x409).putShort(id.shortValue())
                    .putShort((short) utf16.length).putShort((short) strings.size());
            strings.writeBytes(utf16);
        });
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        name.writeBytes(header.array());
        name.writeBytes(strings.toByteArray());
        return name.toByteArray();
    }

    private static byte[] assemble(Map<String, byte[]> tables) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer directory = ByteBuffer.allocate(12 + 16 * tables.size());
        directory.putInt(0x00010000).putShort((short) tables.size()).putShort((short) 128).putShort((short) 3)
                .putShort((short) (16 * tables.size() - 128));
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            directory.put(table.getKey().getBytes(StandardCharsets.ISO_8859_1)).putInt(0)
                    .putInt(directory.capacity() + body.size()).putInt(table.getValue().length);
            body.writeBytes(table.getValue());
            body.writeBytes(new byte[(4 - table.getValue().length % 4) % 4]);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(directory.array());
        file.writeBytes(body.toByteArray());
        return file.toByteArray();
    }
}
