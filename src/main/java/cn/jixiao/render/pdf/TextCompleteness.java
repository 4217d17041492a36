package cn.jixiao.render.pdf;

import cn.jixiao.model.TextFields.TextField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * Checks that filled pages hold every character of the input's texts. JasperReports cuts a text that does not fit
 * its cell without a word; this check turns such a loss into an error instead of a form with a missing sentence.
 * It counts characters rather than matching whole strings because a long text breaks into pieces across pages.
 */
public final class TextCompleteness {

    private TextCompleteness() {
    }

    /** The first input text with characters the pages lack, if any. */
    public static Optional<TextField> firstIncomplete(JasperPrint print, List<TextField> fields) {
        Map<Integer, Integer> printed = new HashMap<>();
        for (JRPrintText text : PrintedTexts.of(print)) {
            String value = text.getFullText();
            if (value != null) {
                value.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c -> printed.merge(c, 1, Integer::sum));
            }
        }
        for (TextField field : fields) {
            boolean complete = field.text().codePoints()
                    .filter(c -> !Character.isWhitespace(c))
                    .allMatch(c -> printed.merge(c, -1, Integer::sum) >= 0);
            if (!complete) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
