package cn.jixiao.fonts;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Cuts a TrueType font (glyf outlines) down to the glyphs of a set of characters, so that a Word document embeds a few
 * hundred kilobytes instead of a 15 MB CJK font; or down to a set of glyphs, for a PDF ({@link #subsetGlyphs}).
 *
 * <p>Why by hand: Apache FontBox's {@code TTFSubsetter}, the Java library that subsets TrueType fonts, writes a
 * format 4 character map only and refuses any character above U+FFFF ("non-BMP Unicode character"), and those are
 * exactly the characters a fallback font is embedded for: the 生僻字 of CJK Extension B and later (𠀀 U+20000). POI
 * has no subsetter.
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
 * <p>An instance reads the font's table directory and character map once, and prepares the tables that do not
 * depend on the characters; it is then safe to use from any number of threads. {@link #open} maps the file instead of
 * reading it into the heap: a CJK font is 15 MB and a subset reads a few hundred of its glyphs.
 */
public final class TrueTypeSubsetter {

    /** Tables copied unchanged: they do not refer to glyph numbers. */
    private static final Set<String> COPIED_TABLES = Set.of("cvt ", "fpgm", "prep", "gasp");

    /** Naming records kept: copyright, family, style, unique id, full name, version, PostScript name, licence. */
    private static final Set<Integer> KEPT_NAME_IDS = Set.of(0, 1, 2, 3, 4, 5, 6, 13, 14, 16, 17);

    private static final int HEAD_CHECKSUM_ADJUSTMENT = 8;
    private static final int HEAD_MAC_STYLE = 44;
    private static final int HEAD_INDEX_TO_LOC_FORMAT = 50;
    private static final long CHECKSUM_MAGIC = 0xB1B0AFBAL;

    // Composite glyph component flags (glyf table).
    private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
    private static final int WE_HAVE_A_SCALE = 0x0008;
    private static final int MORE_COMPONENTS = 0x0020;
    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
    private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;

    /** The whole font file, big-endian; only absolute reads, so one buffer serves every thread. */
    private final ByteBuffer font;
    private final CharacterMap characterMap;
    private final int glyphCount;
    private final boolean longLoca;
    private final int horizontalMetricCount;
    private final int locaOffset;
    private final int glyfOffset;
    private final int hmtxOffset;
    /** Tables the same in every subset, by tag: head, name, post and the hinting tables. */
    private final Map<String, byte[]> fixedTables = new TreeMap<>();
    private final byte[] hhea;
    private final byte[] maxp;
    private final byte[] os2; // null when the font has none
    private final boolean regular;

    private record Table(int offset, int length) {
    }

    /** Reads the table directory and the character map of a TrueType font file held in memory. */
    public TrueTypeSubsetter(byte[] font) throws FontException {
        this(ByteBuffer.wrap(font));
    }

    /**
     * Maps a TrueType font file read-only: its bytes are read from the file system's cache as the subsets need them,
     * not copied into the heap. The file must not change while the subsetter is in use.
     */
    public static TrueTypeSubsetter open(Path file) throws IOException, FontException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new FontException("the font file is larger than 2 GB");
            }
            return new TrueTypeSubsetter(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    private TrueTypeSubsetter(ByteBuffer font) throws FontException {
        this.font = font;
        try {
            int version = font.getInt(0);
            if (version == 0x74746366) { // 'ttcf'
                throw new FontException("font collections (.ttc) cannot be subset; use a single .ttf file");
            }
            if (version == 0x4F54544F) { // 'OTTO'
                throw new FontException("the font has PostScript (CFF) outlines; only TrueType outlines can be subset");
            }
            if (version != 0x00010000 && version != 0x74727565) { // 1.0 or 'true'
                throw new FontException("not a TrueType font file");
            }
            int count = Short.toUnsignedInt(font.getShort(4));
            Map<String, Table> tables = new TreeMap<>();
            byte[] tag = new byte[4];
            for (int i = 0; i < count; i++) {
                int record = 12 + 16 * i;
                font.get(record, tag);
                String name = new String(tag, StandardCharsets.ISO_8859_1);
                Table table = new Table(font.getInt(record + 8), font.getInt(record + 12));
                if (table.offset() < 0 || table.length() < 0
                        || (long) table.offset() + table.length() > font.capacity()) {
                    throw new FontException("table " + name.trim() + " lies outside the font file");
                }
                tables.put(name, table);
            }
            for (String required : List.of("head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf")) {
                if (!tables.containsKey(required)) {
                    throw new FontException("the font has no " + required + " table");
                }
            }
            this.glyphCount = Short.toUnsignedInt(font.getShort(tables.get("maxp").offset() + 4));
            this.longLoca = font.getShort(tables.get("head").offset() + HEAD_INDEX_TO_LOC_FORMAT) != 0;
            Table os2Table = tables.get("OS/2");
            int weight = os2Table == null ? 400 : Short.toUnsignedInt(font.getShort(os2Table.offset() + 4));
            int width = os2Table == null ? 5 : Short.toUnsignedInt(font.getShort(os2Table.offset() + 6));
            this.regular = (font.getShort(tables.get("head").offset() + HEAD_MAC_STYLE) & 0x3) == 0
                    && weight >= 400 && weight <= 500 && width == 5;
            this.horizontalMetricCount = Short.toUnsignedInt(font.getShort(tables.get("hhea").offset() + 34));
            this.locaOffset = tables.get("loca").offset();
            this.glyfOffset = tables.get("glyf").offset();
            this.hmtxOffset = tables.get("hmtx").offset();
            this.characterMap = CharacterMap.read(font, tables.get("cmap"));
            this.hhea = copy(tables.get("hhea"));
            this.maxp = copy(tables.get("maxp"));
            this.os2 = tables.containsKey("OS/2") ? copy(tables.get("OS/2")) : null;
            fixedTables.put("head", head(copy(tables.get("head"))));
            fixedTables.put("post", post(tables.get("post")));
            if (tables.containsKey("name")) {
                fixedTables.put("name", name(tables.get("name")));
            }
            for (String copied : COPIED_TABLES) {
                if (tables.containsKey(copied)) {
                    fixedTables.put(copied, copy(tables.get(copied)));
                }
            }
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

    /**
     * Whether the font is a regular face: neither bold nor italic ({@code head.macStyle}), of normal or medium weight
     * and normal width ({@code OS/2}).
     */
    public boolean isRegular() {
        return regular;
    }

    /** A font holding only the glyphs of these characters (plus .notdef and composite components). */
    public byte[] subset(Set<Integer> codePoints) throws FontException {
        BitSet set = new BitSet();
        codePoints.forEach(set::set);
        return subset(set);
    }

    /** A font holding only the glyphs of the characters set here (plus .notdef and composite components). */
    public byte[] subset(BitSet codePoints) throws FontException {
        try {
            int[] characters = new int[codePoints.cardinality()];
            int[] oldGlyphs = new int[characters.length];
            int mapped = 0;
            for (int codePoint = codePoints.nextSetBit(0); codePoint >= 0;
                 codePoint = codePoints.nextSetBit(codePoint + 1)) {
                int glyph = characterMap.glyphId(codePoint);
                if (glyph != 0 && glyph < glyphCount) {
                    characters[mapped] = codePoint;
                    oldGlyphs[mapped++] = glyph;
                }
            }
            int[] kept = keptGlyphs(oldGlyphs, mapped);
            int[] newGlyphs = new int[mapped]; // per character, ascending by code point
            for (int i = 0; i < mapped; i++) {
                newGlyphs[i] = Arrays.binarySearch(kept, oldGlyphs[i]);
            }
            characters = Arrays.copyOf(characters, mapped);

            Map<String, byte[]> out = glyphTables(kept);
            out.put("cmap", cmap(characters, newGlyphs));
            if (os2 != null) {
                out.put("OS/2", os2(characters));
            }
            return assemble(out);
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw new FontException("the font file is truncated or damaged");
        }
    }

    /**
     * A font holding only these glyphs (plus .notdef and composite components), for a PDF: a PDF draws a TrueType
     * font by glyph number, through the {@code /CIDToGIDMap} of {@link GlyphSubset#cidToGidMap}, so the subset has
     * no character map ({@code cmap}, {@code OS/2}). Its cost grows with the glyphs kept, not with the font's.
     *
     * @param glyphs glyph numbers of the full font; those the font does not have are left out
     */
    public GlyphSubset subsetGlyphs(BitSet glyphs) throws FontException {
        try {
            int[] asked = glyphs.stream().filter(glyph -> glyph < glyphCount).toArray();
            int[] kept = keptGlyphs(asked, asked.length);
            return new GlyphSubset(assemble(glyphTables(kept)), kept);
        } catch (IndexOutOfBoundsException | BufferUnderflowException e) {
            throw new FontException("the font file is truncated or damaged");
        }
    }

    /**
     * The tables of a subset that hold or count the glyphs, and the fixed ones; without character map.
     *
     * @param kept the old numbers of the glyphs kept, ascending: a glyph's new number is its index here
     */
    private Map<String, byte[]> glyphTables(int[] kept) {
        Map<String, byte[]> out = new TreeMap<>(fixedTables);
        byte[][] glyfAndLoca = glyfAndLoca(kept);
        out.put("glyf", glyfAndLoca[0]);
        out.put("loca", glyfAndLoca[1]);
        out.put("hmtx", hmtx(kept));
        out.put("hhea", withShort(hhea, 34, kept.length)); // numberOfHMetrics
        out.put("maxp", withShort(maxp, 4, kept.length)); // numGlyphs; the maxima stay valid upper bounds
        return out;
    }

    /** Old glyph numbers to keep, ascending: .notdef, the given glyphs and, transitively, composite components. */
    private int[] keptGlyphs(int[] glyphs, int count) {
        BitSet kept = new BitSet(glyphCount);
        int[] pending = new int[Math.max(16, count + 1)];
        int size = 0;
        pending[size++] = 0;
        for (int i = 0; i < count; i++) {
            pending[size++] = glyphs[i];
        }
        while (size > 0) {
            int glyph = pending[--size];
            if (kept.get(glyph)) {
                continue;
            }
            kept.set(glyph);
            for (int component : components(glyph)) {
                if (component < glyphCount && !kept.get(component)) {
                    if (size == pending.length) {
                        pending = Arrays.copyOf(pending, 2 * size);
                    }
                    pending[size++] = component;
                }
            }
        }
        return kept.stream().toArray();
    }

    /** The glyphs a composite glyph is built from; empty for a simple or empty glyph. */
    private List<Integer> components(int glyph) {
        int start = glyphOffset(glyph);
        int end = glyphOffset(glyph + 1);
        if (end - start < 10 || font.getShort(start) >= 0) {
            return List.of();
        }
        List<Integer> components = new ArrayList<>();
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
        int relative = longLoca ? font.getInt(locaOffset + 4 * glyph) : 2 * readUShort(locaOffset + 2 * glyph);
        return glyfOffset + relative;
    }

    /** The new glyf table (each outline padded to 4 bytes, composite references renumbered) and its long loca. */
    private byte[][] glyfAndLoca(int[] kept) {
        int[] starts = new int[kept.length];
        int[] lengths = new int[kept.length];
        int total = 0;
        for (int i = 0; i < kept.length; i++) {
            starts[i] = glyphOffset(kept[i]);
            lengths[i] = Math.max(0, glyphOffset(kept[i] + 1) - starts[i]);
            total += lengths[i] + padding(lengths[i]);
        }
        byte[] glyf = new byte[total];
        ByteBuffer loca = ByteBuffer.allocate(4 * (kept.length + 1));
        int position = 0;
        for (int i = 0; i < kept.length; i++) {
            loca.putInt(position);
            if (lengths[i] == 0) {
                continue;
            }
            font.get(starts[i], glyf, position, lengths[i]);
            renumberComponents(glyf, position, lengths[i], old -> Arrays.binarySearch(kept, old));
            position += lengths[i] + padding(lengths[i]);
        }
        loca.putInt(position);
        return new byte[][] {glyf, loca.array()};
    }

    /**
     * Renumbers, in place, the glyphs a composite glyph's outline refers to; a simple or empty outline is left as it
     * is.
     */
    static void renumberComponents(byte[] glyf, int offset, int length, IntUnaryOperator newGlyph) {
        ByteBuffer outline = ByteBuffer.wrap(glyf);
        if (length < 10 || outline.getShort(offset) >= 0) {
            return;
        }
        int component = offset + 10;
        int flags;
        do {
            flags = Short.toUnsignedInt(outline.getShort(component));
            int old = Short.toUnsignedInt(outline.getShort(component + 2));
            outline.putShort(component + 2, (short) newGlyph.applyAsInt(old));
            component += componentLength(flags);
        } while ((flags & MORE_COMPONENTS) != 0);
    }

    /** One full metric (advance width, left side bearing) per kept glyph. */
    private byte[] hmtx(int[] kept) {
        int lastAdvance = readUShort(hmtxOffset + 4 * (horizontalMetricCount - 1));
        ByteBuffer hmtx = ByteBuffer.allocate(4 * kept.length);
        for (int glyph : kept) {
            if (glyph < horizontalMetricCount) {
                hmtx.putInt(font.getInt(hmtxOffset + 4 * glyph));
            } else {
                hmtx.putShort((short) lastAdvance);
                hmtx.putShort(font.getShort(hmtxOffset + 4 * horizontalMetricCount
                        + 2 * (glyph - horizontalMetricCount)));
            }
        }
        return hmtx.array();
    }

    static byte[] withShort(byte[] table, int offset, int value) {
        byte[] copy = table.clone();
        ByteBuffer.wrap(copy).putShort(offset, (short) value);
        return copy;
    }

    static byte[] head(byte[] head) {
        ByteBuffer buffer = ByteBuffer.wrap(head);
        buffer.putInt(HEAD_CHECKSUM_ADJUSTMENT, 0);
        buffer.putShort(HEAD_INDEX_TO_LOC_FORMAT, (short) 1);
        return head;
    }

    /**
     * Format 4 for the BMP characters, format 12 for all of them when any lies above U+FFFF.
     *
     * @param characters ascending code points
     * @param glyphs     the new glyph number of each
     */
    private static byte[] cmap(int[] characters, int[] glyphs) throws FontException {
        int bmp = 0;
        while (bmp < characters.length && characters[bmp] <= 0xFFFF) {
            bmp++;
        }
        byte[] format4 = format4(characters, glyphs, bmp);
        boolean supplementary = bmp < characters.length;
        byte[] format12 = supplementary ? format12(characters, glyphs) : null;
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
    private static byte[] format4(int[] characters, int[] glyphs, int count) throws FontException {
        List<int[]> segments = new ArrayList<>(); // start, end, delta
        for (int i = 0; i < count; i++) {
            int codePoint = characters[i];
            int glyph = glyphs[i];
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
        int segmentCount = segments.size();
        int length = 16 + 8 * segmentCount;
        if (length > 0xFFFF) {
            throw new FontException("the subset needs " + segmentCount + " character ranges; a format 4 character"
                    + " map holds at most " + (0xFFFF - 16) / 8);
        }
        int power = Integer.highestOneBit(segmentCount);
        ByteBuffer table = ByteBuffer.allocate(length);
        table.putShort((short) 4).putShort((short) length).putShort((short) 0);
        table.putShort((short) (2 * segmentCount)).putShort((short) (2 * power));
        table.putShort((short) Integer.numberOfTrailingZeros(power))
                .putShort((short) (2 * segmentCount - 2 * power));
        segments.forEach(segment -> table.putShort((short) segment[1]));
        table.putShort((short) 0); // reservedPad
        segments.forEach(segment -> table.putShort((short) segment[0]));
        segments.forEach(segment -> table.putShort((short) segment[2]));
        segments.forEach(segment -> table.putShort((short) 0)); // idRangeOffset
        return table.array();
    }

    /** Groups of consecutive characters with consecutive glyph numbers. */
    private static byte[] format12(int[] characters, int[] glyphs) {
        List<int[]> groups = new ArrayList<>(); // start, end, first glyph
        for (int i = 0; i < characters.length; i++) {
            int codePoint = characters[i];
            int glyph = glyphs[i];
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
    private byte[] post(Table original) {
        ByteBuffer post = ByteBuffer.allocate(32);
        post.putInt(0x00030000);
        if (original != null) {
            int offset = original.offset();
            post.putInt(font.getInt(offset + 4)); // italicAngle
            post.putShort(font.getShort(offset + 8)); // underlinePosition
            post.putShort(font.getShort(offset + 10)); // underlineThickness
            post.putInt(font.getInt(offset + 12)); // isFixedPitch
        }
        return post.array();
    }

    /** The naming records a word processor and a PDF reader use to identify the font, format 0. */
    private byte[] name(Table original) {
        int offset = original.offset();
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
        int headerLength = 6 + 12 * records.size();
        int stringsLength = records.stream().mapToInt(record -> record[4]).sum();
        ByteBuffer name = ByteBuffer.allocate(headerLength + stringsLength);
        name.putShort((short) 0).putShort((short) records.size()).putShort((short) headerLength);
        int stringOffset = 0;
        for (int[] record : records) {
            name.putShort((short) record[0]).putShort((short) record[1]).putShort((short) record[2]);
            name.putShort((short) record[3]).putShort((short) record[4]).putShort((short) stringOffset);
            font.get(storage + record[5], name.array(), headerLength + stringOffset, record[4]);
            stringOffset += record[4];
        }
        return name.array();
    }

    /** OS/2 with the first and last character of the subset. */
    private byte[] os2(int[] characters) {
        byte[] table = os2.clone();
        if (characters.length > 0 && table.length >= 68) {
            ByteBuffer.wrap(table)
                    .putShort(64, (short) Math.min(characters[0], 0xFFFF)) // usFirstCharIndex
                    .putShort(66, (short) Math.min(characters[characters.length - 1], 0xFFFF)); // usLastCharIndex
        }
        return table;
    }

    /** The font file: offset table, table records sorted by tag, tables 4-byte aligned, head's adjustment set. */
    static byte[] assemble(Map<String, byte[]> tables) {
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
        long tablesChecksum = 0;
        for (Map.Entry<String, byte[]> entry : tables.entrySet()) {
            byte[] table = entry.getValue();
            long checksum = checksum(table, 0, table.length);
            tablesChecksum += checksum;
            file.put(entry.getKey().getBytes(StandardCharsets.ISO_8859_1));
            file.putInt((int) checksum);
            file.putInt(offset).putInt(table.length);
            if (entry.getKey().equals("head")) {
                headOffset = offset;
            }
            file.put(offset, table);
            offset += table.length + padding(table.length);
        }
        byte[] bytes = file.array();
        // The file's checksum from the tables' and the directory's: each table starts on a word and is padded with
        // zeros, so the file's words are the directory's and the tables' (the file summed again was half the cost).
        long fileChecksum = checksum(bytes, 0, directoryLength) + tablesChecksum;
        long adjustment = (CHECKSUM_MAGIC - fileChecksum) & 0xFFFFFFFFL;
        ByteBuffer.wrap(bytes).putInt(headOffset + HEAD_CHECKSUM_ADJUSTMENT, (int) adjustment);
        return bytes;
    }

    /**
     * The TrueType checksum: the sum of big-endian 32-bit words, the last one zero-padded. The words are put together
     * from their bytes: jixiao runs on the quick compiler (C1), which does not turn {@code ByteBuffer.getInt} into a
     * load, and the checksums of each PDF's font subsets were 2% of a batch's export CPU with it
     * (bench/results/2026-12-01-s5-export.txt).
     */
    static long checksum(byte[] data, int offset, int length) {
        long sum = 0;
        int whole = offset + (length & ~3);
        for (int i = offset; i < whole; i += 4) {
            sum += ((data[i] & 0xFF) << 24 | (data[i + 1] & 0xFF) << 16 | (data[i + 2] & 0xFF) << 8 | data[i + 3] & 0xFF)
                    & 0xFFFFFFFFL;
        }
        long last = 0;
        for (int i = whole; i < whole + 4; i++) {
            last = (last << 8) | (i < offset + length ? data[i] & 0xFF : 0);
        }
        return (sum + (whole < offset + length ? last : 0)) & 0xFFFFFFFFL;
    }

    static int padding(int length) {
        return (4 - length % 4) % 4;
    }

    private byte[] copy(Table table) {
        byte[] copy = new byte[table.length()];
        font.get(table.offset(), copy);
        return copy;
    }

    private int readUShort(int offset) {
        return Short.toUnsignedInt(font.getShort(offset));
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
