package cn.jixiao.render.docx;

import cn.jixiao.layout.FormGrid;
import cn.jixiao.layout.FormGrid.Cell;
import cn.jixiao.layout.FormGrid.Row;
import cn.jixiao.layout.FormGrid.RowKind;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.layout.FormLayout.IndicatorRow;
import cn.jixiao.layout.FormLayout.Level1Group;
import cn.jixiao.layout.FormLayout.Level2Group;
import cn.jixiao.render.docx.FormTable.TemplateRow;
import cn.jixiao.render.docx.TemplateCell.CellXml;
import cn.jixiao.render.docx.TemplateCell.Merge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One form being laid into the template's tables: where it is on {@link FormGrid}, and which merges run down from rows
 * above. The document part asks for each table's rows in turn.
 */
final class TableLayout implements FormRows {

    /**
     * A row estimated taller than this share of the page body may break across pages whatever the template says: Word
     * cuts off a row that may not break and does not fit on a page.
     */
    static final double SPLITTABLE_SHARE_OF_PAGE = 0.5;

    private final FormTable table;
    private final List<Row> grid;
    private final List<Map<String, String>> indicators;
    private final Map<String, String> formValues;
    private final int[] mergedUntil = new int[FormGrid.COLUMNS]; // last grid row a merge from above covers
    private final int[] mergedSpan = new int[FormGrid.COLUMNS];
    private int gridRow;
    private int indicator;

    TableLayout(FormTable table, FormLayout form, Map<String, String> formValues) {
        this.table = table;
        this.grid = FormGrid.rows(form);
        this.indicators = indicatorValues(form);
        this.formValues = formValues;
        Arrays.fill(mergedUntil, -1);
    }

    @Override
    public void write(int tableNumber, PartWriter out) throws DocxException {
        List<TemplateRow> rows = table.rows(tableNumber);
        for (TemplateRow templateRow : rows) {
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
            if (row.kind() == RowKind.INDICATORS_HEADER && templateRow != rows.get(0)) {
                throw new DocxException("the indicator header row (row " + templateRow.number + ") must be the"
                        + " first row of its table, so that Word can repeat it on every page");
            }
            layRow(out, templateRow, formValues::get);
        }
    }

    /** Fails when the template's tables end before the form's rows do. */
    @Override
    public void finish() throws DocxException {
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
                tallest = Math.max(tallest, CellHeight.estimate(xml, table.fields(), values));
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
        out.append(tallest <= SPLITTABLE_SHARE_OF_PAGE * table.pageBody()
                ? templateRow.open : templateRow.openSplittable);
        for (CellXml cell : cells) {
            cell.xml().write(out, values, null);
        }
        out.append(templateRow.close);
    }

    /** The grid row as messages name it: its kind and its first cell's text. */
    static String describe(Row row) {
        return row.cells().isEmpty() ? row.kind().toString() : row.kind() + " \"" + row.cells().get(0).text() + "\"";
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
}
