package cn.jixiao.render.pdf;

import cn.jixiao.render.RenderException;

/** A text of the form would not come out whole in the PDF: its cell is too small for it as OpenPDF sets it. */
public final class TextLostException extends RenderException {

    private final String text;

    TextLostException(String text, Throwable cause) {
        super("the text does not fit its cell in the PDF: part of it would be lost", cause);
        this.text = text;
    }

    /** The cell's text, or the part of it the page held, as the exporter had it. */
    public String text() {
        return text;
    }
}
