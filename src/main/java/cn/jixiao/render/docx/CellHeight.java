package cn.jixiao.render.docx;

import cn.jixiao.render.docx.TemplateCell.CellXml;
import cn.jixiao.render.docx.TemplateCell.ParagraphText;
import java.util.List;
import java.util.function.Function;

/**
 * A rough height of a cell's text in twips: characters of East Asian width count one em, others half an em, lines
 * wrap at the cell's width. It only decides whether a row may break across pages, so it errs on the tall side.
 */
final class CellHeight {

    /** Line height of a CJK font as a multiple of its size (Noto Serif SC: ascent 1.151 + descent 0.286). */
    private static final double LINE_HEIGHT = 1.44;

    private CellHeight() {
    }

    /**
     * @param fields the template's fields by mark number
     * @param values the form's value of each field, by name
     */
    static double estimate(CellXml cell, List<FieldUse> fields, Function<String, String> values) {
        double usable = Math.max(cell.widthTwips() - 2 * 40, 20);
        double height = 40;
        for (ParagraphText paragraph : cell.paragraphs()) {
            double size = paragraph.sizeTwips();
            int lines = 0;
            for (String line : withValues(paragraph.text(), fields, values).split("\n", -1)) {
                double ems = line.codePoints().mapToDouble(c -> isWide(c) ? 1 : 0.5).sum();
                lines += Math.max(1, (int) Math.ceil(ems * size / usable));
            }
            height += lines * size * LINE_HEIGHT;
        }
        return height;
    }

    /** The text with each field mark replaced by the field's value. */
    private static String withValues(String text, List<FieldUse> fields, Function<String, String> values) {
        if (text.indexOf(XmlTemplate.FIELD) < 0) {
            return text;
        }
        StringBuilder filled = new StringBuilder();
        int from = 0;
        for (int mark = text.indexOf(XmlTemplate.FIELD); mark >= 0; mark = text.indexOf(XmlTemplate.FIELD, from)) {
            int end = text.indexOf(XmlTemplate.END, mark);
            filled.append(text, from, mark)
                    .append(values.apply(fields.get(Integer.parseInt(text.substring(mark + 1, end))).name()));
            from = end + 1;
        }
        return filled.append(text, from, text.length()).toString();
    }

    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x1F300;
    }
}
