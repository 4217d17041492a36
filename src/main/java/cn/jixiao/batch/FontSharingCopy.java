package cn.jixiao.batch;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.TrueTypeGlyphUnion;
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
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link PdfCopy} whose pages share their fonts. Each form's PDF embeds its own subset of each font it uses (about
 * 37 KB a form); copied as they are, 200 one-page forms make 9.4 MB. Here the pages of every form point to one
 * font per font family and style instead, written once when the document is finished: its program holds every glyph
 * any form used ({@link TrueTypeGlyphUnion}), its widths and its Unicode map are the union of the forms'. The pages'
 * content is copied unchanged: OpenPDF draws {@code Identity-H} text by glyph number, and every subset of a font keeps
 * the font's own numbers.
 *
 * <p>Fonts other than OpenPDF's {@code Identity-H} TrueType subsets are copied as they are. Memory grows with the
 * glyphs used, not with the forms.
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

    /** An OpenPDF TrueType subset drawn by glyph number: a Type0 font, Identity-H, its program embedded. */
    private static boolean shareable(PdfDictionary font) {
        if (!PdfName.TYPE0.equals(font.getAsName(PdfName.SUBTYPE)) || !IDENTITY_H.equals(font.getAsName(PdfName.ENCODING))
                || font.getAsName(PdfName.BASEFONT) == null || font.getAsArray(PdfName.DESCENDANTFONTS) == null) {
            return false;
        }
        PdfDictionary descendant = font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
        PdfDictionary descriptor = descendant == null ? null : descendant.getAsDict(PdfName.FONTDESCRIPTOR);
        return descriptor != null && PdfName.CIDFONTTYPE2.equals(descendant.getAsName(PdfName.SUBTYPE))
                && PdfName.IDENTITY.equals(descendant.getAsName(PdfName.CIDTOGIDMAP))
                && font.getAsStream(PdfName.TOUNICODE) != null
                && descriptor.getAsStream(PdfName.FONTFILE2) instanceof PRStream;
    }

    /** One font shared by every page of the document. */
    private final class SharedFont {
        /** The lines of OpenPDF's ToUnicode map: {@code <glyph><glyph><text>}. */
        private static final Pattern MAPPING = Pattern.compile("<([0-9a-fA-F]{4})><([0-9a-fA-F]{4})><([0-9a-fA-F]+)>");
        /** The font descriptor's entries that describe the whole font, taken from the first subset. */
        private static final List<PdfName> DESCRIPTOR_ENTRIES = List.of(PdfName.ASCENT, PdfName.DESCENT,
                PdfName.CAPHEIGHT, PdfName.STEMV, PdfName.FLAGS, PdfName.FONTBBOX, PdfName.ITALICANGLE);

        private final String name;
        final PdfIndirectReference reference;
        private final TrueTypeGlyphUnion program = new TrueTypeGlyphUnion();
        private final TreeMap<Integer, Integer> widths = new TreeMap<>();
        private final TreeMap<Integer, String> texts = new TreeMap<>();
        private final PdfDictionary descriptorEntries = new PdfDictionary();
        private PdfObject systemInfo;
        private PdfObject defaultWidth;

        SharedFont(String name, PdfIndirectReference reference) {
            this.name = name;
            this.reference = reference;
        }

        void add(PdfDictionary font) throws IOException {
            PdfDictionary descendant = font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
            PdfDictionary descriptor = descendant.getAsDict(PdfName.FONTDESCRIPTOR);
            if (systemInfo == null) {
                systemInfo = PdfReader.getPdfObject(descendant.get(PdfName.CIDSYSTEMINFO));
                defaultWidth = PdfReader.getPdfObject(descendant.get(PdfName.DW));
                for (PdfName entry : DESCRIPTOR_ENTRIES) {
                    PdfObject value = PdfReader.getPdfObject(descriptor.get(entry));
                    if (value != null) {
                        descriptorEntries.put(entry, value);
                    }
                }
            }
            try {
                program.add(PdfReader.getStreamBytes((PRStream) descriptor.getAsStream(PdfName.FONTFILE2)));
            } catch (FontException e) {
                throw new IOException("cannot share the font " + name + ": " + e.getMessage(), e);
            }
            readWidths(descendant.getAsArray(PdfName.W));
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
            PdfName baseFont = new PdfName(subsetTag() + "+" + name);

            PdfStream fontFile = new PdfStream(program.font());
            fontFile.put(PdfName.LENGTH1, new PdfNumber(fontFile.getBytes().length));
            fontFile.flateCompress();
            PdfDictionary descriptor = new PdfDictionary(PdfName.FONTDESCRIPTOR);
            descriptor.merge(descriptorEntries);
            descriptor.put(PdfName.FONTNAME, baseFont);
            descriptor.put(PdfName.FONTFILE2, addToBody(fontFile).getIndirectReference());

            PdfDictionary descendant = new PdfDictionary(PdfName.FONT);
            descendant.put(PdfName.SUBTYPE, PdfName.CIDFONTTYPE2);
            descendant.put(PdfName.BASEFONT, baseFont);
            descendant.put(PdfName.CIDSYSTEMINFO, systemInfo);
            descendant.put(PdfName.FONTDESCRIPTOR, addToBody(descriptor).getIndirectReference());
            if (defaultWidth != null) {
                descendant.put(PdfName.DW, defaultWidth);
            }
            if (!widths.isEmpty()) {
                descendant.put(PdfName.W, widthArray());
            }
            descendant.put(PdfName.CIDTOGIDMAP, PdfName.IDENTITY);

            PdfStream toUnicode = new PdfStream(toUnicodeMap().getBytes(StandardCharsets.ISO_8859_1));
            toUnicode.flateCompress();

            PdfDictionary font = new PdfDictionary(PdfName.FONT);
            font.put(PdfName.SUBTYPE, PdfName.TYPE0);
            font.put(PdfName.BASEFONT, baseFont);
            font.put(PdfName.ENCODING, IDENTITY_H);
            font.put(PdfName.DESCENDANTFONTS, new PdfArray(addToBody(descendant).getIndirectReference()));
            font.put(PdfName.TOUNICODE, addToBody(toUnicode).getIndirectReference());
            addToBody(font, reference);
        }

        private PdfArray widthArray() {
            PdfArray array = new PdfArray();
            PdfArray run = null;
            int next = -1;
            for (Map.Entry<Integer, Integer> width : widths.entrySet()) {
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

        /** The ToUnicode CMap as OpenPDF writes it, a hundred glyphs a block. */
        private String toUnicodeMap() {
            StringBuilder map = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    + "/CIDSystemInfo\n<< /Registry (TTX+0)\n/Ordering (T42UV)\n/Supplement 0\n>> def\n"
                    + "/CMapName /TTX+0 def\n/CMapType 2 def\n1 begincodespacerange\n<0000><FFFF>\n"
                    + "endcodespacerange\n");
            List<Map.Entry<Integer, String>> entries = List.copyOf(texts.entrySet());
            for (int start = 0; start < entries.size(); start += 100) {
                List<Map.Entry<Integer, String>> block = entries.subList(start, Math.min(entries.size(), start + 100));
                map.append(block.size()).append(" beginbfrange\n");
                for (Map.Entry<Integer, String> entry : block) {
                    String glyph = String.format("%04x", entry.getKey());
                    map.append('<').append(glyph).append("><").append(glyph).append("><").append(entry.getValue())
                            .append(">\n");
                }
                map.append("endbfrange\n");
            }
            return map.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend end\n").toString();
        }

        /** Six capital letters from the font's name and glyphs: the same forms give the same tag. */
        private String subsetTag() {
            MessageDigest digest = CombinedPdf.sha256();
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            for (int glyph : program.glyphs()) {
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
}
