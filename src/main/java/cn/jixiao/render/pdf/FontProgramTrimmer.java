package cn.jixiao.render.pdf;

import cn.jixiao.render.RenderException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Shrinks the TrueType programs OpenPDF embeds. OpenPDF's subset of a font keeps only the outlines of the glyphs used,
 * but copies the font's whole horizontal metrics table ({@code hmtx}): 30,595 entries for Noto Serif SC, about 31 KB
 * compressed per font, twice per form, whatever the form says. Here the left side bearing of every glyph without an
 * outline is set to zero, which leaves a table of advance widths that compresses to about 1 KB; a one-page form drops
 * from about 107 KB to about 47 KB. Nothing visible changes, and the advance widths stay those of the PDF's {@code /W}
 * array, as PDF/A requires, also for the glyphs drawn that have no outline (the spaces).
 *
 * <p>It rewrites the PDF as OpenPDF writes it without full compression: numbered objects one after the other and a
 * cross-reference table. The font programs come stored (OpenPDF told to compress them at level 0, see {@link
 * PdfFonts}) and leave deflated. Anything else in that PDF is copied byte for byte.
 *
 * <p>Because it depends on how OpenPDF writes, {@link #checkShape} looks at a sample of OpenPDF's output when a run
 * starts (see {@link PdfRenderer#create}): another OpenPDF that writes differently stops the run at once with the
 * reason, rather than failing every form.
 */
final class FontProgramTrimmer {

    /** The OpenPDF this was written against, for the message when another one writes differently. */
    static final String OPENPDF_VERSION = "1.3.43";

    private static final Pattern LENGTH = Pattern.compile("/Length (\\d+)");
    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.ISO_8859_1);

    private FontProgramTrimmer() {
    }

    /**
     * Fails, naming the reason, when OpenPDF's output is not what {@link #trim} rewrites: a cross-reference table
     * (not a stream) that {@code startxref} points at, and embedded TrueType programs in Flate streams with a direct
     * {@code /Length} whose tables include those the metrics are trimmed with.
     *
     * @param sample a PDF OpenPDF wrote, as the renderer sets it up, with at least one embedded TrueType font
     */
    static void checkShape(byte[] sample) throws RenderException {
        String reason;
        try {
            String text = new String(sample, StandardCharsets.ISO_8859_1);
            int xref = crossReferenceTable(text);
            XrefTable table;
            try {
                table = XrefTable.parse(text.substring(xref + 4, text.indexOf("trailer", xref)));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new IllegalStateException("its cross-reference table cannot be read");
            }
            int fontPrograms = 0;
            for (int start : table.objectsByOffset().keySet()) {
                int streamKeyword = indexOf(sample, STREAM, start, xref);
                String dictionary = streamKeyword < 0 ? "" : text.substring(start, streamKeyword);
                if (dictionary.contains("/Length1 ")) {
                    checkFontProgram(sample, dictionary, streamKeyword);
                    fontPrograms++;
                }
            }
            if (fontPrograms == 0) {
                throw new IllegalStateException("it embeds no TrueType program (a stream with /Length1)");
            }
            trim(sample);
            return;
        } catch (RuntimeException e) {
            reason = e.getMessage();
        }
        throw new RenderException("OpenPDF does not write PDFs as jixiao expects, so their fonts cannot be trimmed: "
                + reason + " (jixiao is made for OpenPDF " + OPENPDF_VERSION + ")");
    }

    /** Fails when a font program's stream object is not as {@link #rewriteObject} needs it. */
    private static void checkFontProgram(byte[] pdf, String dictionary, int streamKeyword) {
        if (!dictionary.contains("/FlateDecode")) {
            throw new IllegalStateException("a TrueType program is not a /FlateDecode stream");
        }
        Matcher length = LENGTH.matcher(dictionary);
        if (!length.find()) {
            throw new IllegalStateException("a TrueType program has no direct /Length");
        }
        int dataStart = streamKeyword + STREAM.length + (pdf[streamKeyword + STREAM.length] == '\r' ? 2 : 1);
        byte[] font = inflate(pdf, dataStart, Integer.parseInt(length.group(1)));
        String missing = TrueTypeMetrics.missingTables(font);
        if (missing != null) {
            throw new IllegalStateException("a TrueType program lacks its " + missing + " table");
        }
    }

    /** Where the cross-reference table starts: {@code startxref} points at it. */
    private static int crossReferenceTable(String text) {
        int startxref = text.lastIndexOf("startxref");
        if (startxref < 0) {
            throw new IllegalStateException("it has no startxref");
        }
        int xref;
        try {
            xref = Integer.parseInt(text.substring(startxref + 9).trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("its startxref gives no offset");
        }
        if (xref < 0 || xref >= text.length() || !text.startsWith("xref", xref)) {
            throw new IllegalStateException("its startxref does not point at a cross-reference table (a"
                    + " cross-reference stream, or full compression?)");
        }
        if (text.indexOf("trailer", xref) < 0) {
            throw new IllegalStateException("its cross-reference table has no trailer");
        }
        return xref;
    }

    static byte[] trim(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int startxref = text.lastIndexOf("startxref");
        int xref = crossReferenceTable(text);
        int trailer = text.indexOf("trailer", xref);
        XrefTable table = XrefTable.parse(text.substring(xref + 4, trailer));

        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
        TreeMap<Integer, Integer> objectsByOffset = table.objectsByOffset();
        int[] newOffsets = new int[table.size];
        int first = objectsByOffset.firstKey();
        out.write(pdf, 0, first);
        List<Integer> offsets = new ArrayList<>(objectsByOffset.keySet());
        for (int i = 0; i < offsets.size(); i++) {
            int start = offsets.get(i);
            int end = i + 1 < offsets.size() ? offsets.get(i + 1) : xref;
            newOffsets[objectsByOffset.get(start)] = out.size();
            out.writeBytes(rewriteObject(pdf, text, start, end));
        }
        int newXref = out.size();
        out.writeBytes(table.render(newOffsets).getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(text.substring(trailer, startxref).getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(("startxref\n" + newXref + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** An object as it was, or, for a TrueType program ({@code /Length1}), with its metrics trimmed. */
    private static byte[] rewriteObject(byte[] pdf, String text, int start, int end) {
        int streamKeyword = indexOf(pdf, STREAM, start, end);
        String dictionary = streamKeyword < 0 ? "" : text.substring(start, streamKeyword);
        if (!dictionary.contains("/Length1 ") || !dictionary.contains("/FlateDecode")) {
            return Arrays.copyOfRange(pdf, start, end);
        }
        int dataStart = streamKeyword + STREAM.length + (pdf[streamKeyword + STREAM.length] == '\r' ? 2 : 1);
        Matcher length = LENGTH.matcher(dictionary);
        if (!length.find()) {
            throw new IllegalStateException("font program without a direct /Length");
        }
        int dataLength = Integer.parseInt(length.group(1));
        byte[] font = TrueTypeMetrics.zeroUnusedGlyphMetrics(inflate(pdf, dataStart, dataLength));
        byte[] data = deflate(font);
        ByteArrayOutputStream object = new ByteArrayOutputStream(data.length + 200);
        String newDictionary = dictionary.substring(0, length.start()) + "/Length " + data.length
                + dictionary.substring(length.end());
        object.writeBytes(newDictionary.getBytes(StandardCharsets.ISO_8859_1));
        object.write(pdf, streamKeyword, dataStart - streamKeyword);
        object.writeBytes(data);
        object.write(pdf, dataStart + dataLength, end - dataStart - dataLength);
        return object.toByteArray();
    }

    private static byte[] inflate(byte[] pdf, int start, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf, start, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length * 2);
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("truncated font program");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("damaged font program: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from, int to) {
        outer:
        for (int i = from; i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A cross-reference table: its sections and entries, rewritten with new offsets. */
    private record XrefTable(int size, List<int[]> sections, List<String[]> entries) {

        static XrefTable parse(String body) {
            String[] tokens = body.trim().split("\\s+");
            List<int[]> sections = new ArrayList<>();
            List<String[]> entries = new ArrayList<>();
            int size = 0;
            for (int i = 0; i < tokens.length; ) {
                int firstObject = Integer.parseInt(tokens[i]);
                int count = Integer.parseInt(tokens[i + 1]);
                sections.add(new int[] {firstObject, count});
                i += 2;
                for (int k = 0; k < count; k++, i += 3) {
                    entries.add(new String[] {tokens[i], tokens[i + 1], tokens[i + 2]});
                }
                size = Math.max(size, firstObject + count);
            }
            return new XrefTable(size, sections, entries);
        }

        /** Offset → object number of the objects in use. */
        TreeMap<Integer, Integer> objectsByOffset() {
            TreeMap<Integer, Integer> objects = new TreeMap<>();
            int entry = 0;
            for (int[] section : sections) {
                for (int k = 0; k < section[1]; k++, entry++) {
                    String[] e = entries.get(entry);
                    if (e[2].equals("n")) {
                        objects.put(Integer.parseInt(e[0]), section[0] + k);
                    }
                }
            }
            return objects;
        }

        String render(int[] newOffsets) {
            StringBuilder xref = new StringBuilder("xref\n");
            int entry = 0;
            for (int[] section : sections) {
                xref.append(section[0]).append(' ').append(section[1]).append('\n');
                for (int k = 0; k < section[1]; k++, entry++) {
                    String[] e = entries.get(entry);
                    String offset = e[2].equals("n") ? tenDigits(newOffsets[section[0] + k]) : e[0];
                    xref.append(offset).append(' ').append(e[1]).append(' ').append(e[2]).append(" \n");
                }
            }
            return xref.toString();
        }

        private static String tenDigits(int offset) {
            String digits = Integer.toString(offset);
            return "0".repeat(10 - digits.length()) + digits;
        }
    }

    /** The few TrueType tables this needs, read and written in place. */
    static final class TrueTypeMetrics {
        private TrueTypeMetrics() {
        }

        private static final List<String> NEEDED = List.of("head", "hmtx", "loca", "hhea", "maxp");

        /** The first table of those the metrics are trimmed with that the font lacks; {@code null} when it has all. */
        static String missingTables(byte[] font) {
            if (font.length < 12) {
                return "table directory";
            }
            ByteBuffer ttf = ByteBuffer.wrap(font);
            int numTables = Short.toUnsignedInt(ttf.getShort(4));
            List<String> tags = new ArrayList<>();
            for (int t = 0; t < numTables && 12 + 16 * t + 4 <= font.length; t++) {
                tags.add(new String(font, 12 + 16 * t, 4, StandardCharsets.ISO_8859_1));
            }
            return NEEDED.stream().filter(tag -> !tags.contains(tag)).findFirst().orElse(null);
        }

        /** Sets the left side bearing of glyphs without an outline to zero; fixes the table and font checksums. */
        static byte[] zeroUnusedGlyphMetrics(byte[] font) {
            ByteBuffer ttf = ByteBuffer.wrap(font);
            int numTables = Short.toUnsignedInt(ttf.getShort(4));
            int head = -1, hmtx = -1, hmtxLength = 0, hmtxRecord = -1, loca = -1, hhea = -1, maxp = -1;
            for (int t = 0; t < numTables; t++) {
                int record = 12 + 16 * t;
                String tag = new String(font, record, 4, StandardCharsets.ISO_8859_1);
                int offset = ttf.getInt(record + 8);
                switch (tag) {
                    case "head" -> head = offset;
                    case "hmtx" -> {
                        hmtx = offset;
                        hmtxLength = ttf.getInt(record + 12);
                        hmtxRecord = record;
                    }
                    case "loca" -> loca = offset;
                    case "hhea" -> hhea = offset;
                    case "maxp" -> maxp = offset;
                    default -> { }
                }
            }
            if (head < 0 || hmtx < 0 || loca < 0 || hhea < 0 || maxp < 0) {
                return font;
            }
            boolean longOffsets = ttf.getShort(head + 50) != 0;
            int glyphs = Short.toUnsignedInt(ttf.getShort(maxp + 4));
            int metrics = Short.toUnsignedInt(ttf.getShort(hhea + 34));
            for (int glyph = 0; glyph < glyphs; glyph++) {
                long from = longOffsets ? Integer.toUnsignedLong(ttf.getInt(loca + 4 * glyph))
                        : Short.toUnsignedInt(ttf.getShort(loca + 2 * glyph));
                long to = longOffsets ? Integer.toUnsignedLong(ttf.getInt(loca + 4 * glyph + 4))
                        : Short.toUnsignedInt(ttf.getShort(loca + 2 * glyph + 2));
                if (from == to) {
                    if (glyph < metrics) {
                        ttf.putShort(hmtx + 4 * glyph + 2, (short) 0);
                    } else {
                        ttf.putShort(hmtx + 4 * metrics + 2 * (glyph - metrics), (short) 0);
                    }
                }
            }
            ttf.putInt(hmtxRecord + 4, checksum(ttf, hmtx, hmtxLength));
            ttf.putInt(head + 8, 0);
            ttf.putInt(head + 8, 0xB1B0AFBA - checksum(ttf, 0, font.length));
            return font;
        }

        /** The TrueType checksum: the sum of the big-endian 32-bit words, the last one padded with zeros. */
        private static int checksum(ByteBuffer data, int offset, int length) {
            int sum = 0;
            int whole = offset + (length & ~3);
            for (int i = offset; i < whole; i += 4) {
                sum += data.getInt(i);
            }
            int last = 0;
            for (int i = whole; i < offset + length; i++) {
                last |= Byte.toUnsignedInt(data.get(i)) << (24 - 8 * (i - whole));
            }
            return sum + last;
        }
    }
}
