package cn.jixiao.render.pdf;

/**
 * Writing the PDF would leave out the end of a text that filling had fitted into its cell. Thrown from inside
 * JasperReports' exporter, hence unchecked; {@link PdfRenderer#export} turns it into a {@link TextLostException}.
 */
final class TextCutException extends RuntimeException {

    private final String text;

    TextCutException(String text) {
        super("the end of a text does not fit its cell in the PDF: " + text);
        this.text = text;
    }

    /** The text of the cell, as the exporter had it. */
    String text() {
        return text;
    }
}
