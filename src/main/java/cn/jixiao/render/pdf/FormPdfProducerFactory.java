package cn.jixiao.render.pdf;

import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.pdf.classic.ClassicChunk;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfWriter;
import net.sf.jasperreports.pdf.common.PdfChunk;
import net.sf.jasperreports.pdf.common.PdfDocumentWriter;
import net.sf.jasperreports.pdf.common.PdfPhrase;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfProducerFactory;

/**
 * JasperReports' OpenPDF producer with what official forms need on top:
 * <ul>
 * <li>The same pages give the same bytes. OpenPDF stamps every PDF with the clock ({@code /CreationDate}) and a
 * random file ID; here the creation date is the form's date (or absent) and the ID a digest of the content, both
 * taken from properties of the {@link JasperPrint} ({@link #CREATION_DATE}, {@link #DOCUMENT_ID}). The fonts' random
 * subset tags are fixed in {@link PdfFonts}.</li>
 * <li>No text is left out without a word. JasperReports lays each text out once when filling and, for the texts that
 * {@link FormPdfExporter} does not draw in the fill's lines, OpenPDF lays it out again when writing; where OpenPDF's
 * lines come out longer, the last of them no longer fit the cell and OpenPDF drops them. Here that stops the export
 * with a {@link TextCutException} instead.</li>
 * <li>PDF/A when the {@link JasperPrint} asks for it ({@link #ARCHIVAL}).</li>
 * </ul>
 */
public final class FormPdfProducerFactory implements PdfProducerFactory {

    /** JasperPrint property: the creation date as {@code yyyy-MM-dd}; when absent the PDF carries none. */
    static final String CREATION_DATE = "cn.jixiao.pdf.creation.date";
    /** JasperPrint property: the 16-byte document ID in hex, the trailer's {@code /ID}. */
    static final String DOCUMENT_ID = "cn.jixiao.pdf.document.id";
    /** JasperPrint property: when present, the PDF is written as PDF/A ({@link ArchivalPdf}). */
    static final String ARCHIVAL = "cn.jixiao.pdf.archival";

    @Override
    public PdfProducer createProducer(PdfProducerContext context) {
        return new FormPdfProducer(context);
    }

    private static final class FormPdfProducer extends ClassicPdfProducer {
        private final PdfProducerContext context;

        FormPdfProducer(PdfProducerContext context) {
            super(context);
            this.context = context;
        }

        @Override
        public PdfDocumentWriter createWriter(OutputStream os) throws JRException {
            PdfDocumentWriter writer = super.createWriter(os);
            JasperPrint print = context.getCurrentJasperPrint();
            PdfDictionary info = getPdfWriter().getInfo();
            String date = print.getProperty(CREATION_DATE);
            if (date == null) {
                info.remove(PdfName.CREATIONDATE);
            } else {
                info.put(PdfName.CREATIONDATE, new PdfDate(GregorianCalendar.from(
                        LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC))));
            }
            byte[] id = HexFormat.of().parseHex(print.getProperty(DOCUMENT_ID));
            info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
            if (print.getProperty(ARCHIVAL) == null) {
                return writer;
            }
            ArchivalPdf.completeOnClose(getPdfWriter(), id);
            return new OpaqueWriter(this, getPdfWriter());
        }

        /**
         * The writer JasperReports configures, except that the pages get no transparency group: nothing on them is
         * transparent, and an archival PDF should not suggest otherwise.
         */
        private static final class OpaqueWriter extends ClassicPdfWriter {
            OpaqueWriter(ClassicPdfProducer producer, PdfWriter writer) {
                super(producer, writer);
            }

            @Override
            public void setRgbTransparencyBlending(boolean blending) {
                // Our pages draw nothing transparent: no blending space is needed.
            }
        }

        @Override
        public PdfPhrase createPhrase() {
            return new WholeTextPhrase(this, new Phrase());
        }

        @Override
        public PdfPhrase createPhrase(PdfChunk chunk) {
            return new WholeTextPhrase(this, new Phrase(((ClassicChunk) chunk).getChunk()));
        }
    }
}
