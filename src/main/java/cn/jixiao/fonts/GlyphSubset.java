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

    /** Zeros to compare a {@code /CIDToGIDMap} with, a run at a time ({@link #originalGlyphs(byte[])}). */
    private static final byte[] ZEROS = new byte[4096];

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
        // Read for every font of every form of a combined PDF. The map is as long as the highest CID (about 60 KB for
        // Noto Serif SC) and mostly zeros, a few hundred glyphs kept: Arrays.mismatch against zeros skips them eight
        // bytes at a time, where a loop over every entry was a third of the combined PDF's CPU. One pass, growing
        // the answer as glyphs appear.
        int[] original = {0};
        int highest = 0;
        int end = cidToGidMap.length & ~1;
        int at = 2;
        while (at < end) {
            int run = Math.min(ZEROS.length, end - at);
            int nonZero = Arrays.mismatch(cidToGidMap, at, at + run, ZEROS, 0, run);
            if (nonZero < 0) {
                at += run;
                continue;
            }
            at = (at + nonZero) & ~1;
            int glyph = (cidToGidMap[at] & 0xFF) << 8 | cidToGidMap[at + 1] & 0xFF;
            if (glyph >= original.length) {
                int length = original.length;
                original = Arrays.copyOf(original, Math.max(glyph + 1, 2 * length));
                Arrays.fill(original, length, original.length, -1);
            }
            original[glyph] = at / 2;
            highest = Math.max(highest, glyph);
            at += 2;
        }
        return Arrays.copyOf(original, highest + 1);
    }
}
