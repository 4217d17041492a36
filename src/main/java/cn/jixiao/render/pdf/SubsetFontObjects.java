package cn.jixiao.render.pdf;

import cn.jixiao.fonts.GlyphSubset;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.Deflater;

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
        prepare(name, program, widths, texts, Deflater.DEFAULT_COMPRESSION).write(writer, font, descriptor);
    }

    /**
     * The objects' contents, their streams deflated, to be written into any number of PDFs ({@link Prepared#write}).
     * Parameters as {@link #write}'s, and:
     *
     * @param level the streams' {@link Deflater} level; {@link #write} deflates at zlib's default
     */
    public static Prepared prepare(String name, GlyphSubset program, SortedMap<Integer, Integer> widths,
                                   SortedMap<Integer, String> texts, int level) {
        return new Prepared(subsetTag(name, program.originalGlyphs()) + "+" + name,
                DeflatedStream.deflate(program.font(), level), program.font().length,
                DeflatedStream.deflate(program.cidToGidMap(), level), widthArray(widths),
                texts.isEmpty() ? null
                        : DeflatedStream.deflate(toUnicodeMap(texts).getBytes(StandardCharsets.ISO_8859_1), level));
    }

    /**
     * A subset's objects ready to write: what deflating and subsetting made of a font's glyphs, which a font whose
     * forms draw the same glyphs (the labels, in bold) writes again without doing either. Immutable; the arrays are
     * only read, by any number of threads.
     */
    public static final class Prepared {
        private final String baseFont;
        private final byte[] fontFile; // deflated
        private final int fontLength; // before deflating: /Length1
        private final byte[] glyphMap; // the /CIDToGIDMap, deflated
        private final int[] widths; // the /W array's runs, as widthArray(SortedMap) makes them
        private final byte[] toUnicode; // deflated; null when no glyph's text is known

        private Prepared(String baseFont, byte[] fontFile, int fontLength, byte[] glyphMap, int[] widths,
                         byte[] toUnicode) {
            this.baseFont = baseFont;
            this.fontFile = fontFile;
            this.fontLength = fontLength;
            this.glyphMap = glyphMap;
            this.widths = widths;
            this.toUnicode = toUnicode;
        }

        /** Adds the objects to the writer's body, the Type0 font at {@code font}; descriptor as {@link #write}'s. */
        public void write(PdfWriter writer, PdfIndirectReference font, PdfDictionary descriptor) throws IOException {
            PdfName name = new PdfName(baseFont);
            PdfDictionary fontDescriptor = new PdfDictionary(PdfName.FONTDESCRIPTOR);
            fontDescriptor.merge(descriptor);
            fontDescriptor.put(PdfName.FONTNAME, name);
            fontDescriptor.put(PdfName.FONTFILE2, add(writer, new DeflatedStream(fontFile, new PdfNumber(fontLength))));

            PdfDictionary systemInfo = new PdfDictionary();
            systemInfo.put(PdfName.REGISTRY, new PdfString("Adobe"));
            systemInfo.put(PdfName.ORDERING, new PdfString("Identity"));
            systemInfo.put(PdfName.SUPPLEMENT, new PdfNumber(0));
            PdfDictionary descendant = new PdfDictionary(PdfName.FONT);
            descendant.put(PdfName.SUBTYPE, PdfName.CIDFONTTYPE2);
            descendant.put(PdfName.BASEFONT, name);
            descendant.put(PdfName.CIDSYSTEMINFO, systemInfo);
            descendant.put(PdfName.FONTDESCRIPTOR, add(writer, fontDescriptor));
            descendant.put(PdfName.CIDTOGIDMAP, add(writer, new DeflatedStream(glyphMap, null)));
            descendant.put(PdfName.DW, new PdfNumber(DEFAULT_WIDTH));
            if (widths.length > 0) {
                descendant.put(PdfName.W, widthArray(widths));
            }

            PdfDictionary type0 = new PdfDictionary(PdfName.FONT);
            type0.put(PdfName.SUBTYPE, PdfName.TYPE0);
            type0.put(PdfName.BASEFONT, name);
            type0.put(PdfName.ENCODING, new PdfName("Identity-H"));
            type0.put(PdfName.DESCENDANTFONTS, new PdfArray(add(writer, descendant)));
            if (toUnicode != null) {
                type0.put(PdfName.TOUNICODE, add(writer, new DeflatedStream(toUnicode, null)));
            }
            writer.addToBody(type0, font);
        }

        private static PdfIndirectReference add(PdfWriter writer, PdfObject object) throws IOException {
            return writer.addToBody(object).getIndirectReference();
        }
    }

    /** A stream whose data is deflated already, written as OpenPDF writes a stream it deflated itself. */
    private static final class DeflatedStream extends PdfStream {

        /**
         * @param length1 the data's length before deflating, for a font program; null otherwise. The dictionary's
         *                entries are put in the order {@code PdfStream.flateCompress} puts them, so that it is
         *                written alike.
         */
        DeflatedStream(byte[] deflated, PdfNumber length1) {
            bytes = deflated;
            put(PdfName.LENGTH, new PdfNumber(deflated.length));
            if (length1 != null) {
                put(PdfName.LENGTH1, length1);
            }
            put(PdfName.FILTER, PdfName.FLATEDECODE);
            compressed = true;
        }

        /** The data deflated by OpenPDF, exactly as its {@code PdfStream.flateCompress} deflates a stream's data. */
        static byte[] deflate(byte[] data, int level) {
            PdfStream stream = new PdfStream(data);
            stream.flateCompress(level);
            ByteArrayOutputStream deflated = new ByteArrayOutputStream();
            try {
                stream.writeContent(deflated);
            } catch (IOException e) {
                throw new UncheckedIOException("a ByteArrayOutputStream does not fail", e);
            }
            return deflated.toByteArray();
        }
    }

    /** A code point as UTF-16BE in hexadecimal: four digits, or eight for a surrogate pair. */
    public static String utf16Hex(int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            return HEX.toHexDigits((char) codePoint);
        }
        return HEX.toHexDigits(Character.highSurrogate(codePoint))
                + HEX.toHexDigits(Character.lowSurrogate(codePoint));
    }

    /**
     * The {@code /W} array's runs, {@code c [w1 w2 ...]} for each run of consecutive CIDs whose width is not the
     * default, as {@link Prepared#widths} holds them: the first CID, minus the run's length, its widths.
     */
    private static int[] widthArray(SortedMap<Integer, Integer> widths) {
        int[] runs = new int[3 * widths.size()];
        int size = 0;
        int lengthAt = -1;
        int next = -1;
        for (Map.Entry<Integer, Integer> width : widths.entrySet()) {
            if (width.getValue() == DEFAULT_WIDTH) {
                continue;
            }
            if (lengthAt < 0 || width.getKey() != next) {
                runs[size++] = width.getKey();
                lengthAt = size++;
            }
            runs[lengthAt]--;
            runs[size++] = width.getValue();
            next = width.getKey() + 1;
        }
        return Arrays.copyOf(runs, size);
    }

    /** The {@code /W} array of {@link #widthArray(SortedMap)}'s runs. */
    private static PdfArray widthArray(int[] runs) {
        PdfArray array = new PdfArray();
        for (int at = 0; at < runs.length; ) {
            array.add(new PdfNumber(runs[at]));
            PdfArray run = new PdfArray();
            int end = at + 2 - runs[at + 1];
            for (at += 2; at < end; at++) {
                run.add(new PdfNumber(runs[at]));
            }
            array.add(run);
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
        ByteBuffer numbers = ByteBuffer.allocate(4 * glyphs.length); // big-endian
        numbers.asIntBuffer().put(glyphs);
        byte[] bytes = digest.digest(numbers.array());
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + Byte.toUnsignedInt(bytes[i]) % 26));
        }
        return tag.toString();
    }
}
