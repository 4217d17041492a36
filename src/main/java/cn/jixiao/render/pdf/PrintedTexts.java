package cn.jixiao.render.pdf;

import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;

/** The text elements of filled pages, in page order, frames opened, and the input each of them prints. */
public final class PrintedTexts {

    /**
     * Property of a text field in the templates, and of each text element it prints: the JSON path of the input value
     * it prints, e.g. {@code $.indicators[3].level3}. The form's own wording has none. A text that breaks over pages
     * gives an element on each page, all with the same path; a merged 一级 or 二级 label that is printed again beside
     * the rows of its group on the next page gives another one.
     */
    public static final String SOURCE_PATH = "cn.jixiao.source.path";

    private PrintedTexts() {
    }

    static List<JRPrintText> of(JasperPrint print) {
        List<JRPrintText> texts = new ArrayList<>();
        for (JRPrintPage page : print.getPages()) {
            collect(page.getElements(), texts);
        }
        return texts;
    }

    /** The JSON path of the input value the element prints; {@code null} for the form's own wording. */
    static String sourcePath(JRPrintElement element) {
        return element.hasProperties() ? element.getPropertiesMap().getProperty(SOURCE_PATH) : null;
    }

    private static void collect(List<JRPrintElement> elements, List<JRPrintText> texts) {
        for (JRPrintElement element : elements) {
            if (element instanceof JRPrintText text) {
                texts.add(text);
            } else if (element instanceof JRPrintFrame frame) {
                collect(frame.getElements(), texts);
            }
        }
    }
}
