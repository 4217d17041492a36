package cn.jixiao.fonts;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A TrueType subset whose glyphs are renumbered compactly, and the glyph of the full font each one is.
 *
 * @param font           the subset's font program
 * @param originalGlyphs for each glyph of the subset, by its new number, its number in the full font; ascending
 */
public record GlyphSubset(byte[] font, int[] originalGlyphs) {

    /**
     * The PDF {@code /CIDToGIDMap} stream's data for text drawn with the full font's glyph numbers as CIDs (as OpenPDF
     * draws {@code Identity-H} text): two bytes, big-endian, per CID up to the highest kept, giving the glyph of the
     * subset; 0 (.notdef) for glyphs not kept.
     */
    public byte[] cidToGidMap() {
        ByteBuffer map = ByteBuffer.allocate(2 * (originalGlyphs[originalGlyphs.length - 1] + 1));
        for (int glyph = 0; glyph < originalGlyphs.length; glyph++) {
            map.putShort(2 * originalGlyphs[glyph], (short) glyph);
        }
        return map.array();
    }

    /**
     * The original glyph of each glyph of a subset, by its new number, read back from its {@link #cidToGidMap}: an
     * array as long as the highest glyph mapped, -1 for a glyph no CID maps to (0, .notdef, is CID 0).
     */
    public static int[] originalGlyphs(byte[] cidToGidMap) {
        ByteBuffer map = ByteBuffer.wrap(cidToGidMap);
        int highest = 0;
        for (int cid = 1; cid < cidToGidMap.length / 2; cid++) {
            highest = Math.max(highest, Short.toUnsignedInt(map.getShort(2 * cid)));
        }
        int[] original = new int[highest + 1];
        Arrays.fill(original, -1);
        original[0] = 0;
        for (int cid = 1; cid < cidToGidMap.length / 2; cid++) {
            int glyph = Short.toUnsignedInt(map.getShort(2 * cid));
            if (glyph != 0) {
                original[glyph] = cid;
            }
        }
        return original;
    }
}
