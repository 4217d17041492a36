package cn.jixiao.render.pdf;

import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * JasperReports' PDF exporter, telling which input a text cut while it writes belongs to: {@link WholeTextPhrase}
 * sees only the words, the element being written knows its JSON path ({@link PrintedTexts#SOURCE_PATH}).
 */
final class FormPdfExporter extends JRPdfExporter {

    FormPdfExporter(JasperReportsContext context) {
        super(context);
    }

    @Override
    public void exportText(JRPrintText text) {
        try {
            super.exportText(text);
        } catch (TextCutException e) {
            throw e.at(PrintedTexts.sourcePath(text));
        }
    }
}
