package cn.jixiao.fonts;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One font program that holds the glyphs of several subsets of the same TrueType font, for a PDF whose pages share
 * it. The subsets must keep the font's own glyph numbers (as OpenPDF's subsets for {@code Identity-H} fonts do: every
 * glyph not used is left empty), so the pages that drew with any of them draw the same with the union.
 *
 * <p>The union takes every table of the first subset, and from every subset the outline ({@code glyf}) and metrics
 * ({@code hmtx}) of each glyph it holds; {@code loca} is rebuilt with long offsets. Memory grows with the distinct
 * glyphs used, not with the number of subsets added.
 */
public final class TrueTypeGlyphUnion {

    private static final int HEAD_INDEX_TO_LOC_FORMAT = 50;
    private static final int HHEA_NUMBER_OF_H_METRICS = 34;
    private static final int MAXP_NUM_GLYPHS = 4;

    /** The first subset's tables other than glyf and loca, by tag. */
    private Map<String, byte[]> tables;
    private int glyphCount;
    private int horizontalMetricCount;
    /** Outline of each glyph held, by glyph number. */
    private final TreeMap<Integer, byte[]> outlines = new TreeMap<>();

    /**
     * Adds the glyphs of a subset that this union does not hold yet.
     *
     * @throws FontException when the subset is not a TrueType program of the same font as the ones added before
     */
    public void add(byte[] subset) throws FontException {
        try {
            Map<String, byte[]> subsetTables = tables(subset);
            for (String tag : new String[] {"head", "hhea", "maxp", "hmtx", "loca", "glyf"}) {
                if (!subsetTables.containsKey(tag)) {
                    throw new FontException("the font program has no " + tag + " table");
                }
            }
            ByteBuffer head = ByteBuffer.wrap(subsetTables.get("head"));
            ByteBuffer loca = ByteBuffer.wrap(subsetTables.get("loca"));
            byte[] glyf = subsetTables.get("glyf");
            ByteBuffer hmtx = ByteBuffer.wrap(subsetTables.get("hmtx"));
            int glyphs = Short.toUnsignedInt(ByteBuffer.wrap(subsetTables.get("maxp")).getShort(MAXP_NUM_GLYPHS));
            int metrics = Short.toUnsignedInt(ByteBuffer.wrap(subsetTables.get("hhea")).getShort(HHEA_NUMBER_OF_H_METRICS));
            if (tables == null) {
                tables = new TreeMap<>(subsetTables);
                tables.remove("glyf");
                tables.remove("loca");
                tables.put("hmtx", tables.get("hmtx").clone());
                glyphCount = glyphs;
                horizontalMetricCount = metrics;
            } else if (glyphs != glyphCount || metrics != horizontalMetricCount) {
                throw new FontException("the font programs are subsets of different fonts");
            }
            boolean longOffsets = head.getShort(HEAD_INDEX_TO_LOC_FORMAT) != 0;
            ByteBuffer unionMetrics = ByteBuffer.wrap(tables.get("hmtx"));
            for (int glyph = 0; glyph < glyphs; glyph++) {
                int from = longOffsets ? loca.getInt(4 * glyph) : 2 * Short.toUnsignedInt(loca.getShort(2 * glyph));
                int to = longOffsets ? loca.getInt(4 * glyph + 4)
                        : 2 * Short.toUnsignedInt(loca.getShort(2 * glyph + 2));
                if (to > from && !outlines.containsKey(glyph)) {
                    outlines.put(glyph, Arrays.copyOfRange(glyf, from, to));
                    if (glyph < metrics) {
                        unionMetrics.putInt(4 * glyph, hmtx.getInt(4 * glyph));
                    } else {
                        int lsb = 4 * metrics + 2 * (glyph - metrics);
                        unionMetrics.putShort(lsb, hmtx.getShort(lsb));
                    }
                }
            }
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw new FontException("the font program is damaged: " + e.getMessage());
        }
    }

    /** The glyph numbers held, ascending. */
    public int[] glyphs() {
        return outlines.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The font program: every glyph added, at its own number; the others empty. */
    public byte[] font() {
        if (tables == null) {
            throw new IllegalStateException("no subset added");
        }
        ByteBuffer loca = ByteBuffer.allocate(4 * (glyphCount + 1));
        int length = outlines.values().stream().mapToInt(outline -> outline.length + outline.length % 2).sum();
        ByteBuffer glyf = ByteBuffer.allocate(length);
        for (int glyph = 0; glyph < glyphCount; glyph++) {
            loca.putInt(glyf.position());
            byte[] outline = outlines.get(glyph);
            if (outline != null) {
                glyf.put(outline);
                glyf.position(glyf.position() + outline.length % 2);
            }
        }
        loca.putInt(glyf.position());
        Map<String, byte[]> font = new TreeMap<>(tables);
        font.put("head", TrueTypeSubsetter.head(tables.get("head").clone()));
        font.put("loca", loca.array());
        font.put("glyf", glyf.array());
        return TrueTypeSubsetter.assemble(font);
    }

    private static Map<String, byte[]> tables(byte[] font) {
        ByteBuffer file = ByteBuffer.wrap(font);
        int count = Short.toUnsignedInt(file.getShort(4));
        Map<String, byte[]> tables = new HashMap<>();
        for (int t = 0; t < count; t++) {
            int record = 12 + 16 * t;
            String tag = new String(font, record, 4, StandardCharsets.ISO_8859_1);
            int offset = file.getInt(record + 8);
            int length = file.getInt(record + 12);
            tables.put(tag, Arrays.copyOfRange(font, offset, offset + length));
        }
        return tables;
    }
}
