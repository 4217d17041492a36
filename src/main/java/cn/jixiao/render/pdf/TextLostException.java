package cn.jixiao.render.pdf;

import cn.jixiao.render.RenderException;

/**
 * A text of the form would not come out whole in the PDF: its cell is too small for it as OpenPDF sets it. Its
 * {@link #path()} is that of the input the cell prints, {@code null} for the form's own wording.
 */
public final class TextLostException extends RenderException {

    TextLostException(String path, Throwable cause) {
        super(path, "the text does not fit its cell in the PDF: part of it would be lost");
        initCause(cause);
    }
}
