package cn.jixiao.render.docx;

/** One form's rows being laid into the template's tables, table by table as the document part asks for them. */
interface FormRows extends XmlTemplate.Rows {

    /** Fails when the template's tables end before the form's rows do. */
    void finish() throws DocxException;
}
