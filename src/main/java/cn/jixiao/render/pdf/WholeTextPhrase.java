package cn.jixiao.render.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfWriter;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.pdf.classic.ClassicChunk;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfUtils;
import net.sf.jasperreports.pdf.common.PdfChunk;
import net.sf.jasperreports.pdf.common.PdfPhrase;
import net.sf.jasperreports.pdf.common.PdfTextAlignment;
import net.sf.jasperreports.pdf.common.TextDirection;

/**
 * A text set into its cell by OpenPDF, as JasperReports' own phrase does, but checked: when the cell is full before
 * the text is ({@link ColumnText#hasMoreText}), it throws {@link TextCutException} instead of dropping the rest.
 */
final class WholeTextPhrase implements PdfPhrase {

    private final ClassicPdfProducer producer;
    private final Phrase phrase;

    WholeTextPhrase(ClassicPdfProducer producer, Phrase phrase) {
        this.producer = producer;
        this.phrase = phrase;
    }

    @Override
    public void add(PdfChunk chunk) {
        phrase.add(((ClassicChunk) chunk).getChunk());
    }

    @Override
    public float go(float llx, float lly, float urx, float ury, float fixedLeading, float multipliedLeading,
                    PdfTextAlignment alignment, TextDirection runDirection) {
        ColumnText column = new ColumnText(producer.getPdfContentByte());
        column.setSimpleColumn(phrase, llx, lly, urx, ury, fixedLeading, ClassicPdfUtils.toPdfAlignment(alignment));
        if (multipliedLeading != 0f) {
            column.setLeading(fixedLeading, multipliedLeading);
        }
        column.setRunDirection(switch (runDirection) {
            case DEFAULT -> PdfWriter.RUN_DIRECTION_DEFAULT;
            case LTR -> PdfWriter.RUN_DIRECTION_LTR;
            case RTL -> PdfWriter.RUN_DIRECTION_RTL;
        });
        try {
            if (ColumnText.hasMoreText(column.go())) {
                throw new TextCutException(phrase.getContent());
            }
        } catch (DocumentException e) {
            throw new JRRuntimeException(e);
        }
        return column.getYLine();
    }
}
