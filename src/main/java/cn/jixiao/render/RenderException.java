package cn.jixiao.render;

/** A form could not be rendered: a broken template, a missing font, an output that cannot be written. */
public class RenderException extends Exception {
    private final String path;

    public RenderException(String message) {
        this(message, (Throwable) null);
    }

    /** A problem with one value of the input, such as a text that does not fit its cell. */
    public RenderException(String path, String message) {
        super(message);
        this.path = path;
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
        this.path = null;
    }

    /** The JSON path of the input value at fault, or {@code null} when the problem is not the input's. */
    public String path() {
        return path;
    }
}
