package com.lowagie.text.pdf;

import com.lowagie.text.DocumentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * OpenPDF's TrueType font for {@code Identity-H} text, whose embedded subset a subclass writes
 * ({@code cn.jixiao.render.pdf.CompactSubsetFont}). It is the one class jixiao keeps in OpenPDF's package, because the
 * font class OpenPDF draws text with ({@code TrueTypeFontUnicode}), its constructor, and the method that embeds it
 * ({@code writeFont}) are package-private: OpenPDF offers no public way to embed a font otherwise. It only hands the
 * glyphs a document drew to {@link #writeSubset}; everything else (reading the font, measuring and drawing text) is
 * OpenPDF's. A newer OpenPDF that renames any of this fails the build here, not a run.
 */
public abstract class OwnSubsetTrueTypeFont extends TrueTypeFontUnicode {

    private final String cacheKey;

    /** Reads the whole font file (a single TrueType font, not a collection) into memory. */
    protected OwnSubsetTrueTypeFont(Path file) throws DocumentException, IOException {
        super(file.toString(), IDENTITY_H, EMBEDDED, null, true);
        cacheKey = file + "\n" + IDENTITY_H + "\n" + EMBEDDED; // as BaseFont.createFont looks fonts up
    }

    /**
     * Puts this font in OpenPDF's cache, where {@code BaseFont.createFont(file, Identity-H, embedded)} finds it (so
     * JasperReports draws with it), unless a font is there already.
     *
     * @return the font the cache holds for the file
     */
    public final BaseFont cache() {
        BaseFont cached = fontCache.putIfAbsent(cacheKey, this);
        return cached == null ? this : cached;
    }

    /**
     * Writes the font's objects once the document is complete: the Type0 font at {@code font}, and whatever it refers
     * to.
     *
     * @param glyphs each glyph the document drew, ascending by glyph number: {glyph number, width in thousandths of
     *               an em, character (a code point)}; the content streams draw them by these glyph numbers
     */
    protected abstract void writeSubset(PdfWriter writer, PdfIndirectReference font, int[][] glyphs)
            throws DocumentException, IOException;

    @Override
    final void writeFont(PdfWriter writer, PdfIndirectReference ref, Object[] params)
            throws DocumentException, IOException {
        @SuppressWarnings("unchecked")
        Map<Integer, int[]> longTag = (Map<Integer, int[]>) params[0]; // see FontDetails.writeFont
        int[][] glyphs = longTag.values().toArray(new int[0][]);
        Arrays.sort(glyphs, Comparator.comparingInt(glyph -> glyph[0]));
        writeSubset(writer, ref, glyphs);
    }
}
