package cn.jixiao.render;

/** A form could not be rendered: a broken template, a missing font, an output that cannot be written. */
public class RenderException extends Exception {
    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
