package cn.jixiao.fonts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.PathIterator;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrueTypeSubsetterTest {

    private static final String FORM_TEXT = "项目支出绩效自评表（2023年度）政府批准聘用人员支出≥95 180.97212万元";
    private static final int ENCLOSED_DIGIT_ZERO_WITH_COMMA = 0x1F101; // 🄁, a Noto Serif SC glyph above U+FFFF

    private static byte[] noto;
    private static TrueTypeSubsetter notoSubsetter;

    @BeforeAll
    static void readFont() throws Exception {
        noto = Files.readAllBytes(Path.of("fonts", "NotoSerifSC-Regular.ttf"));
        notoSubsetter = new TrueTypeSubsetter(noto);
    }

    @Test
    void subsetOfAFormIsSmallAndDrawsEveryCharacterAsTheFullFontDoes() throws Exception {
        byte[] subset = notoSubsetter.subset(codePoints(FORM_TEXT));

        assertTrue(subset.length < 40_000, "a form's subset should be a few kilobytes, was " + subset.length);
        Font full = awtFont(noto);
        Font cut = awtFont(subset);
        assertEquals("Noto Serif SC", cut.getFamily(Locale.ENGLISH));
        for (int codePoint : codePoints(FORM_TEXT)) {
            assertTrue(cut.canDisplay(codePoint), "subset lacks " + Character.toString(codePoint));
            assertEquals(outline(full, codePoint), outline(cut, codePoint),
                    "outline of " + Character.toString(codePoint));
        }
        assertTrue(full.canDisplay('龙'));
        assertFalse(cut.canDisplay('龙'), "a character not asked for is not in the subset");
    }

    @Test
    void advanceWidthsAreKept() throws Exception {
        Font full = awtFont(noto).deriveFont(100f);
        Font cut = awtFont(notoSubsetter.subset(codePoints("表a1"))).deriveFont(100f);
        FontRenderContext context = new FontRenderContext(null, false, false);
        for (String text : List.of("表", "a", "1")) {
            assertEquals(full.getStringBounds(text, context).getWidth(), cut.getStringBounds(text, context).getWidth(),
                    "advance of " + text);
        }
    }

    @Test
    void charactersAboveTheBasicPlaneGetAFormat12Map() throws Exception {
        Set<Integer> codePoints = codePoints("表");
        codePoints = new java.util.HashSet<>(codePoints);
        codePoints.add(ENCLOSED_DIGIT_ZERO_WITH_COMMA);

        byte[] subset = notoSubsetter.subset(codePoints);

        Font cut = awtFont(subset);
        assertTrue(cut.canDisplay(ENCLOSED_DIGIT_ZERO_WITH_COMMA));
        assertTrue(cut.canDisplay('表'));
        assertEquals(List.of(4, 12, 4, 12), cmapFormats(subset));
        assertEquals(List.of(4, 4), cmapFormats(notoSubsetter.subset(codePoints("表"))),
                "no format 12 without a supplementary character");
    }

    @Test
    void keepsOnlyTheGlyphsAskedForAndDropsLayoutTables() throws Exception {
        byte[] subset = notoSubsetter.subset(codePoints("表表绩"));

        Map<String, int[]> tables = directory(subset);
        assertEquals(3, ByteBuffer.wrap(subset).getShort(tables.get("maxp")[1] + 4), ".notdef, 表, 绩");
        assertEquals(Set.of("OS/2", "cmap", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post",
                "prep"), tables.keySet());
        assertEquals(0x00030000, ByteBuffer.wrap(subset).getInt(tables.get("post")[1]), "post format 3");
    }

    @Test
    void everyTableChecksumAndTheWholeFileChecksumAreRight() throws Exception {
        byte[] subset = notoSubsetter.subset(codePoints(FORM_TEXT));

        for (Map.Entry<String, int[]> table : directory(subset).entrySet()) {
            int[] record = table.getValue();
            byte[] content = java.util.Arrays.copyOfRange(subset, record[1], record[1] + record[2]);
            if (table.getKey().equals("head")) {
                ByteBuffer.wrap(content).putInt(8, 0);
            }
            assertEquals(Integer.toUnsignedLong(record[0]), TrueTypeSubsetter.checksum(content, 0, content.length),
                    "checksum of " + table.getKey());
            assertEquals(0, record[1] % 4, table.getKey() + " is 4-byte aligned");
        }
        assertEquals(0xB1B0AFBAL, TrueTypeSubsetter.checksum(subset, 0, subset.length),
                "head.checkSumAdjustment makes the file sum to the magic number");
    }

    @Test
    void compositeGlyphsKeepTheirComponentsRenumbered() throws Exception {
        byte[] tiny = TinyTrueType.font();

        byte[] subset = TrueTypeSubsetter.subset(tiny, codePoints("B"));

        Map<String, int[]> tables = directory(subset);
        assertEquals(3, ByteBuffer.wrap(subset).getShort(tables.get("maxp")[1] + 4),
                ".notdef, the square the composite uses, the composite");
        Font cut = awtFont(subset);
        assertEquals(TinyTrueType.FAMILY, cut.getFamily(Locale.ENGLISH));
        assertTrue(cut.canDisplay('B'));
        assertFalse(cut.canDisplay('A'), "the component is kept as a glyph, not as a character");
        assertFalse(cut.canDisplay('C'));
        List<Double> composite = outline(cut, 'B');
        assertEquals(outline(awtFont(tiny), 'B'), composite);
        assertNotEquals(List.of(), composite, "the composite draws its component");
        assertFalse(names(subset).contains("a designer, a record the subset drops"));
        assertFalse(tables.containsKey("GSUB"));
    }

    @Test
    void theSameCharactersGiveTheSameBytes() throws Exception {
        assertArrayEquals(notoSubsetter.subset(codePoints(FORM_TEXT)),
                TrueTypeSubsetter.subset(noto, codePoints(FORM_TEXT)));
    }

    @Test
    void aMappedFontFileGivesTheSameSubsetsAsItsBytes() throws Exception {
        TrueTypeSubsetter mapped = TrueTypeSubsetter.open(Path.of("fonts", "NotoSerifSC-Regular.ttf"));

        assertArrayEquals(notoSubsetter.subset(codePoints(FORM_TEXT)), mapped.subset(codePoints(FORM_TEXT)));
        assertEquals(notoSubsetter.glyphId('表'), mapped.glyphId('表'));
    }

    @Test
    void charactersTheFontLacksAreLeftOut() throws Exception {
        Set<Integer> codePoints = new java.util.HashSet<>(codePoints("表"));
        codePoints.add(0x20000); // 𠀀, CJK Extension B: not in Noto Serif SC
        assertEquals(0, notoSubsetter.glyphId(0x20000));

        Font cut = awtFont(notoSubsetter.subset(codePoints));

        assertTrue(cut.canDisplay('表'));
        assertFalse(cut.canDisplay(0x20000));
    }

    @Test
    void refusesWhatItCannotSubset() {
        FontException notAFont = assertThrows(FontException.class,
                () -> new TrueTypeSubsetter("not a font at all".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("not a TrueType font file", notAFont.getMessage());

        byte[] cff = java.util.Arrays.copyOf(TinyTrueType.font(), 64);
        ByteBuffer.wrap(cff).putInt(0, 0x4F54544F);
        FontException postScript = assertThrows(FontException.class, () -> new TrueTypeSubsetter(cff));
        assertEquals("the font has PostScript (CFF) outlines; only TrueType outlines can be subset",
                postScript.getMessage());

        byte[] truncated = java.util.Arrays.copyOf(noto, 1000);
        assertThrows(FontException.class, () -> new TrueTypeSubsetter(truncated));
    }

    static Set<Integer> codePoints(String text) {
        return text.codePoints().boxed().collect(Collectors.toSet());
    }

    private static Font awtFont(byte[] font) throws Exception {
        return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(font));
    }

    /** The glyph's outline at 100 pt as a flat list of path segment types and coordinates. */
    private static List<Double> outline(Font font, int codePoint) {
        Shape shape = font.deriveFont(100f)
                .createGlyphVector(new FontRenderContext(null, false, false), Character.toString(codePoint))
                .getOutline();
        List<Double> path = new ArrayList<>();
        double[] coordinates = new double[6];
        for (PathIterator segments = shape.getPathIterator(null); !segments.isDone(); segments.next()) {
            path.add((double) segments.currentSegment(coordinates));
            for (double coordinate : coordinates) {
                path.add(coordinate);
            }
        }
        return path;
    }

    /** Table tag to {checksum, offset, length}. */
    private static Map<String, int[]> directory(byte[] font) {
        ByteBuffer data = ByteBuffer.wrap(font);
        Map<String, int[]> tables = new TreeMap<>();
        for (int i = 0; i < data.getShort(4); i++) {
            int record = 12 + 16 * i;
            tables.put(new String(font, record, 4, StandardCharsets.ISO_8859_1),
                    new int[] {data.getInt(record + 4), data.getInt(record + 8), data.getInt(record + 12)});
        }
        return tables;
    }

    /** The format of each cmap encoding record's subtable, in record order. */
    private static List<Integer> cmapFormats(byte[] font) {
        ByteBuffer data = ByteBuffer.wrap(font);
        int cmap = directory(font).get("cmap")[1];
        List<Integer> formats = new ArrayList<>();
        for (int i = 0; i < data.getShort(cmap + 2); i++) {
            formats.add((int) data.getShort(cmap + data.getInt(cmap + 4 + 8 * i + 4)));
        }
        return formats;
    }

    /** Every string of the name table, decoded as UTF-16. */
    private static List<String> names(byte[] font) {
        ByteBuffer data = ByteBuffer.wrap(font);
        int name = directory(font).get("name")[1];
        int storage = name + data.getShort(name + 4);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < data.getShort(name + 2); i++) {
            int record = name + 6 + 12 * i;
            strings.add(new String(font, storage + data.getShort(record + 10), data.getShort(record + 8),
                    StandardCharsets.UTF_16BE));
        }
        return strings;
    }
}
