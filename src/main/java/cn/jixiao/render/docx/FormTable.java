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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ooxml.util.POIXMLUnits;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
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
 * formatting. The template's rows are the form's rows in order, with one prototype row (the row holding
 * {@code ${indicator...}} fields) that is cloned for every indicator.
 */
final class FormTable {

    /** EMU per twip: POI measures lengths in EMU. */
    private static final long EMU_PER_TWIP = 635;
    /** Line height of a CJK font as a multiple of its size (Noto Serif SC: ascent 1.151 + descent 0.286). */
    private static final double LINE_HEIGHT = 1.44;
    /** A row estimated taller than this share of the page body may break across pages; shorter rows move whole. */
    private static final double SPLITTABLE_SHARE_OF_PAGE = 0.5;

    private final CTBody body;
    private final List<CTTbl> tables;
    private final Styles styles;

    private FormTable(CTBody body, Styles styles) {
        this.body = body;
        this.tables = body.getTblList();
        this.styles = styles;
    }

    /** Builds the form's rows into the template's tables and fills their fields. */
    static void fill(CTBody body, Styles styles, FormLayout form, Map<String, String> formValues,
                     Set<String> knownFields) throws DocxException {
        new FormTable(body, styles).fill(form, formValues, knownFields);
    }

    private void fill(FormLayout form, Map<String, String> formValues, Set<String> knownFields)
            throws DocxException {
        if (tables.isEmpty()) {
            throw new DocxException("has no table for the form");
        }
        List<Row> grid = FormGrid.rows(form);
        List<Map<String, String>> indicators = indicatorValues(form);
        long pageBody = pageBodyHeight();
        int gridRow = 0;
        int indicator = 0;
        int[] mergedUntil = new int[FormGrid.COLUMNS]; // last grid row a vertical merge starting above covers
        int[] mergedSpan = new int[FormGrid.COLUMNS];
        Arrays.fill(mergedUntil, -1);
        int templateRowNumber = 0;
        for (CTTbl table : tables) {
            long[] columns = columnWidths(table);
            List<CTRow> rows = new ArrayList<>();
            List<Row> gridRows = new ArrayList<>();
            List<Integer> gridIndexes = new ArrayList<>();
            List<Map<String, String>> rowValues = new ArrayList<>();
            for (CTRow templateRow : table.getTrList()) {
                templateRowNumber++;
                if (isPrototype(templateRow)) {
                    while (gridRow < grid.size() && grid.get(gridRow).kind() == RowKind.INDICATOR) {
                        rows.add((CTRow) templateRow.copy());
                        gridIndexes.add(gridRow);
                        gridRows.add(grid.get(gridRow++));
                        rowValues.add(indicators.get(indicator++));
                    }
                    continue;
                }
                if (gridRow >= grid.size()) {
                    throw new DocxException("has more table rows than the form (row " + templateRowNumber + ")");
                }
                Row row = grid.get(gridRow);
                if (row.kind() == RowKind.INDICATOR) {
                    throw new DocxException("table row " + templateRowNumber
                            + " should be the indicator row with the ${indicator...} fields");
                }
                if (row.kind() == RowKind.INDICATORS_HEADER && !rows.isEmpty()) {
                    throw new DocxException("the indicator header row (row " + templateRowNumber + ") must be the"
                            + " first row of its table, so that Word can repeat it on every page");
                }
                rows.add((CTRow) templateRow.copy());
                gridIndexes.add(gridRow);
                gridRows.add(row);
                rowValues.add(Map.of());
                gridRow++;
            }
            table.setTrArray(rows.toArray(new CTRow[0]));
            for (int i = 0; i < gridRows.size(); i++) {
                Map<String, String> own = rowValues.get(i);
                Function<String, String> values = name -> own.containsKey(name) ? own.get(name) : formValues.get(name);
                layRow(table.getTrArray(i), gridRows.get(i), gridIndexes.get(i), mergedUntil, mergedSpan, columns, values,
                        knownFields, pageBody);
            }
        }
        if (gridRow < grid.size()) {
            throw new DocxException("has fewer table rows than the form: no row for " + describe(grid.get(gridRow)));
        }
    }

    private static String describe(Row row) {
        return row.cells().isEmpty() ? row.kind().toString() : row.kind() + " \"" + row.cells().get(0).text() + "\"";
    }

    /** One cell per grid position: a cell that starts here, or the continuation of a vertical merge from above. */
    private void layRow(CTRow row, Row gridRow, int rowIndex, int[] mergedUntil, int[] mergedSpan, long[] columns,
                        Function<String, String> values, Set<String> knownFields, long pageBody)
            throws DocxException {
        List<CTTc> template = row.getTcList();
        int[] templateStarts = new int[template.size() + 1];
        for (int i = 0; i < template.size(); i++) {
            templateStarts[i + 1] = templateStarts[i] + span(template.get(i));
        }
        List<CTTc> cells = new ArrayList<>();
        List<Boolean> continued = new ArrayList<>();
        Cell[] starting = new Cell[FormGrid.COLUMNS];
        gridRow.cells().forEach(cell -> starting[cell.column()] = cell);
        int column = 0;
        while (column < FormGrid.COLUMNS) {
            Cell cell = starting[column];
            int span;
            CTTc tc;
            if (cell != null) {
                tc = (CTTc) templateCell(template, templateStarts, column, gridRow).copy();
                span = cell.columnSpan();
                setMerge(tc, cell.rowSpan() > 1 ? STMerge.RESTART : null);
                if (cell.rowSpan() > 1) {
                    mergedUntil[column] = rowIndex + cell.rowSpan() - 1;
                    mergedSpan[column] = span;
                }
                continued.add(false);
            } else if (mergedUntil[column] >= rowIndex) {
                tc = (CTTc) templateCell(template, templateStarts, column, gridRow).copy();
                span = mergedSpan[column];
                clearContent(tc);
                setMerge(tc, STMerge.CONTINUE);
                continued.add(true);
            } else {
                throw new IllegalStateException("FormGrid leaves column " + column + " of " + gridRow.kind() + " empty");
            }
            setSpan(tc, span, columns, column);
            cells.add(tc);
            column += span;
        }
        row.setTcArray(cells.toArray(new CTTc[0]));
        double tallest = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (continued.get(i)) {
                continue;
            }
            CTTc tc = row.getTcArray(i);
            for (CTP paragraph : tc.getPList()) {
                Placeholders.fill(paragraph, values, knownFields);
            }
            tallest = Math.max(tallest, estimatedHeight(tc));
        }
        setCantSplit(row, tallest <= SPLITTABLE_SHARE_OF_PAGE * pageBody);
    }

    /** The template cell that starts at this grid column, else the one covering it. */
    private static CTTc templateCell(List<CTTc> template, int[] starts, int column, Row gridRow)
            throws DocxException {
        for (int i = 0; i < template.size(); i++) {
            if (starts[i] <= column && column < starts[i + 1]) {
                return template.get(i);
            }
        }
        throw new DocxException("the row for " + describe(gridRow) + " has no cell at grid column " + (column + 1));
    }

    private static int span(CTTc cell) {
        CTTcPr properties = cell.getTcPr();
        return properties != null && properties.isSetGridSpan() ? properties.getGridSpan().getVal().intValue() : 1;
    }

    private static void setSpan(CTTc cell, int span, long[] columns, int column) {
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
    }

    /** Sets a vertical merge: restart, continue, or none for {@code null}. */
    private static void setMerge(CTTc cell, STMerge.Enum merge) {
        CTTcPr properties = cell.isSetTcPr() ? cell.getTcPr() : cell.addNewTcPr();
        if (properties.isSetVMerge()) {
            properties.unsetVMerge();
        }
        if (merge == STMerge.RESTART) {
            properties.addNewVMerge().setVal(STMerge.RESTART);
        } else if (merge == STMerge.CONTINUE) {
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

    private static void setCantSplit(CTRow row, boolean cantSplit) {
        CTTrPr properties = row.isSetTrPr() ? row.getTrPr() : row.addNewTrPr();
        while (properties.sizeOfCantSplitArray() > 0) {
            properties.removeCantSplit(0);
        }
        if (cantSplit) {
            properties.addNewCantSplit();
        }
    }

    /** The row with the {@code ${indicator...}} fields. */
    private static boolean isPrototype(CTRow row) {
        for (CTTc cell : row.getTcList()) {
            for (CTP paragraph : cell.getPList()) {
                if (Placeholders.hasIndicatorField(paragraph)) {
                    return true;
                }
            }
        }
        return false;
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

    private static long[] columnWidths(CTTbl table) throws DocxException {
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
    private long pageBodyHeight() {
        var section = body.getSectPr();
        if (section == null || section.getPgSz() == null || section.getPgMar() == null) {
            return 16838 - 2 * 850;
        }
        return (POIXMLUnits.parseLength(section.getPgSz().xgetH())
                - POIXMLUnits.parseLength(section.getPgMar().xgetTop())
                - POIXMLUnits.parseLength(section.getPgMar().xgetBottom())) / EMU_PER_TWIP;
    }

    /**
     * A rough height of the cell's text in twips: characters of East Asian width count one em, others half an em, lines
     * wrap at the cell's width. It only decides whether a row may break across pages, so it errs on the tall side.
     */
    private double estimatedHeight(CTTc cell) {
        long width = cell.getTcPr().getTcW() == null ? 1 : ((BigInteger) cell.getTcPr().getTcW().getW()).longValue();
        double usable = Math.max(width - 2 * 40, 20);
        double height = 40;
        for (CTP paragraph : cell.getPList()) {
            double size = styles.fontSizeTwips(paragraph);
            StringBuilder text = new StringBuilder();
            paragraph.getRList().forEach(run -> text.append(Placeholders.runText(run)).append(
                    run.sizeOfBrArray() > 0 ? "\n" : ""));
            int lines = 0;
            for (String line : text.toString().split("\n", -1)) {
                double ems = line.codePoints().mapToDouble(c -> isWide(c) ? 1 : 0.5).sum();
                lines += Math.max(1, (int) Math.ceil(ems * size / usable));
            }
            height += lines * size * LINE_HEIGHT;
        }
        return height;
    }

    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x1F300;
    }
}
