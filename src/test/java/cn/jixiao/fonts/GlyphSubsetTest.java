package cn.jixiao.fonts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static cn.jixiao.testing.TrueTypePrograms.outline;
import static cn.jixiao.testing.TrueTypePrograms.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subsets for a PDF hold the glyphs asked for, renumbered, and say which glyph of the full font each one is; the union
 * of several such subsets (the combined PDF's shared font) does too. Every glyph draws as in the full font.
 */
class GlyphSubsetTest {

    private static final String FORM_TEXT = "项目支出绩效自评表（2023年度）执行率 95%";
    private static final String OTHER_FORM_TEXT = "项目支出绩效自评汇总表 100%";

    private static byte[] noto;
    private static TrueTypeSubsetter notoSubsetter;
    private static TrueTypeFont notoFont;

    @BeforeAll
    static void readFont() throws Exception {
        noto = Files.readAllBytes(Path.of("fonts", "NotoSerifSC-Regular.ttf"));
        notoSubsetter = new TrueTypeSubsetter(noto);
        notoFont = parse(noto);
    }

    @Test
    void aGlyphSubsetHoldsNotdefAndTheGlyphsAskedInTheFullFontsOrder() throws Exception {
        BitSet asked = glyphs(FORM_TEXT);

        GlyphSubset subset = notoSubsetter.subsetGlyphs(asked);

        TreeSet<Integer> expected = new TreeSet<>(asked.stream().boxed().toList());
        expected.add(0);
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), subset.originalGlyphs());
        TrueTypeFont program = parse(subset.font());
        assertEquals(expected.size(), program.getNumberOfGlyphs());
        assertFalse(program.getTableMap().containsKey("cmap"), "a PDF draws by glyph number, not by character");
        drawsAsTheFullFont(program, subset.originalGlyphs(), notoFont);
    }

    @Test
    void theCidToGidMapSendsEachGlyphOfTheFullFontToItsNumberInTheSubset() throws Exception {
        GlyphSubset subset = notoSubsetter.subsetGlyphs(glyphs(FORM_TEXT));

        ByteBuffer map = ByteBuffer.wrap(subset.cidToGidMap());

        int[] original = subset.originalGlyphs();
        assertEquals(2 * (original[original.length - 1] + 1), map.capacity());
        for (int glyph = 0; glyph < original.length; glyph++) {
            assertEquals(glyph, map.getShort(2 * original[glyph]), "CID " + original[glyph]);
        }
        int table = notoSubsetter.glyphId('表');
        assertEquals(0, map.getShort(2 * (table + 1)), "a glyph not kept draws .notdef");
        assertArrayEquals(original, GlyphSubset.originalGlyphs(subset.cidToGidMap()));
    }

    @Test
    void theGlyphsAreReadBackFromAMapWhereverTheyLie() {
        // CIDs below 256 (only the low byte set), multiples of 256 (only the high byte), either side of 2048 (the
        // map's bytes are searched in runs of 4096), and the map's last entry.
        TreeSet<Integer> cids = new TreeSet<>(List.of(0, 1, 2, 255, 256, 512, 2047, 2048, 2049, 4096, 40000));
        for (int cid = 3000; cids.size() < 300; cid += 97) {
            cids.add(cid);
        }
        int[] original = cids.stream().mapToInt(Integer::intValue).toArray();

        byte[] map = new GlyphSubset(new byte[0], original).cidToGidMap();

        assertArrayEquals(original, GlyphSubset.originalGlyphs(map));
        assertArrayEquals(original, GlyphSubset.originalGlyphs(Arrays.copyOf(map, map.length + 1)),
                "a stray last byte is no entry");
    }

    @Test
    void aCompositeGlyphKeepsItsComponentWhichTheMapAlsoNumbers() throws Exception {
        byte[] tiny = TinyTrueType.font();
        BitSet composite = new BitSet();
        composite.set(3); // draws glyph 2, the square

        GlyphSubset subset = new TrueTypeSubsetter(tiny).subsetGlyphs(composite);

        assertArrayEquals(new int[] {0, 2, 3}, subset.originalGlyphs());
        drawsAsTheFullFont(parse(subset.font()), subset.originalGlyphs(), parse(tiny));
        assertNotEquals(List.of(), outline(parse(subset.font()), 2), "the composite draws its component");
    }

    @Test
    void theUnionOfSubsetsHoldsEachGlyphOnceDrawnAsInTheFullFont() throws Exception {
        GlyphSubset first = notoSubsetter.subsetGlyphs(glyphs(FORM_TEXT));
        GlyphSubset second = notoSubsetter.subsetGlyphs(glyphs(OTHER_FORM_TEXT));
        TrueTypeGlyphUnion union = new TrueTypeGlyphUnion();

        union.add(first.font(), first.originalGlyphs());
        union.add(second.font(), second.originalGlyphs());
        union.add(first.font(), first.originalGlyphs());
        GlyphSubset shared = union.font();

        BitSet both = glyphs(FORM_TEXT + OTHER_FORM_TEXT);
        both.set(0);
        assertArrayEquals(both.stream().toArray(), shared.originalGlyphs());
        TrueTypeFont program = parse(shared.font());
        assertEquals(both.cardinality(), program.getNumberOfGlyphs());
        drawsAsTheFullFont(program, shared.originalGlyphs(), notoFont);
    }

    @Test
    void theUnionHoldsASubsetOnceEachOfItsGlyphsIsAdded() throws Exception {
        GlyphSubset first = notoSubsetter.subsetGlyphs(glyphs(FORM_TEXT));
        GlyphSubset second = notoSubsetter.subsetGlyphs(glyphs(OTHER_FORM_TEXT));
        GlyphSubset part = notoSubsetter.subsetGlyphs(glyphs("项目支出"));
        TrueTypeGlyphUnion union = new TrueTypeGlyphUnion();
        assertFalse(union.holdsAll(first.originalGlyphs()), "an empty union holds nothing");

        union.add(first.font(), first.originalGlyphs());

        assertTrue(union.holdsAll(first.originalGlyphs()));
        assertTrue(union.holdsAll(part.originalGlyphs()), "a subset of the same glyphs or fewer");
        assertFalse(union.holdsAll(second.originalGlyphs()), "汇总 is not held yet");
        int[] unnumbered = first.originalGlyphs().clone();
        unnumbered[1] = -1;
        assertFalse(union.holdsAll(unnumbered), "a subset with an unnumbered glyph, which add refuses");
    }

    @Test
    void theUnionRenumbersTheComponentsOfCompositeGlyphs() throws Exception {
        byte[] tiny = TinyTrueType.font();
        TrueTypeSubsetter subsetter = new TrueTypeSubsetter(tiny);
        BitSet triangle = new BitSet();
        triangle.set(1);
        BitSet composite = new BitSet();
        composite.set(3);
        GlyphSubset withTriangle = subsetter.subsetGlyphs(triangle);
        GlyphSubset withComposite = subsetter.subsetGlyphs(composite);
        TrueTypeGlyphUnion union = new TrueTypeGlyphUnion();

        union.add(withComposite.font(), withComposite.originalGlyphs());
        union.add(withTriangle.font(), withTriangle.originalGlyphs());
        GlyphSubset shared = union.font();

        assertArrayEquals(new int[] {0, 1, 2, 3}, shared.originalGlyphs());
        drawsAsTheFullFont(parse(shared.font()), shared.originalGlyphs(), parse(tiny));
    }

    @Test
    void theUnionRefusesSubsetsOfDifferentFontsAndUnnumberedGlyphs() throws Exception {
        GlyphSubset form = notoSubsetter.subsetGlyphs(glyphs(FORM_TEXT));
        BitSet square = new BitSet();
        square.set(2);
        GlyphSubset tiny = new TrueTypeSubsetter(TinyTrueType.font()).subsetGlyphs(square);
        TrueTypeGlyphUnion union = new TrueTypeGlyphUnion();
        union.add(form.font(), form.originalGlyphs());

        FontException otherFont = assertThrows(FontException.class,
                () -> union.add(tiny.font(), tiny.originalGlyphs()));
        assertEquals("the font programs are subsets of different fonts", otherFont.getMessage());
        int[] unnumbered = form.originalGlyphs().clone();
        unnumbered[1] = -1;
        FontException mismatch = assertThrows(FontException.class, () -> union.add(form.font(), unnumbered));
        assertEquals("the font program has " + unnumbered.length + " glyphs, but " + (unnumbered.length - 1)
                + " are numbered", mismatch.getMessage());
    }

    /** Each glyph of the program has the outline and advance of its glyph in the full font. */
    private static void drawsAsTheFullFont(TrueTypeFont program, int[] originalGlyphs, TrueTypeFont full)
            throws IOException {
        for (int glyph = 0; glyph < originalGlyphs.length; glyph++) {
            assertEquals(outline(full, originalGlyphs[glyph]), outline(program, glyph),
                    "outline of glyph " + originalGlyphs[glyph]);
            assertEquals(full.getAdvanceWidth(originalGlyphs[glyph]), program.getAdvanceWidth(glyph),
                    "advance of glyph " + originalGlyphs[glyph]);
        }
    }

    private static BitSet glyphs(String text) {
        BitSet glyphs = new BitSet();
        text.codePoints().map(notoSubsetter::glyphId).forEach(glyphs::set);
        return glyphs;
    }
}
