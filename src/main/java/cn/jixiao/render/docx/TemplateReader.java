package cn.jixiao.render.docx;

import cn.jixiao.io.ReproducibleZip;
import cn.jixiao.render.docx.DocxTemplate.FilledPart;
import cn.jixiao.render.docx.DocxTemplate.FixedPart;
import cn.jixiao.render.docx.DocxTemplate.FontPart;
import cn.jixiao.render.docx.DocxTemplate.Part;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;

/**
 * Reads the Word template once with POI into a {@link DocxTemplate}, preparing what every form shares: the configured
 * families set on every run and in the styles, the template's embedded fonts replaced by entries for the form's
 * subsets, the fields normalized (a field Word split over several runs joined into the run where it starts). Parts
 * without fields (styles, settings, numbering, the font table, images, relationships) are compressed here, once. The
 * parts with fields, the document and any header or footer holding one, and the document properties (the title),
 * become {@link XmlTemplate}s; the form tables' rows a {@link FormTable}.
 */
final class TemplateReader {

    private static final String PARAGRAPHS = "declare namespace w='" + DocumentFonts.W + "' .//w:p";
    private static final Pattern NAMESPACE = Pattern.compile("xmlns(?::([^=\\s]+))?\\s*=\\s*\"([^\"]*)\"");

    private TemplateReader() {
    }

    /**
     * Reads the template.
     *
     * @param knownFields every field name a template may use
     * @param gridColumns the number of grid columns of the form's tables; {@code 0} when the template states its grid
     * @throws DocxException when the template cannot be used; the message starts with the template's name
     */
    static DocxTemplate read(byte[] docx, String templateName, DocumentFonts fonts, Set<String> knownFields,
                             int gridColumns) throws DocxException {
        XWPFDocument document = open(docx, templateName);
        try (document) {
            return compile(document, fonts, knownFields, gridColumns);
        } catch (DocxException e) {
            throw new DocxException("template " + templateName + ": " + e.getMessage(), e);
        } catch (IOException | POIXMLException | OpenXML4JRuntimeException e) {
            throw new DocxException("template " + templateName + " is not a readable Word document: "
                    + rootMessage(e), e);
        }
    }

    private static DocxTemplate compile(XWPFDocument document, DocumentFonts fonts, Set<String> knownFields,
                                        int gridColumns) throws DocxException, IOException {
        Styles styles = new Styles(document.getStyles());
        CTBody body = document.getDocument().getBody();
        List<XmlObject> headersAndFooters = Stream.concat(document.getHeaderList().stream(),
                        document.getFooterList().stream())
                .map(part -> (XmlObject) ((XWPFHeaderFooter) part)._getHdrFtr())
                .toList();
        List<CTP> paragraphs = new ArrayList<>();
        Stream.concat(Stream.of(body), headersAndFooters.stream())
                .forEach(part -> Stream.of(part.selectPath(PARAGRAPHS)).forEach(p -> paragraphs.add((CTP) p)));
        for (CTP paragraph : paragraphs) {
            for (CTR run : paragraph.getRList()) {
                if (XmlTemplate.isMarked(Placeholders.runText(run))) {
                    throw new DocxException("holds one of the characters U+FDD0 to U+FDD2, which are not text and"
                            + " which the renderer reserves for its own marks");
                }
            }
        }
        List<String> names = markFields(body, headersAndFooters, knownFields);
        RunFonts.setFamilies(document, styles, paragraphs, fonts.bodyFamily(), fonts.titleFamily());
        Faces faces = faces(styles, paragraphs, names.size(), fonts.count());
        List<EmbeddedFont> embedded = FontTable.embed(document, fonts, faces.used());
        document.getProperties().getCoreProperties().setTitle(mark(names, "projectName"));
        List<FieldUse> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add(new FieldUse(names.get(i), i < faces.ofField().length ? faces.ofField()[i]
                    : FieldUse.NOT_DRAWN));
        }

        List<CTTbl> tables = body.getTblList();
        List<long[]> columns = new ArrayList<>();
        List<List<CTRow>> rows = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) { // each form table's rows out, a mark in their place
            CTTbl table = tables.get(t);
            columns.add(TableGeometry.columnWidths(table, gridColumns));
            rows.add(table.getTrList().stream().map(row -> (CTRow) row.copy()).toList());
            table.setTrArray(new CTRow[0]);
            try (XmlCursor cursor = table.newCursor()) {
                cursor.toEndToken();
                cursor.insertComment(XmlTemplate.rowsMark(t));
            }
        }

        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        document.write(saved);
        String main = document.getPackagePart().getPartName().getName().substring(1);
        Map<String, String> namespaces = null;
        List<Part> entries = new ArrayList<>();
        Deflater deflater = ReproducibleZip.deflater(DocxTemplate.XML_LEVEL);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(saved.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readAllBytes();
                String name = entry.getName();
                EmbeddedFont font = embedded.stream().filter(f -> f.entryName().equals(name)).findFirst()
                        .orElse(null);
                String text = name.endsWith(".xml") || name.endsWith(".rels")
                        ? new String(content, StandardCharsets.UTF_8) : "";
                if (font != null) {
                    entries.add(new FontPart(embedded.indexOf(font), font));
                } else if (XmlTemplate.isMarked(text)) {
                    entries.add(new FilledPart(name, XmlTemplate.parse(text, fields), 2 * content.length));
                    if (name.equals(main)) {
                        namespaces = rootNamespaces(text);
                    }
                } else {
                    entries.add(new FixedPart(ReproducibleZip.deflate(name, content, content.length, deflater)));
                }
            }
        } finally {
            deflater.end();
        }
        if (namespaces == null) {
            throw new IllegalStateException("the document part " + main + " holds no rows mark");
        }
        FormTable table = new FormTable(columns, rows, TableGeometry.pageBodyHeight(body.getSectPr()), styles, fields,
                namespaces);
        return new DocxTemplate(entries, table, fonts, faces.codePoints());
    }

    /**
     * Marks every field of the body's paragraphs, the form tables' cells and the headers and footers; a field of the
     * indicator row only counts in the prototype row.
     *
     * @return the field name of each mark, by number
     */
    private static List<String> markFields(CTBody body, List<XmlObject> headersAndFooters, Set<String> knownFields)
            throws DocxException {
        List<String> names = new ArrayList<>();
        Function<String, String> formField = name -> knownFields.contains(name)
                && !name.startsWith(Placeholders.INDICATOR_PREFIX) ? mark(names, name) : null;
        Function<String, String> rowField = name -> knownFields.contains(name) ? mark(names, name) : null;
        for (CTP paragraph : body.getPList()) {
            Placeholders.fill(paragraph, formField, knownFields);
        }
        for (XmlObject part : headersAndFooters) {
            for (XmlObject paragraph : part.selectPath(PARAGRAPHS)) {
                Placeholders.fill((CTP) paragraph, formField, knownFields);
            }
        }
        for (CTTbl table : body.getTblList()) {
            for (CTRow row : table.getTrList()) {
                Function<String, String> fields = FormTable.isPrototype(row) ? rowField : formField;
                for (CTTc cell : row.getTcList()) {
                    for (CTP paragraph : cell.getPList()) {
                        Placeholders.fill(paragraph, fields, knownFields);
                    }
                }
            }
        }
        return names;
    }

    /**
     * What the template's runs draw in which face.
     *
     * @param used       faces in the order of their first use, the body's regular face and the fallback faces always
     *                   among them
     * @param codePoints per face, the characters of the template's own text and the page numbers' digits
     * @param ofField    per field mark, the face its value is drawn in
     */
    private record Faces(List<Integer> used, BitSet[] codePoints, int[] ofField) {
    }

    private static Faces faces(Styles styles, List<CTP> paragraphs, int fieldCount, int faceCount) {
        BitSet[] codePoints = new BitSet[faceCount];
        for (int face = 0; face < codePoints.length; face++) {
            codePoints[face] = new BitSet();
        }
        List<Integer> used = new ArrayList<>();
        int[] ofField = new int[fieldCount];
        for (CTP paragraph : paragraphs) {
            for (CTR run : paragraph.getRList()) {
                int face = DocumentFonts.face(styles, paragraph, run);
                if (!used.contains(face)) {
                    used.add(face);
                }
                String text = Placeholders.runText(run);
                for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                    if (text.charAt(i) == XmlTemplate.FIELD) {
                        int end = text.indexOf(XmlTemplate.END, i);
                        ofField[Integer.parseInt(text.substring(i + 1, end))] = face;
                        i = end;
                    } else {
                        codePoints[face].set(text.codePointAt(i));
                    }
                }
            }
        }
        DocumentFonts.addFieldDigits(codePoints);
        if (!used.contains(DocumentFonts.BODY_REGULAR)) {
            used.add(DocumentFonts.BODY_REGULAR);
        }
        for (int fallback = DocumentFonts.FACES; fallback < faceCount; fallback++) {
            used.add(fallback);
        }
        return new Faces(used, codePoints, ofField);
    }

    private static String mark(List<String> names, String name) {
        names.add(name);
        return XmlTemplate.fieldMark(names.size() - 1);
    }

    /** The namespace declarations of the part's document element, by prefix ("" for a default namespace). */
    private static Map<String, String> rootNamespaces(String xml) {
        int start = xml.indexOf('<');
        while (xml.startsWith("<?", start) || xml.startsWith("<!", start)) {
            start = xml.indexOf('<', start + 1);
        }
        Map<String, String> namespaces = new HashMap<>();
        Matcher declaration = NAMESPACE.matcher(xml.substring(start, xml.indexOf('>', start)));
        while (declaration.find()) {
            namespaces.put(declaration.group(1) == null ? "" : declaration.group(1), declaration.group(2));
        }
        return namespaces;
    }

    private static XWPFDocument open(byte[] docx, String templateName) throws DocxException {
        try {
            return new XWPFDocument(new ByteArrayInputStream(docx));
        } catch (IOException | POIXMLException | OpenXML4JRuntimeException | IllegalArgumentException e) {
            throw new DocxException("template " + templateName + " is not a readable Word document: "
                    + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
