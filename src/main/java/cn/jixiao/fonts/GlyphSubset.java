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
        // One pass over the bytes, growing the answer as glyphs appear: the map is as long as the highest CID (about
        // 60 KB for Noto Serif SC) and is read for every form of a combined PDF, where two passes through a
        // ByteBuffer were 7% of a batch's CPU.
        int[] original = {0};
        int highest = 0;
        for (int at = 2; at + 1 < cidToGidMap.length; at += 2) {
            int glyph = (cidToGidMap[at] & 0xFF) << 8 | cidToGidMap[at + 1] & 0xFF;
            if (glyph != 0) {
                if (glyph >= original.length) {
                    int length = original.length;
                    original = Arrays.copyOf(original, Math.max(glyph + 1, 2 * length));
                    Arrays.fill(original, length, original.length, -1);
                }
                original[glyph] = at / 2;
                highest = Math.max(highest, glyph);
            }
        }
        return Arrays.copyOf(original, highest + 1);
    }
}
