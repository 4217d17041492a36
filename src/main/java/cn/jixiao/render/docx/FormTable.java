package cn.jixiao.render.docx;

import cn.jixiao.layout.FormGrid;
import cn.jixiao.layout.FormGrid.Row;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Form;
import cn.jixiao.render.docx.TemplateCell.CellKey;
import cn.jixiao.render.docx.TemplateCell.CellXml;
import cn.jixiao.render.docx.TemplateCell.Merge;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;

/**
 * The template's form tables, read once. The rows, their column spans and their vertical merges are those of
 * {@link FormGrid}; the template gives each cell its content (fixed wording and {@code ${...}} fields) and its
 * formatting, and each row whether it may break across pages (the shipped template: the indicator rows may, as the
 * PDF's do, the other rows move to the next page whole). The template's rows are the form's rows in order, with one
 * prototype row (the row holding {@code ${indicator...}} fields) that is repeated for every indicator.
 *
 * <p>Each cell as it appears in a form (with its column span and its place in a vertical merge, see
 * {@link TemplateCell}) is serialized the first time a form needs it and kept as XML with slots for the fields; a
 * form's rows are then written as text by its {@link TableLayout}.
 */
final class FormTable {

    /** A row of the template: its own XML around the cells, and its cells as forms need them. */
    final class TemplateRow {
        final int number; // 1-based over all tables, for messages
        final boolean prototype;
        final CTRow source; // fields marked; only read while holding FormTable.this
        final long[] columns;
        final int[] cellStarts; // grid column where each template cell starts, and where the last ends
        final double[][] paragraphSizes; // per template cell, per paragraph
        final List<List<String>> fieldNames; // per template cell, the names of its fields
        final byte[] open; // with the template's own row properties
        final byte[] openSplittable; // the same, allowed to break across pages
        final byte[] close;
        final Map<CellKey, CellXml> cells = new ConcurrentHashMap<>();

        TemplateRow(int number, CTRow row, long[] columns, Styles styles) {
            this.number = number;
            this.prototype = hasIndicatorField(row);
            this.source = row;
            this.columns = columns;
            List<CTTc> templateCells = source.getTcList();
            cellStarts = new int[templateCells.size() + 1];
            paragraphSizes = new double[templateCells.size()][];
            fieldNames = templateCells.stream().map(FormTable.this::fieldNames).toList();
            for (int i = 0; i < templateCells.size(); i++) {
                cellStarts[i + 1] = cellStarts[i] + TemplateCell.span(templateCells.get(i));
                List<CTP> paragraphs = templateCells.get(i).getPList();
                paragraphSizes[i] = paragraphs.stream().mapToDouble(styles::fontSizeTwips).toArray();
            }
            CTRow shell = (CTRow) source.copy();
            shell.setTcArray(new CTTc[0]);
            CTTrPr properties = shell.isSetTrPr() ? shell.getTrPr() : shell.addNewTrPr();
            this.open = openTag(shell);
            while (properties.sizeOfCantSplitArray() > 0) {
                properties.removeCantSplit(0);
            }
            this.openSplittable = openTag(shell);
            this.close = ("</" + rowName.getPrefix() + (rowName.getPrefix().isEmpty() ? "" : ":") + "tr>")
                    .getBytes(StandardCharsets.UTF_8);
        }

        /** The row's XML up to its first cell; the row always has properties, so it is never an empty element. */
        private byte[] openTag(CTRow shell) {
            String xml = shell.xmlText(options(rowName));
            return xml.substring(0, xml.lastIndexOf("</")).getBytes(StandardCharsets.UTF_8);
        }

        CellXml cell(int column, Merge merge, int span, Row gridRow) throws DocxException {
            CellKey key = new CellKey(column, merge, span);
            CellXml cell = cells.get(key);
            return cell != null ? cell : compileCell(this, key, gridRow);
        }
    }

    private final List<List<TemplateRow>> tables = new ArrayList<>(); // the rows of each template table
    private final long pageBody;
    private final List<FieldUse> fields;
    private final Map<String, String> namespaces;
    private final QName cellName;
    private final QName rowName;

    /**
     * Reads the rows of the template's tables, whose fields are already marked.
     *
     * @param columns    each table's grid column widths, see {@link TableGeometry#columnWidths}
     * @param rows       each table's rows, copies the caller leaves alone
     * @param pageBody   the page's height less its margins, see {@link TableGeometry#pageBodyHeight}
     * @param namespaces the namespace prefixes declared on the document element, which the cells' XML uses
     */
    FormTable(List<long[]> columns, List<List<CTRow>> rows, long pageBody, Styles styles, List<FieldUse> fields,
              Map<String, String> namespaces) throws DocxException {
        if (rows.isEmpty()) {
            throw new DocxException("has no table for the form");
        }
        this.fields = fields;
        this.namespaces = Map.copyOf(namespaces);
        String prefix = namespaces.entrySet().stream().filter(entry -> entry.getValue().equals(DocumentFonts.W))
                .map(Map.Entry::getKey).findFirst().orElse("w");
        this.cellName = new QName(DocumentFonts.W, "tc", prefix);
        this.rowName = new QName(DocumentFonts.W, "tr", prefix);
        this.pageBody = pageBody;
        int number = 0;
        for (int t = 0; t < rows.size(); t++) {
            List<TemplateRow> templateRows = new ArrayList<>();
            for (CTRow row : rows.get(t)) {
                templateRows.add(new TemplateRow(++number, row, columns.get(t), styles));
            }
            tables.add(templateRows);
        }
    }

    /** The row with the {@code ${indicator...}} fields, before they are marked. */
    static boolean isPrototype(CTRow row) {
        for (CTTc cell : row.getTcList()) {
            for (CTP paragraph : cell.getPList()) {
                if (Placeholders.hasIndicatorField(paragraph)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a row, its fields marked, holds a field of the indicator row. */
    private boolean hasIndicatorField(CTRow row) {
        for (CTTc cell : row.getTcList()) {
            if (fieldNames(cell).stream().anyMatch(name -> name.startsWith(Placeholders.INDICATOR_PREFIX))) {
                return true;
            }
        }
        return false;
    }

    /** The names of the fields in a template cell, its fields marked. */
    private List<String> fieldNames(CTTc cell) {
        List<String> names = new ArrayList<>();
        for (CTP paragraph : cell.getPList()) {
            for (CTR run : paragraph.getRList()) {
                String text = Placeholders.runText(run);
                for (int mark = text.indexOf(XmlTemplate.FIELD); mark >= 0;
                     mark = text.indexOf(XmlTemplate.FIELD, mark + 1)) {
                    names.add(fields.get(Integer.parseInt(text.substring(mark + 1,
                            text.indexOf(XmlTemplate.END, mark)))).name());
                }
            }
        }
        return names;
    }

    /**
     * Lays one form's rows into the tables, as the document asks for them: the national form's rows are those of
     * {@link FormGrid}, its specification; every other form's are its template's own ({@link TemplateRowsLayout}).
     */
    FormRows layout(FormLayout form, Map<String, String> formValues) {
        return form.form() == Form.NATIONAL ? new TableLayout(this, form, formValues)
                : new TemplateRowsLayout(this, form, formValues);
    }

    /** The rows of template table {@code table}, in order. */
    List<TemplateRow> rows(int table) {
        return tables.get(table);
    }

    /** The page's height less its margins, in twips. */
    long pageBody() {
        return pageBody;
    }

    /** The template's fields by mark number. */
    List<FieldUse> fields() {
        return fields;
    }

    /** Serializes a template cell as a form shows it: with this span and merge, emptied when it continues a merge. */
    private synchronized CellXml compileCell(TemplateRow row, CellKey key, Row gridRow) throws DocxException {
        CellXml compiled = row.cells.get(key);
        if (compiled != null) {
            return compiled;
        }
        int index = -1;
        for (int i = 0; i + 1 < row.cellStarts.length; i++) {
            if (row.cellStarts[i] <= key.column() && key.column() < row.cellStarts[i + 1]) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            throw new DocxException("the row for " + TableLayout.describe(gridRow) + " has no cell at grid column "
                    + (key.column() + 1));
        }
        compiled = TemplateCell.compile(row.source.getTcArray(index), key, row.columns, row.paragraphSizes[index],
                options(cellName), fields);
        row.cells.put(key, compiled);
        return compiled;
    }

    private XmlOptions options(QName element) {
        XmlOptions options = new XmlOptions();
        options.setSaveImplicitNamespaces(namespaces);
        options.setSaveSyntheticDocumentElement(element);
        return options;
    }
}
