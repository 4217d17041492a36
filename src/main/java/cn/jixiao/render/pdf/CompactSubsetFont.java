package cn.jixiao.render.pdf;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.GlyphSubset;
import cn.jixiao.fonts.TrueTypeSubsetter;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.OwnSubsetTrueTypeFont;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * A font OpenPDF draws text with as it always does, but embeds as a compact subset: only the glyphs the document
 * drew (and .notdef), renumbered by {@link TrueTypeSubsetter#subsetGlyphs}, with a {@code /CIDToGIDMap} from the
 * full font's glyph numbers, which the pages' content draws with, to the subset's. A one-page form's font program is
 * a few hundred glyphs instead of Noto Serif SC's 30,595 slots.
 *
 * <p>Why here and not in a pass over the finished PDF: OpenPDF's own subset ({@code TrueTypeFontSubSet}) copies the
 * font's whole glyph index and metrics table and checksums them, for each font of each PDF, however few glyphs it
 * keeps (8% of a batch's CPU); a pass after it (as {@code FontProgramTrimmer} was) pays that and then parses and
 * rewrites the PDF again. Writing the subset in OpenPDF's place costs one small class in OpenPDF's package
 * ({@link OwnSubsetTrueTypeFont}, as its font embedding is package-private) and the font's dictionaries
 * ({@link SubsetFontObjects}, shared with the combined PDF), and nothing runs over all the font's glyphs.
 */
final class CompactSubsetFont extends OwnSubsetTrueTypeFont {

    private final transient TrueTypeSubsetter subsetter;
    /**
     * The glyphs of the subset this font wrote last, and its objects. A run's forms draw their labels and headings in
     * bold, the same glyphs in every form, so the bold font's subset is the same form after form; written again from
     * here, it is neither subset nor deflated again: a few tenths of a millisecond of a form's font writing, which took
     * 4-5 ms at zlib's default level, mostly deflating the regular font's subset
     * (bench/results/2026-12-01-s6-export.txt). One subset, not a map of them: a form's own words (the regular font)
     * seldom repeat in a real batch, and the bytes written are the same either way.
     */
    private transient volatile WrittenSubset last;

    private record WrittenSubset(int[][] glyphs, SubsetFontObjects.Prepared objects) {
    }

    /**
     * Reads the font for OpenPDF.
     *
     * @param subsetter the same font file's, {@link TrueTypeSubsetter#open}ed
     */
    CompactSubsetFont(Path file, TrueTypeSubsetter subsetter) throws DocumentException, IOException {
        super(file);
        this.subsetter = subsetter;
    }

    @Override
    protected void writeSubset(PdfWriter writer, PdfIndirectReference font, int[][] glyphs) throws IOException {
        WrittenSubset written = last;
        if (written == null || !Arrays.deepEquals(written.glyphs(), glyphs)) {
            written = new WrittenSubset(glyphs, prepare(glyphs));
            last = written;
        }
        written.objects().write(writer, font, getFontDescriptor(null, "", null));
    }

    /** The subset's objects; glyphs as {@link OwnSubsetTrueTypeFont#writeSubset}'s. */
    private SubsetFontObjects.Prepared prepare(int[][] glyphs) throws IOException {
        BitSet drawn = new BitSet();
        SortedMap<Integer, Integer> widths = new TreeMap<>();
        SortedMap<Integer, String> texts = new TreeMap<>();
        for (int[] glyph : glyphs) {
            drawn.set(glyph[0]);
            widths.put(glyph[0], glyph[1]);
            if (glyph.length > 2) { // OpenPDF keeps no character for a glyph drawn from a GlyphVector
                texts.put(glyph[0], SubsetFontObjects.utf16Hex(glyph[2]));
            }
        }
        GlyphSubset subset;
        try {
            subset = subsetter.subsetGlyphs(drawn);
        } catch (FontException e) {
            throw new IOException("cannot subset the font " + getPostscriptFontName() + ": " + e.getMessage(), e);
        }
        // zlib's fastest level rather than its default: a form's font streams then take 1.8 rather than 2.8 ms of
        // CPU (a tenth of a form's PDF export) and 1-2 KB more (2-4% of a one-page PDF). The combined PDF, where size
        // counts against upload limits, draws its pages with the fonts it shares, deflated at the default level
        // (bench/results/2026-12-01-s6-deflate.txt).
        return SubsetFontObjects.prepare(getPostscriptFontName(), subset, widths, texts, Deflater.BEST_SPEED);
    }
}
