package cn.jixiao.fonts;

import cn.jixiao.model.TextFields.TextField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the characters of a form that its font cannot draw: a 生僻字 in a name would otherwise be left out of the
 * document without a word.
 */
public final class GlyphCoverage {

    /**
     * A character of one input text that the body font lacks.
     *
     * @param fallback the fallback face that draws it instead, or {@code null} when none does
     */
    public record MissingGlyph(String path, int codePoint, FontLibrary.Face body, FontLibrary.Face fallback) {

        public String describe() {
            String character = "character " + new String(Character.toChars(codePoint)) + " (U+"
                    + String.format("%04X", codePoint) + ") is not in font " + body.family();
            return fallback != null ? character + "; it is drawn with the fallback font " + fallback.family()
                    : character + ": it cannot be printed and is left out; name a font that has it with --fallback-font";
        }
    }

    private GlyphCoverage() {
    }

    /**
     * Each character the body face lacks, once per text it occurs in; line breaks and other controls are not drawn.
     *
     * @param texts    a form's texts ({@link cn.jixiao.model.TextFields#of})
     * @param fallback the configured fallback face, or {@code null}
     */
    public static List<MissingGlyph> missing(List<TextField> texts, FontLibrary.Face body, FontLibrary.Face fallback) {
        List<MissingGlyph> missing = new ArrayList<>();
        for (TextField field : texts) {
            Set<Integer> lacking = new LinkedHashSet<>();
            field.text().codePoints()
                    .filter(codePoint -> !Character.isISOControl(codePoint) && !body.canDisplay(codePoint))
                    .forEach(lacking::add);
            for (int codePoint : lacking) {
                boolean drawn = fallback != null && fallback.canDisplay(codePoint);
                missing.add(new MissingGlyph(field.path(), codePoint, body, drawn ? fallback : null));
            }
        }
        return missing;
    }
}
