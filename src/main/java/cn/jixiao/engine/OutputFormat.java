package cn.jixiao.engine;

import java.util.Optional;

/** The documents a form is rendered to. */
public enum OutputFormat {
    /** For printing and filing, from the JRXML templates. */
    PDF("pdf"),
    /** For editing before signing, from the DOCX template. */
    DOCX("docx");

    public final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    /** The format of an extension such as {@code pdf}, in any case and with blanks around it; empty for none. */
    public static Optional<OutputFormat> of(String extension) {
        for (OutputFormat format : values()) {
            if (format.extension.equalsIgnoreCase(extension.trim())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
