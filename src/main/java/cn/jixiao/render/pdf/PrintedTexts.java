package cn.jixiao.render.pdf;

import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;

/** The text elements of filled pages, in page order, frames opened. */
final class PrintedTexts {

    private PrintedTexts() {
    }

    static List<JRPrintText> of(JasperPrint print) {
        List<JRPrintText> texts = new ArrayList<>();
        for (JRPrintPage page : print.getPages()) {
            collect(page.getElements(), texts);
        }
        return texts;
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
