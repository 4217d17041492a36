package cn.jixiao.render.pdf;

import cn.jixiao.model.TextFields.TextField;
import cn.jixiao.render.RenderException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * Checks that filled pages hold every input text whole, each in its own cell. JasperReports cuts a text that does not
 * fit its cell without a word; this check turns such a loss into an error at the text's JSON path instead of a form
 * with a missing sentence. Each printed element names the input it prints ({@link PrintedTexts#SOURCE_PATH}), so a
 * text is compared with the pieces printed from it alone: a label or another cell that happens to print the same
 * characters cannot stand in for a lost piece.
 */
public final class TextCompleteness {

    private TextCompleteness() {
    }

    /**
     * Checks the input's texts in order.
     *
     * @throws RenderException at the path of the first text that the pages do not print whole, or that no cell of the
     *                         template names (a text field without the property {@value PrintedTexts#SOURCE_PATH})
     */
    public static void check(JasperPrint print, List<TextField> fields) throws RenderException {
        Map<String, List<String>> piecesByPath = new HashMap<>();
        for (JRPrintText text : PrintedTexts.of(print)) {
            String path = PrintedTexts.sourcePath(text);
            if (path != null) {
                piecesByPath.computeIfAbsent(path, p -> new ArrayList<>())
                        .add(text.getFullText() == null ? "" : visible(text.getFullText()));
            }
        }
        for (TextField field : fields) {
            List<String> pieces = piecesByPath.get(field.path());
            if (pieces == null) {
                throw new RenderException(field.path(), "no cell of the template prints this text: the text field"
                        + " that prints it must name it in the property " + PrintedTexts.SOURCE_PATH);
            }
            if (!printedWhole(visible(field.text()), pieces)) {
                throw new RenderException(field.path(), "the text does not fit on the form: part of it would be lost");
            }
        }
    }

    /**
     * Whether the pieces printed from a text, in page order, give it whole: each piece goes on where the one before
     * stopped (a cell that breaks over pages) or starts the text again (a merged 一级 or 二级 label printed again beside
     * its rows on the next page), and some run of them reaches the end. A piece that does neither is not the text.
     */
    private static boolean printedWhole(String text, List<String> pieces) {
        boolean whole = text.isEmpty();
        int end = 0;
        for (String piece : pieces) {
            if (piece.isEmpty()) {
                continue;
            }
            if (text.startsWith(piece, end)) {
                end += piece.length();
            } else if (text.startsWith(piece)) {
                end = piece.length();
            } else {
                return false;
            }
            whole |= end == text.length();
        }
        return whole;
    }

    /** The text without whitespace: where lines break, and so where pieces begin and end, is the layout's choice. */
    private static String visible(String text) {
        StringBuilder visible = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(visible::appendCodePoint);
        return visible.toString();
    }
}
