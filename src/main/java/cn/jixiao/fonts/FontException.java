package cn.jixiao.fonts;

/** The configured fonts cannot be used: a missing directory, an unreadable file, an unknown family. */
public class FontException extends Exception {
    public FontException(String message) {
        super(message);
    }
}
