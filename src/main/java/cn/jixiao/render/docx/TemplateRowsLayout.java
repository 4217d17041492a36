package cn.jixiao.render.docx;

import cn.jixiao.layout.FormLayout;
import cn.jixiao.layout.FormLayout.IndicatorRow;
import cn.jixiao.layout.FormLayout.Level1Group;
import cn.jixiao.layout.FormLayout.Level2Group;
import cn.jixiao.render.docx.FormTable.TemplateRow;
import cn.jixiao.render.docx.TemplateCell.CellXml;
import cn.jixiao.render.docx.TemplateCell.Merge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One form laid into a template that holds the whole table as the published form prints it: every row with its
 * column spans and its fixed vertical merges (a block label such as 资金情况（万元）merged down its rows, and down the
 * prototype row beside the indicators). The template's rows are written as they are; the prototype row, the one with
 * {@code ${indicator...}} fields, once per indicator, its {@code ${indicator.level1}} and {@code ${indicator.level2}}
 * cells merged down over the rows of their group. So a form's grid is stated once, in its template, and a new form
 * needs no code.
 */
final class TemplateRowsLayout implements FormRows {

    private static final String LEVEL1 = Placeholders.INDICATOR_PREFIX + "level1";
    private static final String LEVEL2 = Placeholders.INDICATOR_PREFIX + "level2";

    /** An indicator row's values and its place in its merged 一级 and 二级 groups. */
    private record Indicator(Map<String, String> values, Merge level1, Merge level2) {
    }

    private final FormTable table;
    private final List<Indicator> indicators = new ArrayList<>();
    private final Map<String, String> formValues;
    private boolean prototypeWritten;

    TemplateRowsLayout(FormTable table, FormLayout form, Map<String, String> formValues) {
        this.table = table;
        this.formValues = formValues;
        for (Level1Group group : form.indicatorGroups()) {
            int inGroup = 0;
            for (Level2Group subgroup : group.subgroups()) {
                int inSubgroup = 0;
                for (IndicatorRow row : subgroup.rows()) {
                    indicators.add(new Indicator(
                            Placeholders.indicatorValues(group.label(), subgroup.label(), row),
                            merge(inGroup++, group.rowCount()), merge(inSubgroup++, subgroup.rows().size())));
                }
            }
        }
    }

    /** The merge of the row at this place in a group of this many rows. */
    private static Merge merge(int place, int rows) {
        return rows == 1 ? Merge.NONE : place == 0 ? Merge.RESTART : Merge.CONTINUE;
    }

    @Override
    public void write(int tableNumber, PartWriter out) throws DocxException {
        for (TemplateRow row : table.rows(tableNumber)) {
            if (!row.prototype) {
                layRow(out, row, null, formValues::get);
                continue;
            }
            if (prototypeWritten) {
                throw new DocxException("has a second row with ${indicator...} fields (row " + row.number
                        + "); a form has one indicator row");
            }
            prototypeWritten = true;
            for (Indicator indicator : indicators) {
                Map<String, String> own = indicator.values();
                layRow(out, row, indicator, name -> own.containsKey(name) ? own.get(name) : formValues.get(name));
            }
        }
    }

    @Override
    public void finish() throws DocxException {
        if (!prototypeWritten) {
            throw new DocxException("has no row with ${indicator...} fields for the indicators");
        }
    }

    /** The template row's cells with their own spans; in an indicator row the 一级 and 二级 cells merged. */
    private void layRow(PartWriter out, TemplateRow row, Indicator indicator, Function<String, String> values)
            throws DocxException {
        List<CellXml> cells = new ArrayList<>();
        double tallest = 0;
        for (int i = 0; i + 1 < row.cellStarts.length; i++) {
            Merge merge = Merge.KEEP;
            if (indicator != null) {
                List<String> names = row.fieldNames.get(i);
                merge = names.contains(LEVEL1) ? indicator.level1()
                        : names.contains(LEVEL2) ? indicator.level2() : Merge.KEEP;
            }
            CellXml cell = row.cell(row.cellStarts[i], merge, row.cellStarts[i + 1] - row.cellStarts[i], null);
            cells.add(cell);
            tallest = Math.max(tallest, CellHeight.estimate(cell, table.fields(), values));
        }
        out.append(tallest <= TableLayout.SPLITTABLE_SHARE_OF_PAGE * table.pageBody() ? row.open : row.openSplittable);
        for (CellXml cell : cells) {
            cell.xml().write(out, values, null);
        }
        out.append(row.close);
    }
}
