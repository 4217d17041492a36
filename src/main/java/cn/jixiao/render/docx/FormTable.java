package cn.jixiao.render.docx;

import cn.jixiao.layout.FormGrid;
import cn.jixiao.layout.FormGrid.Cell;
import cn.jixiao.layout.FormGrid.Row;
import cn.jixiao.layout.FormGrid.RowKind;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.layout.FormLayout.IndicatorRow;
import cn.jixiao.layout.FormLayout.Level1Group;
import cn.jixiao.layout.FormLayout.Level2Group;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.apache.poi.ooxml.util.POIXMLUnits;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGridCol;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Lays the form's table into the template's tables. The rows, their column spans and their vertical merges are those
 * of {@link FormGrid}; the template gives each cell its content (fixed wording and {@code ${...}} fields) and its
 * formatting, and each row whether it may break across pages (the shipped template: the indicator rows may, as the
 * PDF's do, the other rows move to the next page whole). The template's rows are the form's rows in order, with one
 * prototype row (the row holding {@code ${indicator...}} fields) that is repeated for every indicator.
 *
 * <p>The template's rows are read once: each cell as it appears in a form (with its column span and its place in a
 * vertical merge) is serialized the first time a form needs it and kept as XML with slots for the fields. A form's
 * rows are then written as text.
 */
final class FormTable {

    /** EMU per twip: POI measures lengths in EMU. */
    private static final long EMU_PER_TWIP = 635;
    /** Line height of a CJK font as a multiple of its size (Noto Serif SC: ascent 1.151 + descent 0.286). */
    private static final double LINE_HEIGHT = 1.44;
    /**
     * A row estimated taller than this share of the page body may break across pages whatever the template says: Word
     * cuts off a row that may not break and does not fit on a page.
     */
    private static final double SPLITTABLE_SHARE_OF_PAGE = 0.5;
    /** A4 less the form's top and bottom margins of 43 pt, for a template without a page size. */
    private static final long DEFAULT_PAGE_BODY = 16838 - 2 * 860;

    /** How a cell takes part in a vertical merge. */
    private enum Merge { NONE, RESTART, CONTINUE }

    /** A paragraph of a cell, for the height estimate: its font size and its text with field marks. */
    private record ParagraphText(double sizeTwips, String text) {
    }

    /** A cell as a form shows it, serialized. */
    private record CellXml(XmlTemplate xml, long widthTwips, List<ParagraphText> paragraphs) {
    }

    private record CellKey(int column, Merge merge, int span) {
    }

    /** A row of the template: its own XML around the cells, and its cells as forms need them. */
    private final class TemplateRow {
        final int number; // 1-based over all tables, for messages
        final boolean prototype;
        final CTRow source; // fields marked; only read while holding FormTable.this
        final long[] columns;
        final int[] cellStarts; // grid column where each template cell starts, and where the last ends
        final double[][] paragraphSizes; // per template cell, per paragraph
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
            for (int i = 0; i < templateCells.size(); i++) {
                cellStarts[i + 1] = cellStarts[i] + span(templateCells.get(i));
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
     * @param columns    each table's grid column widths, see {@link #columnWidths}
     * @param rows       each table's rows, copies the caller leaves alone
     * @param pageBody   the page's height less its margins, see {@link #pageBodyHeight}
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
            for (CTP paragraph : cell.getPList()) {
                for (CTR run : paragraph.getRList()) {
                    String text = Placeholders.runText(run);
                    for (int mark = text.indexOf(XmlTemplate.FIELD); mark >= 0;
                         mark = text.indexOf(XmlTemplate.FIELD, mark + 1)) {
                        int number = Integer.parseInt(text.substring(mark + 1, text.indexOf(XmlTemplate.END, mark)));
                        if (fields.get(number).name().startsWith(Placeholders.INDICATOR_PREFIX)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Writes one form's rows, table by table, as the document asks for them. */
    Layout layout(FormLayout form, Map<String, String> formValues) {
        return new Layout(form, formValues);
    }

    /** One form being laid out: where it is on the grid, and which merges run down from rows above. */
    final class Layout implements XmlTemplate.Rows {
        private final List<Row> grid;
        private final List<Map<String, String>> indicators;
        private final Map<String, String> formValues;
        private final int[] mergedUntil = new int[FormGrid.COLUMNS]; // last grid row a merge from above covers
        private final int[] mergedSpan = new int[FormGrid.COLUMNS];
        private int gridRow;
        private int indicator;

        private Layout(FormLayout form, Map<String, String> formValues) {
            this.grid = FormGrid.rows(form);
            this.indicators = indicatorValues(form);
            this.formValues = formValues;
            Arrays.fill(mergedUntil, -1);
        }

        @Override
        public void write(int table, PartWriter out) throws DocxException {
            for (TemplateRow templateRow : tables.get(table)) {
                if (templateRow.prototype) {
                    while (gridRow < grid.size() && grid.get(gridRow).kind() == RowKind.INDICATOR) {
                        Map<String, String> own = indicators.get(indicator++);
                        layRow(out, templateRow, name -> own.containsKey(name) ? own.get(name) : formValues.get(name));
                    }
                    continue;
                }
                if (gridRow >= grid.size()) {
                    throw new DocxException("has more table rows than the form (row " + templateRow.number + ")");
                }
                Row row = grid.get(gridRow);
                if (row.kind() == RowKind.INDICATOR) {
                    throw new DocxException("table row " + templateRow.number
                            + " should be the indicator row with the ${indicator...} fields");
                }
                if (row.kind() == RowKind.INDICATORS_HEADER && templateRow != tables.get(table).get(0)) {
                    throw new DocxException("the indicator header row (row " + templateRow.number + ") must be the"
                            + " first row of its table, so that Word can repeat it on every page");
                }
                layRow(out, templateRow, formValues::get);
            }
        }

        /** Fails when the template's tables end before the form's rows do. */
        void finish() throws DocxException {
            if (gridRow < grid.size()) {
                throw new DocxException("has fewer table rows than the form: no row for " + describe(grid.get(gridRow)));
            }
        }

        /** One cell per grid position: a cell that starts here, or the continuation of a vertical merge from above. */
        private void layRow(PartWriter out, TemplateRow templateRow, Function<String, String> values)
                throws DocxException {
            Row row = grid.get(gridRow);
            int rowIndex = gridRow++;
            Cell[] starting = new Cell[FormGrid.COLUMNS];
            row.cells().forEach(cell -> starting[cell.column()] = cell);
            List<CellXml> cells = new ArrayList<>(FormGrid.COLUMNS);
            double tallest = 0;
            int column = 0;
            while (column < FormGrid.COLUMNS) {
                Cell cell = starting[column];
                CellXml xml;
                int span;
                if (cell != null) {
                    span = cell.columnSpan();
                    xml = templateRow.cell(column, cell.rowSpan() > 1 ? Merge.RESTART : Merge.NONE, span, row);
                    if (cell.rowSpan() > 1) {
                        mergedUntil[column] = rowIndex + cell.rowSpan() - 1;
                        mergedSpan[column] = span;
                    }
                    tallest = Math.max(tallest, estimatedHeight(xml, values));
                } else if (mergedUntil[column] >= rowIndex) {
                    span = mergedSpan[column];
                    xml = templateRow.cell(column, Merge.CONTINUE, span, row);
                } else {
                    throw new IllegalStateException("FormGrid leaves column " + column + " of " + row.kind()
                            + " empty");
                }
                cells.add(xml);
                column += span;
            }
            out.append(tallest <= SPLITTABLE_SHARE_OF_PAGE * pageBody ? templateRow.open : templateRow.openSplittable);
            for (CellXml cell : cells) {
                cell.xml().write(out, values, null);
            }
            out.append(templateRow.close);
        }
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
            throw new DocxException("the row for " + describe(gridRow) + " has no cell at grid column "
                    + (key.column() + 1));
        }
        CTTc cell = (CTTc) row.source.getTcArray(index).copy();
        setMerge(cell, key.merge());
        if (key.merge() == Merge.CONTINUE) {
            clearContent(cell);
        }
        long width = setSpan(cell, key.span(), row.columns, key.column());
        List<ParagraphText> paragraphs = new ArrayList<>();
        if (key.merge() != Merge.CONTINUE) { // a continued cell is empty and adds no height
            List<CTP> cellParagraphs = cell.getPList();
            for (int i = 0; i < cellParagraphs.size(); i++) {
                StringBuilder text = new StringBuilder();
                for (CTR run : cellParagraphs.get(i).getRList()) {
                    text.append(Placeholders.runText(run)).append(run.sizeOfBrArray() > 0 ? "\n" : "");
                }
                paragraphs.add(new ParagraphText(row.paragraphSizes[index][i], text.toString()));
            }
        }
        compiled = new CellXml(XmlTemplate.parse(cell.xmlText(options(cellName)), fields), width, paragraphs);
        row.cells.put(key, compiled);
        return compiled;
    }

    private XmlOptions options(QName element) {
        XmlOptions options = new XmlOptions();
        options.setSaveImplicitNamespaces(namespaces);
        options.setSaveSyntheticDocumentElement(element);
        return options;
    }

    private static String describe(Row row) {
        return row.cells().isEmpty() ? row.kind().toString() : row.kind() + " \"" + row.cells().get(0).text() + "\"";
    }

    private static int span(CTTc cell) {
        CTTcPr properties = cell.getTcPr();
        return properties != null && properties.isSetGridSpan() ? properties.getGridSpan().getVal().intValue() : 1;
    }

    /** Sets the span and the matching width; returns the width in twips. */
    private static long setSpan(CTTc cell, int span, long[] columns, int column) {
        CTTcPr properties = cell.isSetTcPr() ? cell.getTcPr() : cell.addNewTcPr();
        long width = 0;
        for (int i = column; i < column + span; i++) {
            width += columns[i];
        }
        if (!properties.isSetTcW()) {
            properties.addNewTcW();
        }
        properties.getTcW().setW(BigInteger.valueOf(width));
        properties.getTcW().setType(STTblWidth.DXA);
        if (span > 1) {
            (properties.isSetGridSpan() ? properties.getGridSpan() : properties.addNewGridSpan())
                    .setVal(BigInteger.valueOf(span));
        } else if (properties.isSetGridSpan()) {
            properties.unsetGridSpan();
        }
        return width;
    }

    private static void setMerge(CTTc cell, Merge merge) {
        CTTcPr properties = cell.isSetTcPr() ? cell.getTcPr() : cell.addNewTcPr();
        if (properties.isSetVMerge()) {
            properties.unsetVMerge();
        }
        if (merge == Merge.RESTART) {
            properties.addNewVMerge().setVal(STMerge.RESTART);
        } else if (merge == Merge.CONTINUE) {
            properties.addNewVMerge(); // no value: continue
        }
    }

    /** A continued merge cell holds one empty paragraph with the formatting of its first. */
    private static void clearContent(CTTc cell) {
        CTP empty = CTP.Factory.newInstance();
        if (cell.sizeOfPArray() > 0 && cell.getPArray(0).isSetPPr()) {
            empty.setPPr(cell.getPArray(0).getPPr());
        }
        cell.setPArray(new CTP[] {empty});
        while (cell.sizeOfTblArray() > 0) {
            cell.removeTbl(0);
        }
    }

    /** The fields of every indicator row, in the order of FormGrid's indicator rows. */
    private static List<Map<String, String>> indicatorValues(FormLayout form) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Level1Group group : form.indicatorGroups()) {
            for (Level2Group subgroup : group.subgroups()) {
                for (IndicatorRow row : subgroup.rows()) {
                    rows.add(Placeholders.indicatorValues(group.label(), subgroup.label(), row));
                }
            }
        }
        return rows;
    }

    /** The table's grid column widths in twips; the table must have the form's columns. */
    static long[] columnWidths(CTTbl table) throws DocxException {
        List<CTTblGridCol> grid = table.getTblGrid() == null ? List.of() : table.getTblGrid().getGridColList();
        if (grid.size() != FormGrid.COLUMNS) {
            throw new DocxException("has a table of " + grid.size() + " grid columns; the form has "
                    + FormGrid.COLUMNS);
        }
        long[] widths = new long[grid.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = POIXMLUnits.parseLength(grid.get(i).xgetW()) / EMU_PER_TWIP;
        }
        return widths;
    }

    /** Page height less top and bottom margins, in twips. */
    static long pageBodyHeight(CTSectPr section) {
        if (section == null || section.getPgSz() == null || section.getPgMar() == null) {
            return DEFAULT_PAGE_BODY;
        }
        return (POIXMLUnits.parseLength(section.getPgSz().xgetH())
                - POIXMLUnits.parseLength(section.getPgMar().xgetTop())
                - POIXMLUnits.parseLength(section.getPgMar().xgetBottom())) / EMU_PER_TWIP;
    }

    /**
     * A rough height of the cell's text in twips: characters of East Asian width count one em, others half an em, lines
     * wrap at the cell's width. It only decides whether a row may break across pages, so it errs on the tall side.
     */
    private double estimatedHeight(CellXml cell, Function<String, String> values) {
        double usable = Math.max(cell.widthTwips() - 2 * 40, 20);
        double height = 40;
        for (ParagraphText paragraph : cell.paragraphs()) {
            double size = paragraph.sizeTwips();
            int lines = 0;
            for (String line : withValues(paragraph.text(), values).split("\n", -1)) {
                double ems = line.codePoints().mapToDouble(c -> isWide(c) ? 1 : 0.5).sum();
                lines += Math.max(1, (int) Math.ceil(ems * size / usable));
            }
            height += lines * size * LINE_HEIGHT;
        }
        return height;
    }

    /** The text with each field mark replaced by the field's value. */
    private String withValues(String text, Function<String, String> values) {
        if (text.indexOf(XmlTemplate.FIELD) < 0) {
            return text;
        }
        StringBuilder filled = new StringBuilder();
        int from = 0;
        for (int mark = text.indexOf(XmlTemplate.FIELD); mark >= 0; mark = text.indexOf(XmlTemplate.FIELD, from)) {
            int end = text.indexOf(XmlTemplate.END, mark);
            filled.append(text, from, mark)
                    .append(values.apply(fields.get(Integer.parseInt(text.substring(mark + 1, end))).name()));
            from = end + 1;
        }
        return filled.append(text, from, text.length()).toString();
    }

    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x1F300;
    }
}
