package cn.jixiao.fonts;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One font program that holds the glyphs of several compact subsets of the same TrueType font
 * ({@link TrueTypeSubsetter#subsetGlyphs}), for a PDF whose pages share it. Each subset comes with the full font's
 * number of each of its glyphs, and the union is compact too: the glyphs of every subset, each once, renumbered in
 * the order of the full font's numbers, with the full font's number of each ({@link GlyphSubset}), so that pages
 * drawn with any of the subsets draw the same with the union.
 *
 * <p>The union takes the tables that do not hold glyphs from the first subset, and from every subset the outline
 * ({@code glyf}, composite references renumbered) and metrics ({@code hmtx}) of each glyph not held yet. Memory grows
 * with the distinct glyphs used, not with the number of subsets added.
 */
public final class TrueTypeGlyphUnion {

    private static final int HEAD_INDEX_TO_LOC_FORMAT = 50;
    private static final int HHEA_NUMBER_OF_H_METRICS = 34;
    private static final int MAXP_NUM_GLYPHS = 4;
    /** The tables rebuilt from the glyphs; every other table is the same in every subset of a font. */
    private static final Set<String> GLYPH_TABLES = Set.of("glyf", "loca", "hmtx", "hhea", "maxp", "head");

    /** The first subset's tables, by tag. */
    private Map<String, byte[]> tables;
    /** Each glyph held, by its number in the full font. */
    private final TreeMap<Integer, Glyph> glyphs = new TreeMap<>();

    /** A glyph's outline, its composite references in the full font's numbers, and its metrics. */
    private record Glyph(byte[] outline, int metrics) {
    }

    /**
     * Adds the glyphs of a subset that this union does not hold yet.
     *
     * @param originalGlyphs the full font's number of each glyph of the subset, by its number in the subset
     * @throws FontException when the subset is not a TrueType program of the same font as the ones added before, or
     *                       its glyphs and their numbers do not match
     */
    public void add(byte[] subset, int[] originalGlyphs) throws FontException {
        try {
            Map<String, byte[]> subsetTables = tables(subset);
            for (String tag : GLYPH_TABLES) {
                if (!subsetTables.containsKey(tag)) {
                    throw new FontException("the font program has no " + tag + " table");
                }
            }
            if (tables == null) {
                tables = subsetTables;
            } else {
                for (Map.Entry<String, byte[]> table : subsetTables.entrySet()) {
                    if (!GLYPH_TABLES.contains(table.getKey())
                            && !Arrays.equals(table.getValue(), tables.get(table.getKey()))) {
                        throw new FontException("the font programs are subsets of different fonts");
                    }
                }
            }
            ByteBuffer loca = ByteBuffer.wrap(subsetTables.get("loca"));
            byte[] glyf = subsetTables.get("glyf");
            ByteBuffer hmtx = ByteBuffer.wrap(subsetTables.get("hmtx"));
            boolean longOffsets = ByteBuffer.wrap(subsetTables.get("head")).getShort(HEAD_INDEX_TO_LOC_FORMAT) != 0;
            int count = Short.toUnsignedInt(ByteBuffer.wrap(subsetTables.get("maxp")).getShort(MAXP_NUM_GLYPHS));
            int metrics = Short.toUnsignedInt(
                    ByteBuffer.wrap(subsetTables.get("hhea")).getShort(HHEA_NUMBER_OF_H_METRICS));
            if (originalGlyphs.length != count || Arrays.stream(originalGlyphs).anyMatch(glyph -> glyph < 0)) {
                throw new FontException("the font program has " + count + " glyphs, but "
                        + Arrays.stream(originalGlyphs).filter(glyph -> glyph >= 0).count() + " are numbered");
            }
            for (int glyph = 0; glyph < count; glyph++) {
                if (glyphs.containsKey(originalGlyphs[glyph])) {
                    continue;
                }
                int from = longOffsets ? loca.getInt(4 * glyph) : 2 * Short.toUnsignedInt(loca.getShort(2 * glyph));
                int to = longOffsets ? loca.getInt(4 * glyph + 4)
                        : 2 * Short.toUnsignedInt(loca.getShort(2 * glyph + 2));
                byte[] outline = Arrays.copyOfRange(glyf, from, Math.max(from, to));
                TrueTypeSubsetter.renumberComponents(outline, 0, outline.length, local -> originalGlyphs[local]);
                int advance = Short.toUnsignedInt(hmtx.getShort(4 * Math.min(glyph, metrics - 1)));
                int leftSideBearing = Short.toUnsignedInt(glyph < metrics ? hmtx.getShort(4 * glyph + 2)
                        : hmtx.getShort(4 * metrics + 2 * (glyph - metrics)));
                glyphs.put(originalGlyphs[glyph], new Glyph(outline, advance << 16 | leftSideBearing));
            }
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw new FontException("the font program is damaged: " + e.getMessage());
        }
    }

    /**
     * Whether the union holds every glyph of a subset already, so that adding it would change nothing: its font
     * program need not even be read. A subset with an unnumbered glyph (-1) is never held.
     *
     * @param originalGlyphs the full font's number of each glyph of the subset, as for {@link #add}
     */
    public boolean holdsAll(int[] originalGlyphs) {
        if (tables == null) {
            return false;
        }
        for (int glyph : originalGlyphs) {
            if (!glyphs.containsKey(glyph)) {
                return false;
            }
        }
        return true;
    }

    /** The font program: every glyph added, renumbered; and the full font's number of each. */
    public GlyphSubset font() {
        if (tables == null) {
            throw new IllegalStateException("no subset added");
        }
        int[] originalGlyphs = glyphs.keySet().stream().mapToInt(Integer::intValue).toArray();
        int length = glyphs.values().stream()
                .mapToInt(glyph -> glyph.outline().length + TrueTypeSubsetter.padding(glyph.outline().length)).sum();
        ByteBuffer glyf = ByteBuffer.allocate(length);
        ByteBuffer loca = ByteBuffer.allocate(4 * (originalGlyphs.length + 1));
        ByteBuffer hmtx = ByteBuffer.allocate(4 * originalGlyphs.length);
        for (Glyph glyph : glyphs.values()) {
            loca.putInt(glyf.position());
            byte[] outline = glyph.outline().clone();
            TrueTypeSubsetter.renumberComponents(outline, 0, outline.length,
                    original -> Arrays.binarySearch(originalGlyphs, original));
            glyf.put(outline);
            glyf.position(glyf.position() + TrueTypeSubsetter.padding(outline.length));
            hmtx.putInt(glyph.metrics());
        }
        loca.putInt(glyf.position());
        Map<String, byte[]> font = new TreeMap<>(tables);
        font.put("head", TrueTypeSubsetter.head(tables.get("head").clone()));
        font.put("loca", loca.array());
        font.put("glyf", glyf.array());
        font.put("hmtx", hmtx.array());
        int count = originalGlyphs.length;
        font.put("hhea", TrueTypeSubsetter.withShort(tables.get("hhea"), HHEA_NUMBER_OF_H_METRICS, count));
        font.put("maxp", TrueTypeSubsetter.withShort(tables.get("maxp"), MAXP_NUM_GLYPHS, count));
        return new GlyphSubset(TrueTypeSubsetter.assemble(font), originalGlyphs);
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
