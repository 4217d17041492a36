package cn.jixiao.render.pdf;

/**
 * Writing the PDF would leave out the end of a text that filling had fitted into its cell. Thrown from inside
 * JasperReports' exporter, hence unchecked: {@link WholeTextPhrase} throws it, {@link FormPdfExporter} adds the JSON
 * path of the element being written, and {@link PdfRenderer#export} turns it into a {@link TextLostException}.
 */
final class TextCutException extends RuntimeException {

    private final String path;

    TextCutException(String text) {
        super("the end of a text does not fit its cell in the PDF: " + text);
        this.path = null;
    }

    private TextCutException(String path, TextCutException cut) {
        super(cut.getMessage(), cut);
        this.path = path;
    }

    /** The same loss, in the element that prints the input at {@code path}. */
    TextCutException at(String path) {
        return new TextCutException(path, this);
    }

    /** The JSON path of the input the cut text prints; {@code null} for the form's own wording. */
    String path() {
        return path;
    }
}
