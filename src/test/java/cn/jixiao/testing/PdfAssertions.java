package cn.jixiao.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;

/** What every PDF we write must be, whatever it shows. */
public final class PdfAssertions {

    /** The PostScript names of the fonts shipped in {@code fonts/}: Noto Serif SC Regular and Bold. */
    public static final Set<String> SHIPPED_FONTS = Set.of("NotoSerifSC-Regular", "NotoSerifSC-Bold");

    private PdfAssertions() {
    }

    /**
     * Every font is embedded (it prints the same on any machine) as a subset (the file stays small), and it is one of
     * the shipped fonts: no viewer ever substitutes a font of its own.
     */
    public static void assertOnlyShippedFontsEmbeddedAsSubsets(PdfFile pdf, String what) {
        Set<PdfFile.Font> fonts = pdf.fonts();
        assertFalse(fonts.isEmpty(), what + " uses fonts");
        for (PdfFile.Font font : fonts) {
            assertTrue(font.embedded(), what + ": font " + font.name() + " is embedded");
            assertTrue(font.subset(), what + ": font " + font.name() + " is a subset (ABCDEF+ prefix)");
        }
        Set<String> names = fonts.stream().map(PdfFile.Font::baseName).collect(Collectors.toSet());
        assertTrue(SHIPPED_FONTS.containsAll(names), what + " uses only the shipped fonts, not " + names);
    }

    /** Each page is A4 portrait: 595 × 842 points. */
    public static void assertA4Portrait(PdfFile pdf, String what) {
        for (int page = 1; page <= pdf.pageCount(); page++) {
            assertEquals(595, Math.round(pdf.pageSize(page).getWidth()), what + " page " + page + " width");
            assertEquals(842, Math.round(pdf.pageSize(page).getHeight()), what + " page " + page + " height");
        }
    }
}
