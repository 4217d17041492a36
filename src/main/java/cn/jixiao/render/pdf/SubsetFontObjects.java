package cn.jixiao.render.pdf;

import cn.jixiao.fonts.GlyphSubset;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The objects of an embedded TrueType subset for text drawn by glyph number ({@code Identity-H}, the full font's
 * glyph numbers as CIDs): the Type0 font, its CIDFontType2 with widths, font descriptor, font program and
 * {@code /CIDToGIDMap}, and its ToUnicode map. Written alike for a form's own PDF ({@link CompactSubsetFont}) and for
 * the fonts the pages of the combined PDF share ({@code cn.jixiao.batch.FontSharingCopy}).
 */
public final class SubsetFontObjects {

    /** Width of the glyphs {@code /W} leaves out ({@code /DW}): an em, that of every CJK character. */
    public static final int DEFAULT_WIDTH = 1000;
    /** Lower-case hexadecimal, as OpenPDF writes the ToUnicode map (and faster than {@code String.format}). */
    private static final HexFormat HEX = HexFormat.of();

    private SubsetFontObjects() {
    }

    /**
     * Adds the objects to the writer's body, the Type0 font at {@code font}.
     *
     * @param name        the font's PostScript name; a subset tag derived from it and the glyphs goes before it
     * @param descriptor  the font descriptor's entries that describe the whole font (ascent, flags, ...)
     * @param program     the subset, its glyphs renumbered
     * @param widths      the width of each CID drawn, in thousandths of an em
     * @param texts       the text of each CID drawn, as UTF-16BE in hexadecimal (the ToUnicode map's notation)
     */
    public static void write(PdfWriter writer, PdfIndirectReference font, String name, PdfDictionary descriptor,
                             GlyphSubset program, SortedMap<Integer, Integer> widths,
                             SortedMap<Integer, String> texts) throws IOException {
        PdfName baseFont = new PdfName(subsetTag(name, program.originalGlyphs()) + "+" + name);

        PdfStream fontFile = new PdfStream(program.font());
        fontFile.put(PdfName.LENGTH1, new PdfNumber(program.font().length));
        fontFile.flateCompress();
        PdfDictionary fontDescriptor = new PdfDictionary(PdfName.FONTDESCRIPTOR);
        fontDescriptor.merge(descriptor);
        fontDescriptor.put(PdfName.FONTNAME, baseFont);
        fontDescriptor.put(PdfName.FONTFILE2, writer.addToBody(fontFile).getIndirectReference());

        PdfStream glyphMap = new PdfStream(program.cidToGidMap());
        glyphMap.flateCompress();

        PdfDictionary systemInfo = new PdfDictionary();
        systemInfo.put(PdfName.REGISTRY, new PdfString("Adobe"));
        systemInfo.put(PdfName.ORDERING, new PdfString("Identity"));
        systemInfo.put(PdfName.SUPPLEMENT, new PdfNumber(0));
        PdfDictionary descendant = new PdfDictionary(PdfName.FONT);
        descendant.put(PdfName.SUBTYPE, PdfName.CIDFONTTYPE2);
        descendant.put(PdfName.BASEFONT, baseFont);
        descendant.put(PdfName.CIDSYSTEMINFO, systemInfo);
        descendant.put(PdfName.FONTDESCRIPTOR, writer.addToBody(fontDescriptor).getIndirectReference());
        descendant.put(PdfName.CIDTOGIDMAP, writer.addToBody(glyphMap).getIndirectReference());
        descendant.put(PdfName.DW, new PdfNumber(DEFAULT_WIDTH));
        PdfArray widthArray = widthArray(widths);
        if (!widthArray.isEmpty()) {
            descendant.put(PdfName.W, widthArray);
        }

        PdfDictionary type0 = new PdfDictionary(PdfName.FONT);
        type0.put(PdfName.SUBTYPE, PdfName.TYPE0);
        type0.put(PdfName.BASEFONT, baseFont);
        type0.put(PdfName.ENCODING, new PdfName("Identity-H"));
        type0.put(PdfName.DESCENDANTFONTS, new PdfArray(writer.addToBody(descendant).getIndirectReference()));
        if (!texts.isEmpty()) {
            PdfStream toUnicode = new PdfStream(toUnicodeMap(texts).getBytes(StandardCharsets.ISO_8859_1));
            toUnicode.flateCompress();
            type0.put(PdfName.TOUNICODE, writer.addToBody(toUnicode).getIndirectReference());
        }
        writer.addToBody(type0, font);
    }

    /** A code point as UTF-16BE in hexadecimal: four digits, or eight for a surrogate pair. */
    public static String utf16Hex(int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            return HEX.toHexDigits((char) codePoint);
        }
        return HEX.toHexDigits(Character.highSurrogate(codePoint))
                + HEX.toHexDigits(Character.lowSurrogate(codePoint));
    }

    /** {@code c [w1 w2 ...]} for each run of consecutive CIDs whose width is not the default. */
    private static PdfArray widthArray(SortedMap<Integer, Integer> widths) {
        PdfArray array = new PdfArray();
        PdfArray run = null;
        int next = -1;
        for (Map.Entry<Integer, Integer> width : widths.entrySet()) {
            if (width.getValue() == DEFAULT_WIDTH) {
                continue;
            }
            if (run == null || width.getKey() != next) {
                run = new PdfArray();
                array.add(new PdfNumber(width.getKey()));
                array.add(run);
            }
            run.add(new PdfNumber(width.getValue()));
            next = width.getKey() + 1;
        }
        return array;
    }

    /** The ToUnicode CMap, in OpenPDF's notation: a hundred CIDs a block. */
    private static String toUnicodeMap(SortedMap<Integer, String> texts) {
        StringBuilder map = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CIDSystemInfo\n<< /Registry (TTX+0)\n/Ordering (T42UV)\n/Supplement 0\n>> def\n"
                + "/CMapName /TTX+0 def\n/CMapType 2 def\n1 begincodespacerange\n<0000><FFFF>\n"
                + "endcodespacerange\n");
        List<Map.Entry<Integer, String>> entries = List.copyOf(texts.entrySet());
        for (int start = 0; start < entries.size(); start += 100) {
            List<Map.Entry<Integer, String>> block = entries.subList(start, Math.min(entries.size(), start + 100));
            map.append(block.size()).append(" beginbfrange\n");
            for (Map.Entry<Integer, String> entry : block) {
                String cid = HEX.toHexDigits((char) entry.getKey().intValue());
                map.append('<').append(cid).append("><").append(cid).append("><").append(entry.getValue())
                        .append(">\n");
            }
            map.append("endbfrange\n");
        }
        return map.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend end\n").toString();
    }

    /**
     * Six capital letters from the font's name and the glyphs kept: the same glyphs of a font give the same tag (and
     * the same bytes), different subsets in one PDF different tags.
     */
    private static String subsetTag(String name, int[] glyphs) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        for (int glyph : glyphs) {
            digest.update(new byte[] {(byte) (glyph >> 24), (byte) (glyph >> 16), (byte) (glyph >> 8), (byte) glyph});
        }
        byte[] bytes = digest.digest();
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + Byte.toUnsignedInt(bytes[i]) % 26));
        }
        return tag.toString();
    }
}
