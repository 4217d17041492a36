package cn.jixiao.render.docx;

/** A DOCX template that cannot be used, or a form that cannot be written as DOCX; the message says why. */
public class DocxException extends Exception {
    public DocxException(String message) {
        super(message);
    }

    public DocxException(String message, Throwable cause) {
        super(message, cause);
    }
}
