package cn.jixiao.batch;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.GlyphSubset;
import cn.jixiao.fonts.TrueTypeGlyphUnion;
import cn.jixiao.render.pdf.SubsetFontObjects;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BadPdfFormatException;
import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link PdfCopy} whose pages share their fonts. Each form's PDF embeds its own compact subset of each font it uses
 * (of a one-page form's 51 KB, some 41 KB are fonts: the CJK glyphs it draws, in regular and bold);
 * copied as they are, 200 one-page forms make 9.4 MB. Here the pages of every form point to one
 * font per font family and style instead, written once when the document is finished: its program holds every glyph
 * any form used ({@link TrueTypeGlyphUnion}), its widths and its Unicode map are the union of the forms'. The pages'
 * content is copied unchanged: it draws {@code Identity-H} text by the full font's glyph numbers (the CIDs), which
 * each form's {@code /CIDToGIDMap} maps to its compact subset, and the shared font's map to the union.
 *
 * <p>Fonts other than the TrueType subsets jixiao writes ({@link SubsetFontObjects}) are copied as they are. Memory
 * grows with the glyphs used, not with the forms.
 */
final class FontSharingCopy extends PdfCopy {

    private static final PdfName IDENTITY_H = new PdfName("Identity-H");
    private static final Pattern SUBSET_TAG = Pattern.compile("[A-Z]{6}\\+");

    /** The shared fonts by the name of the font, without subset tag. */
    private final Map<String, SharedFont> fonts = new TreeMap<>();
    /** For the form being copied: its font objects by object number, and the shared font that replaces each. */
    private final Map<Integer, PdfIndirectReference> replaced = new HashMap<>();

    FontSharingCopy(Document document, OutputStream out) throws DocumentException {
        super(document, out);
    }

    /**
     * Takes the fonts of a form's PDF into the shared fonts; call it before its pages are copied.
     *
     * @throws IOException when a font of the PDF cannot be read
     */
    void shareFonts(PdfReader reader) throws IOException {
        replaced.clear();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
            PdfDictionary pageFonts = resources == null ? null : resources.getAsDict(PdfName.FONT);
            if (pageFonts == null) {
                continue;
            }
            for (PdfName key : pageFonts.getKeys()) {
                if (pageFonts.get(key) instanceof PRIndirectReference reference
                        && !replaced.containsKey(reference.getNumber())
                        && PdfReader.getPdfObject(reference) instanceof PdfDictionary font && shareable(font)) {
                    String name = SUBSET_TAG.matcher(font.getAsName(PdfName.BASEFONT).toString().substring(1))
                            .replaceFirst("");
                    SharedFont shared = fonts.get(name);
                    if (shared == null) {
                        shared = new SharedFont(name, getPdfIndirectReference());
                        fonts.put(name, shared);
                    }
                    shared.add(font);
                    replaced.put(reference.getNumber(), shared.reference);
                }
            }
        }
    }

    /** Writes the shared fonts; call it once every form is copied, before the document is closed. */
    void writeSharedFonts() throws IOException {
        for (SharedFont font : fonts.values()) {
            font.write();
        }
    }

    @Override
    protected PdfIndirectReference copyIndirect(PRIndirectReference in) throws IOException, BadPdfFormatException {
        PdfIndirectReference shared = replaced.get(in.getNumber());
        return shared != null ? shared : super.copyIndirect(in);
    }

    /**
     * A TrueType subset drawn by glyph number: a Type0 font, Identity-H, its program and glyph map embedded, and the
     * default width ({@code /DW}) the shared font has.
     */
    private static boolean shareable(PdfDictionary font) {
        if (!PdfName.TYPE0.equals(font.getAsName(PdfName.SUBTYPE)) || !IDENTITY_H.equals(font.getAsName(PdfName.ENCODING))
                || font.getAsName(PdfName.BASEFONT) == null || font.getAsArray(PdfName.DESCENDANTFONTS) == null) {
            return false;
        }
        PdfDictionary descendant = font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
        PdfDictionary descriptor = descendant == null ? null : descendant.getAsDict(PdfName.FONTDESCRIPTOR);
        return descriptor != null && PdfName.CIDFONTTYPE2.equals(descendant.getAsName(PdfName.SUBTYPE))
                && descendant.getAsStream(PdfName.CIDTOGIDMAP) instanceof PRStream
                && (descendant.getAsNumber(PdfName.DW) == null
                    || descendant.getAsNumber(PdfName.DW).intValue() == SubsetFontObjects.DEFAULT_WIDTH)
                && font.getAsStream(PdfName.TOUNICODE) != null
                && descriptor.getAsStream(PdfName.FONTFILE2) instanceof PRStream;
    }

    /** One font shared by every page of the document. */
    private final class SharedFont {
        /** The lines of the ToUnicode map: {@code <glyph><glyph><text>}. */
        private static final Pattern MAPPING = Pattern.compile("<([0-9a-fA-F]{4})><([0-9a-fA-F]{4})><([0-9a-fA-F]+)>");
        /** How many subsets' glyph maps {@link #complete} remembers: about 150 KB a font. */
        private static final int REMEMBERED_SUBSETS = 1024;
        /** The font descriptor's entries that describe the whole font, taken from the first subset. */
        private static final List<PdfName> DESCRIPTOR_ENTRIES = List.of(PdfName.ASCENT, PdfName.DESCENT,
                PdfName.CAPHEIGHT, PdfName.STEMV, PdfName.FLAGS, PdfName.FONTBBOX, PdfName.ITALICANGLE);

        private final String name;
        final PdfIndirectReference reference;
        private final TrueTypeGlyphUnion program = new TrueTypeGlyphUnion();
        private final TreeMap<Integer, Integer> widths = new TreeMap<>();
        private final TreeMap<Integer, String> texts = new TreeMap<>();
        private final PdfDictionary descriptorEntries = new PdfDictionary();
        /**
         * The digests ({@link #digest}) of the glyph maps of subsets already added whose every glyph and text this font
         * holds: a form with the same subset adds nothing. The most recent {@link #REMEMBERED_SUBSETS}, so that
         * memory does not grow with the forms.
         */
        private final Map<ByteBuffer, Boolean> complete = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
                return size() > REMEMBERED_SUBSETS;
            }
        };

        SharedFont(String name, PdfIndirectReference reference) {
            this.name = name;
            this.reference = reference;
        }

        void add(PdfDictionary font) throws IOException {
            PdfDictionary descendant = font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
            PdfDictionary descriptor = descendant.getAsDict(PdfName.FONTDESCRIPTOR);
            if (descriptorEntries.size() == 0) {
                for (PdfName entry : DESCRIPTOR_ENTRIES) {
                    PdfObject value = PdfReader.getPdfObject(descriptor.get(entry));
                    if (value != null) {
                        descriptorEntries.put(entry, value);
                    }
                }
            }
            readWidths(descendant.getAsArray(PdfName.W));
            PRStream glyphMap = (PRStream) descendant.getAsStream(PdfName.CIDTOGIDMAP);
            ByteBuffer glyphMapDigest = digest(glyphMap);
            if (complete.containsKey(glyphMapDigest)) {
                // The same glyphs as an earlier form's subset (the bold face draws the same labels on every form):
                // not even its glyph map need be decompressed.
                return;
            }
            int[] originalGlyphs = GlyphSubset.originalGlyphs(PdfReader.getStreamBytes(glyphMap));
            if (!program.holdsAll(originalGlyphs) || !hasTexts(originalGlyphs)) {
                // In a form that draws no glyph an earlier form did not, the font program and ToUnicode map, most of
                // this font's bytes to decompress and read, would add nothing: they are read only when they would.
                addProgramAndTexts(font, descriptor, originalGlyphs);
            }
            if (program.holdsAll(originalGlyphs) && hasTexts(originalGlyphs)) {
                complete.put(glyphMapDigest, Boolean.TRUE);
            }
        }

        private void addProgramAndTexts(PdfDictionary font, PdfDictionary descriptor, int[] originalGlyphs)
                throws IOException {
            try {
                program.add(PdfReader.getStreamBytes((PRStream) descriptor.getAsStream(PdfName.FONTFILE2)),
                        originalGlyphs);
            } catch (FontException e) {
                throw new IOException("cannot share the font " + name + ": " + e.getMessage(), e);
            }
            Matcher mapping = MAPPING.matcher(new String(
                    PdfReader.getStreamBytes((PRStream) font.getAsStream(PdfName.TOUNICODE)),
                    StandardCharsets.ISO_8859_1));
            while (mapping.find()) {
                int first = Integer.parseInt(mapping.group(1), 16);
                int last = Integer.parseInt(mapping.group(2), 16);
                if (first == last) {
                    texts.putIfAbsent(first, mapping.group(3).toLowerCase());
                } else {
                    int start = Integer.parseInt(mapping.group(3), 16);
                    for (int glyph = first; glyph <= last; glyph++) {
                        texts.putIfAbsent(glyph, String.format("%04x", start + glyph - first));
                    }
                }
            }
        }

        /**
         * A digest of a glyph map as stored (compressed, with its filters): the same digest, the same map. Cheaper than
         * decompressing the map, which is as long as the highest glyph number.
         */
        private static ByteBuffer digest(PRStream glyphMap) throws IOException {
            MessageDigest digest = CombinedPdf.sha256();
            digest.update(String.valueOf(PdfReader.getPdfObject(glyphMap.get(PdfName.FILTER)))
                    .getBytes(StandardCharsets.ISO_8859_1));
            digest.update(String.valueOf(PdfReader.getPdfObject(glyphMap.get(PdfName.DECODEPARMS)))
                    .getBytes(StandardCharsets.ISO_8859_1));
            digest.update(PdfReader.getStreamBytesRaw(glyphMap));
            return ByteBuffer.wrap(digest.digest());
        }

        /**
         * Whether each glyph but .notdef has its text already: a ToUnicode map maps only the glyphs of its subset, and
         * the first text of a glyph is kept.
         */
        private boolean hasTexts(int[] originalGlyphs) {
            for (int glyph : originalGlyphs) {
                if (glyph != 0 && !texts.containsKey(glyph)) {
                    return false;
                }
            }
            return true;
        }

        /** A {@code /W} array: {@code c [w1 w2 ...]} and {@code c_first c_last w} entries. */
        private void readWidths(PdfArray array) {
            if (array == null) {
                return;
            }
            for (int i = 0; i < array.size(); ) {
                int first = array.getAsNumber(i).intValue();
                if (array.getPdfObject(i + 1).isArray()) {
                    PdfArray run = array.getAsArray(i + 1);
                    for (int k = 0; k < run.size(); k++) {
                        widths.put(first + k, run.getAsNumber(k).intValue());
                    }
                    i += 2;
                } else {
                    int last = array.getAsNumber(i + 1).intValue();
                    int width = array.getAsNumber(i + 2).intValue();
                    for (int glyph = first; glyph <= last; glyph++) {
                        widths.put(glyph, width);
                    }
                    i += 3;
                }
            }
        }

        void write() throws IOException {
            SubsetFontObjects.write(FontSharingCopy.this, reference, name, descriptorEntries, program.font(), widths,
                    texts);
        }
    }
}
