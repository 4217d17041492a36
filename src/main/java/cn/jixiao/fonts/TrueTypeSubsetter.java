package cn.jixiao.fonts;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cuts a TrueType font (glyf outlines) down to the glyphs of a set of characters, so that a document embeds a few
 * hundred kilobytes instead of a 15 MB CJK font.
 *
 * <p>The subset keeps glyph 0 (.notdef), the glyph of every requested character the font maps, and every glyph a kept
 * composite glyph is built from; glyphs are renumbered compactly in their original order. It rebuilds {@code cmap}
 * (format 4 for the Basic Multilingual Plane, plus format 12 when a character lies above U+FFFF), {@code loca},
 * {@code glyf}, {@code hmtx}, {@code hhea}, {@code maxp}, {@code head} (with every checksum and
 * {@code checkSumAdjustment}), {@code name} (the naming records only), {@code OS/2} (character range) and
 * {@code post} (format 3, no glyph names). The hinting tables ({@code cvt }, {@code fpgm}, {@code prep},
 * {@code gasp}) are kept as they are; every other table, the OpenType layout tables ({@code GSUB}, {@code GPOS},
 * ...) and anything indexed by the old glyph numbers, is dropped. Family and style names are unchanged, so a word
 * processor finds the subset under the font's own name.
 *
 * <p>An instance parses the font's table directory and character map once and is then safe to use from any number
 * of threads; the font bytes must not change afterwards.
 */
public final class TrueTypeSubsetter {

    /** Tables copied unchanged: they do not refer to glyph numbers. */
    private static final Set<String> COPIED_TABLES = Set.of("cvt ", "fpgm", "prep", "gasp");

    /** Naming records kept: copyright, family, style, unique id, full name, version, PostScript name, licence. */
    private static final Set<Integer> KEPT_NAME_IDS = Set.of(0, 1, 2, 3, 4, 5, 6, 13, 14, 16, 17);

    private static final int HEAD_CHECKSUM_ADJUSTMENT = 8;
    private static final int HEAD_INDEX_TO_LOC_FORMAT = 50;
    private static final long CHECKSUM_MAGIC = 0xB1B0AFBAL;

    // Composite glyph component flags (glyf table).
    private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
    private static final int WE_HAVE_A_SCALE = 0x0008;
    private static final int MORE_COMPONENTS = 0x0020;
    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
    private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;

    private final byte[] font;
    private final Map<String, Table> tables;
    private final CharacterMap characterMap;
    private final int glyphCount;
    private final boolean longLoca;
    private final int horizontalMetricCount;

    private record Table(int offset, int length) {
    }

    /** Reads the table directory and the character map of a TrueType font file. */
    public TrueTypeSubsetter(byte[] font) throws FontException {
        this.font = font;
        try {
            ByteBuffer data = ByteBuffer.wrap(font);
            int version = data.getInt(0);
            if (version == 0x74746366) { // 'ttcf'
                throw new FontException("font collections (.ttc) cannot be subset; use a single .ttf file");
            }
            if (version == 0x4F54544F) { // 'OTTO'
                throw new FontException("the font has PostScript (CFF) outlines; only TrueType outlines can be subset");
            }
            if (version != 0x00010000 && version != 0x74727565) { // 1.0 or 'true'
                throw new FontException("not a TrueType font file");
            }
            int count = Short.toUnsignedInt(data.getShort(4));
            Map<String, Table> directory = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                int record = 12 + 16 * i;
                String tag = new String(font, record, 4, StandardCharsets.ISO_8859_1);
                Table table = new Table(data.getInt(record + 8), data.getInt(record + 12));
                if (table.offset() < 0 || table.length() < 0 || (long) table.offset() + table.length() > font.length) {
                    throw new FontException("table " + tag.trim() + " lies outside the font file");
                }
                directory.put(tag, table);
            }
            this.tables = directory;
            for (String required : List.of("head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf")) {
                if (!tables.containsKey(required)) {
                    throw new FontException("the font has no " + required + " table");
                }
            }
            this.glyphCount = Short.toUnsignedInt(data.getShort(table("maxp").offset() + 4));
            this.longLoca = data.getShort(table("head").offset() + HEAD_INDEX_TO_LOC_FORMAT) != 0;
            this.horizontalMetricCount = Short.toUnsignedInt(data.getShort(table("hhea").offset() + 34));
            this.characterMap = CharacterMap.read(data, table("cmap"));
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw new FontException("the font file is truncated or damaged");
        }
    }

    /** A font holding only the glyphs of these characters (plus .notdef and composite components). */
    public static byte[] subset(byte[] font, Set<Integer> codePoints) throws FontException {
        return new TrueTypeSubsetter(font).subset(codePoints);
    }

    /** The glyph number of a character in the full font, 0 (.notdef) when the font lacks it. */
    public int glyphId(int codePoint) {
        return characterMap.glyphId(codePoint);
    }

    /** A font holding only the glyphs of these characters (plus .notdef and composite components). */
    public byte[] subset(Set<Integer> codePoints) throws FontException {
        try {
            SortedMap<Integer, Integer> oldGlyphs = new TreeMap<>(); // code point -> old glyph number
            for (int codePoint : codePoints) {
                int glyph = characterMap.glyphId(codePoint);
                if (glyph != 0 && glyph < glyphCount) {
                    oldGlyphs.put(codePoint, glyph);
                }
            }
            int[] kept = keptGlyphs(oldGlyphs.values());
            int[] newIds = new int[glyphCount];
            Arrays.fill(newIds, -1);
            for (int i = 0; i < kept.length; i++) {
                newIds[kept[i]] = i;
            }
            SortedMap<Integer, Integer> mapping = new TreeMap<>(); // code point -> new glyph number
            oldGlyphs.forEach((codePoint, glyph) -> mapping.put(codePoint, newIds[glyph]));

            Map<String, byte[]> out = new TreeMap<>();
            byte[][] glyfAndLoca = glyfAndLoca(kept, newIds);
            out.put("glyf", glyfAndLoca[0]);
            out.put("loca", glyfAndLoca[1]);
            out.put("hmtx", hmtx(kept));
            out.put("hhea", hhea(kept.length));
            out.put("maxp", maxp(kept.length));
            out.put("head", head());
            out.put("cmap", cmap(mapping));
            out.put("post", post());
            if (tables.containsKey("name")) {
                out.put("name", name());
            }
            if (tables.containsKey("OS/2")) {
                out.put("OS/2", os2(mapping));
            }
            for (String tag : COPIED_TABLES) {
                if (tables.containsKey(tag)) {
                    out.put(tag, copy(table(tag)));
                }
            }
            return assemble(out);
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw new FontException("the font file is truncated or damaged");
        }
    }

    /** Old glyph numbers to keep, ascending: .notdef, the given glyphs and, transitively, composite components. */
    private int[] keptGlyphs(Collection<Integer> glyphs) {
        SortedSet<Integer> kept = new TreeSet<>();
        kept.add(0);
        List<Integer> pending = new ArrayList<>(glyphs);
        while (!pending.isEmpty()) {
            int glyph = pending.remove(pending.size() - 1);
            if (kept.add(glyph) || glyph == 0) {
                for (int component : components(glyph)) {
                    if (component < glyphCount && !kept.contains(component)) {
                        pending.add(component);
                    }
                }
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The glyphs a composite glyph is built from; empty for a simple or empty glyph. */
    private List<Integer> components(int glyph) {
        int start = glyphOffset(glyph);
        int end = glyphOffset(glyph + 1);
        List<Integer> components = new ArrayList<>();
        if (end - start < 10 || readShort(start) >= 0) {
            return components;
        }
        int position = start + 10;
        int flags;
        do {
            flags = readUShort(position);
            components.add(readUShort(position + 2));
            position += componentLength(flags);
        } while ((flags & MORE_COMPONENTS) != 0);
        return components;
    }

    private static int componentLength(int flags) {
        int length = 4 + ((flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2);
        if ((flags & WE_HAVE_A_SCALE) != 0) {
            length += 2;
        } else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
            length += 4;
        } else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
            length += 8;
        }
        return length;
    }

    /** Offset of a glyph's outline in the font file. */
    private int glyphOffset(int glyph) {
        Table loca = table("loca");
        int relative = longLoca
                ? readInt(loca.offset() + 4 * glyph)
                : 2 * readUShort(loca.offset() + 2 * glyph);
        return table("glyf").offset() + relative;
    }

    /** The new glyf table (each outline padded to 4 bytes, composite references renumbered) and its long loca. */
    private byte[][] glyfAndLoca(int[] kept, int[] newIds) {
        ByteArrayOutputStream glyf = new ByteArrayOutputStream();
        ByteBuffer loca = ByteBuffer.allocate(4 * (kept.length + 1));
        for (int glyph : kept) {
            loca.putInt(glyf.size());
            int start = glyphOffset(glyph);
            int length = glyphOffset(glyph + 1) - start;
            if (length <= 0) {
                continue;
            }
            byte[] outline = Arrays.copyOfRange(font, start, start + length);
            if (readShort(start) < 0) {
                ByteBuffer composite = ByteBuffer.wrap(outline);
                int position = 10;
                int flags;
                do {
                    flags = Short.toUnsignedInt(composite.getShort(position));
                    int component = Short.toUnsignedInt(composite.getShort(position + 2));
                    composite.putShort(position + 2, (short) newIds[component]);
                    position += componentLength(flags);
                } while ((flags & MORE_COMPONENTS) != 0);
            }
            glyf.writeBytes(outline);
            glyf.writeBytes(new byte[padding(length)]);
        }
        loca.putInt(glyf.size());
        return new byte[][] {glyf.toByteArray(), loca.array()};
    }

    /** One full metric (advance width, left side bearing) per kept glyph. */
    private byte[] hmtx(int[] kept) {
        int offset = table("hmtx").offset();
        int lastAdvance = readUShort(offset + 4 * (horizontalMetricCount - 1));
        ByteBuffer hmtx = ByteBuffer.allocate(4 * kept.length);
        for (int glyph : kept) {
            if (glyph < horizontalMetricCount) {
                hmtx.putInt(readInt(offset + 4 * glyph));
            } else {
                hmtx.putShort((short) lastAdvance);
                hmtx.putShort(readShort(offset + 4 * horizontalMetricCount + 2 * (glyph - horizontalMetricCount)));
            }
        }
        return hmtx.array();
    }

    private byte[] hhea(int glyphs) {
        byte[] hhea = copy(table("hhea"));
        ByteBuffer.wrap(hhea).putShort(34, (short) glyphs); // numberOfHMetrics
        return hhea;
    }

    private byte[] maxp(int glyphs) {
        byte[] maxp = copy(table("maxp"));
        ByteBuffer.wrap(maxp).putShort(4, (short) glyphs); // numGlyphs; the maxima stay valid upper bounds
        return maxp;
    }

    private byte[] head() {
        byte[] head = copy(table("head"));
        ByteBuffer buffer = ByteBuffer.wrap(head);
        buffer.putInt(HEAD_CHECKSUM_ADJUSTMENT, 0);
        buffer.putShort(HEAD_INDEX_TO_LOC_FORMAT, (short) 1);
        return head;
    }

    /** Format 4 for the BMP characters, format 12 for all of them when any lies above U+FFFF. */
    private static byte[] cmap(SortedMap<Integer, Integer> mapping) throws FontException {
        byte[] format4 = format4(mapping.headMap(0x10000));
        boolean supplementary = !mapping.isEmpty() && mapping.lastKey() > 0xFFFF;
        byte[] format12 = supplementary ? format12(mapping) : null;
        int records = supplementary ? 4 : 2;
        int headerLength = 4 + 8 * records;
        ByteBuffer cmap = ByteBuffer.allocate(headerLength + format4.length + (supplementary ? format12.length : 0));
        cmap.putShort((short) 0).putShort((short) records);
        int format12Offset = headerLength + format4.length;
        cmap.putShort((short) 0).putShort((short) 3).putInt(headerLength); // Unicode BMP
        if (supplementary) {
            cmap.putShort((short) 0).putShort((short) 4).putInt(format12Offset); // Unicode full repertoire
        }
        cmap.putShort((short) 3).putShort((short) 1).putInt(headerLength); // Windows BMP
        if (supplementary) {
            cmap.putShort((short) 3).putShort((short) 10).putInt(format12Offset); // Windows full repertoire
        }
        cmap.put(format4);
        if (supplementary) {
            cmap.put(format12);
        }
        return cmap.array();
    }

    /** Segments of consecutive characters with consecutive glyph numbers, each mapped by idDelta. */
    private static byte[] format4(SortedMap<Integer, Integer> mapping) throws FontException {
        List<int[]> segments = new ArrayList<>(); // start, end, delta
        for (Map.Entry<Integer, Integer> entry : mapping.entrySet()) {
            int codePoint = entry.getKey();
            int glyph = entry.getValue();
            int[] last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last != null && last[1] == codePoint - 1 && last[2] == glyph - codePoint) {
                last[1] = codePoint;
            } else {
                segments.add(new int[] {codePoint, codePoint, glyph - codePoint});
            }
        }
        if (segments.isEmpty() || segments.get(segments.size() - 1)[1] != 0xFFFF) {
            segments.add(new int[] {0xFFFF, 0xFFFF, 1}); // the required last segment, mapping to glyph 0
        }
        int count = segments.size();
        int length = 16 + 8 * count;
        if (length > 0xFFFF) {
            throw new FontException("the subset needs " + count + " character ranges; a format 4 character map holds"
                    + " at most " + (0xFFFF - 16) / 8);
        }
        int power = Integer.highestOneBit(count);
        ByteBuffer table = ByteBuffer.allocate(length);
        table.putShort((short) 4).putShort((short) length).putShort((short) 0);
        table.putShort((short) (2 * count)).putShort((short) (2 * power));
        table.putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) (2 * count - 2 * power));
        segments.forEach(segment -> table.putShort((short) segment[1]));
        table.putShort((short) 0); // reservedPad
        segments.forEach(segment -> table.putShort((short) segment[0]));
        segments.forEach(segment -> table.putShort((short) segment[2]));
        segments.forEach(segment -> table.putShort((short) 0)); // idRangeOffset
        return table.array();
    }

    /** Groups of consecutive characters with consecutive glyph numbers. */
    private static byte[] format12(SortedMap<Integer, Integer> mapping) {
        List<int[]> groups = new ArrayList<>(); // start, end, first glyph
        for (Map.Entry<Integer, Integer> entry : mapping.entrySet()) {
            int codePoint = entry.getKey();
            int glyph = entry.getValue();
            int[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last[1] == codePoint - 1 && last[2] + (codePoint - last[0]) == glyph) {
                last[1] = codePoint;
            } else {
                groups.add(new int[] {codePoint, codePoint, glyph});
            }
        }
        int length = 16 + 12 * groups.size();
        ByteBuffer table = ByteBuffer.allocate(length);
        table.putShort((short) 12).putShort((short) 0).putInt(length).putInt(0).putInt(groups.size());
        groups.forEach(group -> table.putInt(group[0]).putInt(group[1]).putInt(group[2]));
        return table.array();
    }

    /** Format 3: the header only, no glyph names. */
    private byte[] post() {
        ByteBuffer post = ByteBuffer.allocate(32);
        post.putInt(0x00030000);
        if (tables.containsKey("post")) {
            int offset = table("post").offset();
            post.putInt(readInt(offset + 4)); // italicAngle
            post.putShort(readShort(offset + 8)); // underlinePosition
            post.putShort(readShort(offset + 10)); // underlineThickness
            post.putInt(readInt(offset + 12)); // isFixedPitch
        }
        return post.array();
    }

    /** The naming records a word processor and a PDF reader use to identify the font, format 0. */
    private byte[] name() {
        int offset = table("name").offset();
        int count = readUShort(offset + 2);
        int storage = offset + readUShort(offset + 4);
        List<int[]> records = new ArrayList<>(); // platform, encoding, language, name id, length, old offset
        for (int i = 0; i < count; i++) {
            int record = offset + 6 + 12 * i;
            int nameId = readUShort(record + 6);
            if (KEPT_NAME_IDS.contains(nameId)) {
                records.add(new int[] {readUShort(record), readUShort(record + 2), readUShort(record + 4), nameId,
                        readUShort(record + 8), readUShort(record + 10)});
            }
        }
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        int headerLength = 6 + 12 * records.size();
        ByteBuffer header = ByteBuffer.allocate(headerLength);
        header.putShort((short) 0).putShort((short) records.size()).putShort((short) headerLength);
        for (int[] record : records) {
            header.putShort((short) record[0]).putShort((short) record[1]).putShort((short) record[2]);
            header.putShort((short) record[3]).putShort((short) record[4]).putShort((short) strings.size());
            strings.write(font, storage + record[5], record[4]);
        }
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        name.writeBytes(header.array());
        name.writeBytes(strings.toByteArray());
        return name.toByteArray();
    }

    /** OS/2 with the first and last character of the subset. */
    private byte[] os2(SortedMap<Integer, Integer> mapping) {
        byte[] os2 = copy(table("OS/2"));
        if (!mapping.isEmpty() && os2.length >= 68) {
            ByteBuffer.wrap(os2)
                    .putShort(64, (short) Math.min(mapping.firstKey(), 0xFFFF)) // usFirstCharIndex
                    .putShort(66, (short) Math.min(mapping.lastKey(), 0xFFFF)); // usLastCharIndex
        }
        return os2;
    }

    /** The font file: offset table, table records sorted by tag, tables 4-byte aligned, head's adjustment set. */
    private static byte[] assemble(Map<String, byte[]> tables) {
        int count = tables.size();
        int power = Integer.highestOneBit(count);
        int directoryLength = 12 + 16 * count;
        int length = directoryLength;
        for (byte[] table : tables.values()) {
            length += table.length + padding(table.length);
        }
        ByteBuffer file = ByteBuffer.allocate(length);
        file.putInt(0x00010000).putShort((short) count);
        file.putShort((short) (16 * power)).putShort((short) Integer.numberOfTrailingZeros(power));
        file.putShort((short) (16 * count - 16 * power));
        int offset = directoryLength;
        int headOffset = 0;
        for (Map.Entry<String, byte[]> entry : tables.entrySet()) {
            byte[] table = entry.getValue();
            file.put(entry.getKey().getBytes(StandardCharsets.ISO_8859_1));
            file.putInt((int) checksum(table, 0, table.length));
            file.putInt(offset).putInt(table.length);
            if (entry.getKey().equals("head")) {
                headOffset = offset;
            }
            int position = file.position();
            file.position(offset);
            file.put(table);
            offset += table.length + padding(table.length);
            file.position(position);
        }
        byte[] bytes = file.array();
        long adjustment = (CHECKSUM_MAGIC - checksum(bytes, 0, bytes.length)) & 0xFFFFFFFFL;
        ByteBuffer.wrap(bytes).putInt(headOffset + HEAD_CHECKSUM_ADJUSTMENT, (int) adjustment);
        return bytes;
    }

    /** The TrueType checksum: the sum of big-endian 32-bit words, the last one zero-padded. */
    static long checksum(byte[] data, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 4) {
            long word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < length ? data[offset + i + j] & 0xFF : 0);
            }
            sum += word;
        }
        return sum & 0xFFFFFFFFL;
    }

    private static int padding(int length) {
        return (4 - length % 4) % 4;
    }

    private Table table(String tag) {
        return tables.get(tag);
    }

    private byte[] copy(Table table) {
        return Arrays.copyOfRange(font, table.offset(), table.offset() + table.length());
    }

    private int readInt(int offset) {
        return ((font[offset] & 0xFF) << 24) | ((font[offset + 1] & 0xFF) << 16)
                | ((font[offset + 2] & 0xFF) << 8) | (font[offset + 3] & 0xFF);
    }

    private short readShort(int offset) {
        return (short) readUShort(offset);
    }

    private int readUShort(int offset) {
        return ((font[offset] & 0xFF) << 8) | (font[offset + 1] & 0xFF);
    }

    /** The font's own character to glyph map, read from its best Unicode subtable (format 12, else format 4). */
    private static final class CharacterMap {
        private final int[] starts;
        private final int[] ends;
        private final int[] firstGlyphs;
        private final ByteBuffer format4; // null when the map is read from format 12
        private final int format4Offset;

        private CharacterMap(int[] starts, int[] ends, int[] firstGlyphs, ByteBuffer format4, int format4Offset) {
            this.starts = starts;
            this.ends = ends;
            this.firstGlyphs = firstGlyphs;
            this.format4 = format4;
            this.format4Offset = format4Offset;
        }

        static CharacterMap read(ByteBuffer data, Table cmap) throws FontException {
            int count = Short.toUnsignedInt(data.getShort(cmap.offset() + 2));
            int format12 = -1;
            int format4 = -1;
            for (int i = 0; i < count; i++) {
                int record = cmap.offset() + 4 + 8 * i;
                int platform = Short.toUnsignedInt(data.getShort(record));
                int encoding = Short.toUnsignedInt(data.getShort(record + 2));
                int subtable = cmap.offset() + data.getInt(record + 4);
                int format = Short.toUnsignedInt(data.getShort(subtable));
                boolean unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
                if (unicode && format == 12 && format12 < 0) {
                    format12 = subtable;
                } else if (unicode && format == 4 && format4 < 0) {
                    format4 = subtable;
                }
            }
            if (format12 >= 0) {
                int groups = data.getInt(format12 + 12);
                int[] starts = new int[groups];
                int[] ends = new int[groups];
                int[] glyphs = new int[groups];
                for (int i = 0; i < groups; i++) {
                    int group = format12 + 16 + 12 * i;
                    starts[i] = data.getInt(group);
                    ends[i] = data.getInt(group + 4);
                    glyphs[i] = data.getInt(group + 8);
                }
                return new CharacterMap(starts, ends, glyphs, null, 0);
            }
            if (format4 >= 0) {
                int segments = Short.toUnsignedInt(data.getShort(format4 + 6)) / 2;
                int[] starts = new int[segments];
                int[] ends = new int[segments];
                for (int i = 0; i < segments; i++) {
                    ends[i] = Short.toUnsignedInt(data.getShort(format4 + 14 + 2 * i));
                    starts[i] = Short.toUnsignedInt(data.getShort(format4 + 16 + 2 * segments + 2 * i));
                }
                return new CharacterMap(starts, ends, null, data, format4);
            }
            throw new FontException("the font has no Unicode character map (cmap format 4 or 12)");
        }

        int glyphId(int codePoint) {
            int segment = Arrays.binarySearch(ends, codePoint);
            if (segment < 0) {
                segment = -segment - 1;
            }
            if (segment >= ends.length || codePoint < starts[segment]) {
                return 0;
            }
            if (format4 == null) {
                return firstGlyphs[segment] + (codePoint - starts[segment]);
            }
            int segments = ends.length;
            int deltaAt = format4Offset + 16 + 4 * segments + 2 * segment;
            int rangeOffsetAt = deltaAt + 2 * segments;
            int delta = format4.getShort(deltaAt);
            int rangeOffset = Short.toUnsignedInt(format4.getShort(rangeOffsetAt));
            if (rangeOffset == 0) {
                return (codePoint + delta) & 0xFFFF;
            }
            int glyph = Short.toUnsignedInt(format4.getShort(rangeOffsetAt + rangeOffset
                    + 2 * (codePoint - starts[segment])));
            return glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
        }
    }
}
