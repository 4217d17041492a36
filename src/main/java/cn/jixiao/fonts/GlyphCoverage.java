package cn.jixiao.fonts;

import cn.jixiao.model.TextFields.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the characters of a form that its font cannot draw, and the font that draws each instead: the configured
 * fallback font when it has the character, else the first font of the machine that has it ({@link SystemFonts}). A
 * 生僻字 in a name would otherwise be left out of the document without a word.
 */
public final class GlyphCoverage {

    /**
     * A character of one input text that the body font lacks.
     *
     * @param fallback      the face that draws it instead, or {@code null} when none does
     * @param installed     whether that face was found among the machine's fonts rather than configured
     * @param systemLookup  whether the machine's fonts were asked at all
     * @param lackingFormat a document format that cannot carry the fallback's glyph and why, e.g. {@code "the DOCX
     *                      (the font has PostScript outlines)"}; {@code null} when every format carries it
     */
    public record MissingGlyph(String path, int codePoint, FontLibrary.Face body, FontLibrary.Face fallback,
                               boolean installed, boolean systemLookup, String lackingFormat) {

        public String describe() {
            String character = "character " + new String(Character.toChars(codePoint)) + " (U+"
                    + String.format("%04X", codePoint) + ") is not in font " + body.family();
            if (fallback == null) {
                return character + ": it cannot be printed and is left out; " + (systemLookup
                        ? "no font installed on this machine has it either: install one (fonts-hanazono has CJK"
                        + " Extension B to F) or name one with --fallback-font"
                        : "name a font that has it with --fallback-font");
            }
            String drawn = installed
                    ? character + "; it is drawn with " + fallback.family() + ", a font of this machine ("
                    + fallback.file() + ")"
                    : character + "; it is drawn with the fallback font " + fallback.family();
            return lackingFormat == null ? drawn
                    : drawn + "; " + lackingFormat + " cannot embed it and shows it only where that font is installed";
        }

        /** The same character, noting a format that cannot carry its glyph. */
        public MissingGlyph lackingIn(String format) {
            return new MissingGlyph(path, codePoint, body, fallback, installed, systemLookup, format);
        }
    }

    private final FontLibrary.Face body;
    private final FontLibrary.Face fallback;
    private final SystemFonts systemFonts;

    /**
     * @param fallback    the configured fallback face, or {@code null}
     * @param systemFonts the machine's fonts, or {@code null} not to ask them
     */
    public GlyphCoverage(FontLibrary.Face body, FontLibrary.Face fallback, SystemFonts systemFonts) {
        this.body = body;
        this.fallback = fallback;
        this.systemFonts = systemFonts;
    }

    /**
     * Each character the body face lacks, once per text it occurs in; line breaks and other controls are not drawn.
     *
     * @param texts a form's texts ({@link cn.jixiao.model.TextFields#of})
     */
    public List<MissingGlyph> missing(List<TextField> texts) {
        List<MissingGlyph> missing = new ArrayList<>();
        for (TextField field : texts) {
            Set<Integer> lacking = new LinkedHashSet<>();
            field.text().codePoints()
                    .filter(codePoint -> !Character.isISOControl(codePoint) && !body.canDisplay(codePoint))
                    .forEach(lacking::add);
            for (int codePoint : lacking) {
                if (fallback != null && fallback.canDisplay(codePoint)) {
                    missing.add(new MissingGlyph(field.path(), codePoint, body, fallback, false, false, null));
                } else {
                    FontLibrary.Face installed = systemFonts == null ? null
                            : systemFonts.drawing(codePoint).orElse(null);
                    missing.add(new MissingGlyph(field.path(), codePoint, body, installed, installed != null,
                            systemFonts != null, null));
                }
            }
        }
        return missing;
    }

    /**
     * The fallback faces a form is drawn with, in the order the renderers must try them: the configured fallback face
     * (always, when there is one), then the machine's fonts that draw a missing character, in the order of their
     * files' paths. A character is then drawn with the first of them that has it, which is the face {@link #missing}
     * named for it.
     */
    public List<FontLibrary.Face> fallbacks(List<MissingGlyph> missing) {
        List<FontLibrary.Face> faces = new ArrayList<>();
        if (fallback != null) {
            faces.add(fallback);
        }
        missing.stream()
                .filter(MissingGlyph::installed)
                .map(MissingGlyph::fallback)
                .distinct()
                .sorted(Comparator.comparing(FontLibrary.Face::file))
                .forEach(faces::add);
        return faces;
    }
}
