package cn.jixiao.fonts;

import cn.jixiao.model.Evaluation;
import cn.jixiao.model.TextFields;
import cn.jixiao.model.TextFields.TextField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the characters of a form that its font cannot draw: a 生僻字 in a name would otherwise print as a blank box
 * or not at all.
 */
public final class GlyphCoverage {

    /** A character of one input text that the font lacks. */
    public record MissingGlyph(String path, int codePoint) {
        public String describe(String family) {
            return "character " + new String(Character.toChars(codePoint)) + " (U+"
                    + String.format("%04X", codePoint) + ") is not in font " + family;
        }
    }

    private GlyphCoverage() {
    }

    /** Each character the face lacks, once per text it occurs in; line breaks and other controls are not drawn. */
    public static List<MissingGlyph> missing(Evaluation evaluation, FontLibrary.Face face) {
        List<MissingGlyph> missing = new ArrayList<>();
        for (TextField field : TextFields.of(evaluation)) {
            Set<Integer> lacking = new LinkedHashSet<>();
            field.text().codePoints()
                    .filter(codePoint -> !Character.isISOControl(codePoint) && !face.canDisplay(codePoint))
                    .forEach(lacking::add);
            lacking.forEach(codePoint -> missing.add(new MissingGlyph(field.path(), codePoint)));
        }
        return missing;
    }
}
