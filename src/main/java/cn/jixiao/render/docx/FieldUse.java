package cn.jixiao.render.docx;

/**
 * One place where the template has a field {@code ${name}}.
 *
 * @param face the face its text is set in (see {@link DocumentFonts#face}), or {@link #NOT_DRAWN} for text that is
 *             not on the page (the document title in the file's properties)
 */
record FieldUse(String name, int face) {
    static final int NOT_DRAWN = -1;
}
