package cn.jixiao.engine;

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
}
