package cn.jixiao.render.docx;

import cn.jixiao.io.ReproducibleZip;
import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Indicator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.xml.sax.SAXException;

/**
 * Writes the 项目支出绩效自评表 as an editable Word document from a DOCX template (see {@code templates/form.docx}).
 *
 * <p>Create one renderer per run: it checks and parses the template and reads the fonts once. {@link #render} may
 * then be called from any number of threads. The same form gives the same bytes: zip entries carry a fixed date,
 * font keys derive from the font names, nothing reads the clock.
 *
 * <p>The template's table rows are the form's rows in order, with one prototype row holding the
 * {@code ${indicator...}} fields; the rows, column spans and vertical merges come from
 * {@link cn.jixiao.layout.FormGrid}, the template gives wording and formatting. See {@link Placeholders} for the
 * fields.
 */
public final class DocxRenderer {

    /** A template file larger than this is refused. */
    public static final long MAX_TEMPLATE_BYTES = 10L << 20;
    /** A template whose entries unpack to more than this is refused as a possible zip bomb. */
    public static final long MAX_UNPACKED_BYTES = 64L << 20;
    private static final int MAX_ENTRIES = 1000;

    private final String templateName;
    private final byte[] template;
    private final DocumentFonts fonts;
    private final Set<String> knownFields;

    /**
     * Reads and checks the template, and prepares the fonts of the settings for embedding.
     *
     * @throws DocxException when the template cannot be used; the message names the file and the problem
     * @throws FontException when a configured family is not in the font directory or cannot be embedded
     */
    public DocxRenderer(Path templateFile, FontSettings settings, FontLibrary library)
            throws DocxException, FontException {
        this.templateName = String.valueOf(templateFile.getFileName());
        byte[] bytes = readTemplate(templateFile);
        this.fonts = new DocumentFonts(settings, library);
        FormLayout sample = sample();
        Set<String> fields = new TreeSet<>(Placeholders.formValues(sample).keySet());
        fields.addAll(Placeholders.indicatorValues("", "", sample.indicatorGroups().get(0).subgroups().get(0)
                .rows().get(0)).keySet());
        this.knownFields = Collections.unmodifiableSet(fields);
        this.template = withoutEmbeddedFonts(bytes);
        render(sample); // a template that does not fit the form fails here, not at the first real form
    }

    /** A renderer for the font settings' directory, scanned here. */
    public static DocxRenderer create(Path templateFile, FontSettings settings) throws DocxException, FontException {
        return new DocxRenderer(templateFile, settings, FontLibrary.scan(settings.directory()));
    }

    /** The filled form as DOCX bytes. */
    public byte[] render(FormLayout form) throws DocxException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            render(form, out);
        } catch (IOException e) {
            throw new DocxException("cannot write the document: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Writes the filled form as DOCX to the stream, which stays open. */
    public void render(FormLayout form, OutputStream out) throws DocxException, IOException {
        ByteArrayOutputStream filled = new ByteArrayOutputStream(256 * 1024);
        try (XWPFDocument document = open(template)) {
            fill(document, form);
            document.getProperties().getCoreProperties().setTitle(form.projectName());
            document.write(filled);
        }
        ReproducibleZip.rewrite(filled.toByteArray(), out);
    }

    private void fill(XWPFDocument document, FormLayout form) throws DocxException {
        Styles styles = new Styles(document.getStyles());
        Map<String, String> values = Placeholders.formValues(form);
        Function<String, String> formField = values::get;
        CTBody body = document.getDocument().getBody();
        try {
            for (CTP paragraph : body.getPList()) {
                Placeholders.fill(paragraph, formField, knownFields);
            }
            for (XmlObject part : headersAndFooters(document)) {
                for (XmlObject paragraph : part.selectPath(
                        "declare namespace w='" + DocumentFonts.W + "' .//w:p")) {
                    Placeholders.fill((CTP) paragraph, formField, knownFields);
                }
            }
            FormTable.fill(body, styles, form, values, knownFields);
        } catch (DocxException e) {
            throw new DocxException("template " + templateName + ": " + e.getMessage(), e);
        }
        fonts.apply(document, styles);
    }

    private static List<XmlObject> headersAndFooters(XWPFDocument document) {
        return java.util.stream.Stream.concat(document.getHeaderList().stream(), document.getFooterList().stream())
                .map(part -> (XmlObject) ((XWPFHeaderFooter) part)._getHdrFtr())
                .toList();
    }

    private XWPFDocument open(byte[] docx) throws DocxException {
        try {
            return new XWPFDocument(new ByteArrayInputStream(docx));
        } catch (IOException | POIXMLException | OpenXML4JRuntimeException | IllegalArgumentException e) {
            throw new DocxException("template " + templateName + " is not a readable Word document: "
                    + rootMessage(e), e);
        }
    }

    /** The template without the fonts a Word user may have embedded in it (the renderer embeds its own subsets). */
    private byte[] withoutEmbeddedFonts(byte[] docx) throws DocxException {
        try (XWPFDocument document = open(docx)) {
            var fontTable = DocumentFonts.fontTable(document);
            DocumentFonts.writeXml(DocumentFonts.removeEmbeddedFonts(document.getPackage(), fontTable), fontTable);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException | InvalidFormatException | SAXException | javax.xml.transform.TransformerException
                 | POIXMLException e) {
            throw new DocxException("template " + templateName + ": cannot read its font table: "
                    + rootMessage(e), e);
        }
    }

    /** The file, refused when it is too large or unpacks to too much (a zip bomb). */
    private byte[] readTemplate(Path file) throws DocxException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_TEMPLATE_BYTES) {
                throw new DocxException("template " + templateName + " is " + size + " bytes; a form template may"
                        + " be at most " + MAX_TEMPLATE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DocxException("template " + file + " does not exist", e);
        } catch (IOException e) {
            throw new DocxException("cannot read template " + file + ": " + e.getMessage(), e);
        }
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new DocxException("template " + templateName + " has more than " + MAX_ENTRIES
                            + " entries; refused as a possible zip bomb");
                }
                for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
                    unpacked += read;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw new DocxException("template " + templateName + " unpacks to more than "
                                + MAX_UNPACKED_BYTES + " bytes; refused as a possible zip bomb");
                    }
                }
            }
        } catch (ZipException e) {
            throw new DocxException("template " + templateName + " is not a .docx file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DocxException("cannot read template " + templateName + ": " + e.getMessage(), e);
        }
        if (entries == 0) {
            throw new DocxException("template " + templateName + " is not a .docx file (not a zip archive)");
        }
        return bytes;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** A form with every field and a merged indicator group, to check the template against once. */
    private static FormLayout sample() {
        Indicator indicator = new Indicator("一级", "二级", "三级", "目标", "完成", null, null, "偏差");
        return FormLayout.of(new Evaluation(2023, "项目", "部门", "单位", null, null, null,
                List.of(indicator, indicator), null));
    }
}
