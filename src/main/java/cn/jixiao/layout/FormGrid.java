package cn.jixiao.layout;

import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.layout.FormLayout.FundRow;
import cn.jixiao.layout.FormLayout.IndicatorRow;
import cn.jixiao.layout.FormLayout.Level1Group;
import cn.jixiao.layout.FormLayout.Level2Group;
import cn.jixiao.model.FieldLabels;
import cn.jixiao.model.Form;
import java.util.ArrayList;
import java.util.List;

/**
 * The official form's table on its grid of {@value #COLUMNS} columns: which cell covers which rows and columns. This
 * is the one description of the table's rows and merges. It holds no widths: the columns' widths are in the
 * templates, in points in {@code form.jrxml} and {@code form-indicators.jrxml}, in twips in the grid of
 * {@code form.docx}.
 *
 * <p>The DOCX renderer builds its table from it. The JRXML templates lay out the same table themselves (frames, lists
 * and a subreport); tests hold both outputs to this description: the Word file's merged cells
 * ({@code DocxRendererTest}), and the lines of the printed PDF's table, whose columns must also be the Word
 * template's ({@code PdfTableFollowsFormGridTest}).
 *
 * <p>The columns are those of the 绩效指标 block: 0 the section label, 1 一级指标, 2 二级指标, 3 三级指标, 4 年度指标值,
 * 5 实际完成值, 6 分值, 7 得分, 8 偏差原因分析及改进措施. The other blocks span these columns.
 */
public final class FormGrid {

    public static final int COLUMNS = 9;

    public static final String TITLE = "项目支出绩效自评表";
    // The national form's words, as FieldLabels states them for every form.
    public static final String PROJECT_NAME = FieldLabels.of(Form.NATIONAL, JsonPath.of("projectName"));
    public static final String DEPARTMENT = FieldLabels.of(Form.NATIONAL, JsonPath.of("department"));
    public static final String IMPLEMENTING_UNIT = FieldLabels.of(Form.NATIONAL, JsonPath.of("implementingUnit"));
    public static final String FUNDS = FieldLabels.of(Form.NATIONAL, JsonPath.of("funds"));
    public static final String INITIAL_BUDGET = FieldLabels.fundsColumn(Form.NATIONAL, "initialBudget");
    public static final String ANNUAL_BUDGET = FieldLabels.fundsColumn(Form.NATIONAL, "annualBudget");
    public static final String EXECUTED = FieldLabels.fundsColumn(Form.NATIONAL, "executed");
    public static final String WEIGHT = FieldLabels.fundsColumn(Form.NATIONAL, "weight");
    public static final String EXECUTION_RATE = FieldLabels.fundsColumn(Form.NATIONAL, "executionRate");
    public static final String SCORE = FieldLabels.fundsColumn(Form.NATIONAL, "score");
    public static final String FUNDS_TOTAL = FieldLabels.of(Form.NATIONAL, JsonPath.of("funds", "total"));
    public static final String FUNDS_FISCAL = "其中：" + FieldLabels.of(Form.NATIONAL, JsonPath.of("funds", "fiscal"));
    public static final String FUNDS_CARRYOVER = FieldLabels.of(Form.NATIONAL, JsonPath.of("funds", "carryover"));
    public static final String FUNDS_OTHER = FieldLabels.of(Form.NATIONAL, JsonPath.of("funds", "other"));
    public static final String GOALS = FieldLabels.of(Form.NATIONAL, JsonPath.of("goals"));
    public static final String EXPECTED_GOAL = FieldLabels.of(Form.NATIONAL, JsonPath.of("goals", "expected"));
    public static final String ACTUAL_GOAL = FieldLabels.of(Form.NATIONAL, JsonPath.of("goals", "actual"));
    public static final String INDICATORS = FieldLabels.of(Form.NATIONAL, JsonPath.of("indicators"));
    public static final String LEVEL1 = FieldLabels.indicatorsColumn(Form.NATIONAL, "level1");
    public static final String LEVEL2 = FieldLabels.indicatorsColumn(Form.NATIONAL, "level2");
    public static final String LEVEL3 = FieldLabels.indicatorsColumn(Form.NATIONAL, "level3");
    public static final String TARGET = FieldLabels.indicatorsColumn(Form.NATIONAL, "target");
    public static final String ACTUAL = FieldLabels.indicatorsColumn(Form.NATIONAL, "actual");
    public static final String DEVIATION = FieldLabels.indicatorsColumn(Form.NATIONAL, "deviation");
    public static final String TOTAL = FieldLabels.total(Form.NATIONAL);

    /** What a row of the table is. */
    public enum RowKind {
        PROJECT, UNITS, FUNDS_HEADER, FUNDS, GOALS_HEADER, GOALS, INDICATORS_HEADER, INDICATOR, TOTAL
    }

    /**
     * A cell as it is drawn: its top-left position on the grid and how far it spans. A merged cell appears once, in
     * its first row; the positions it covers in later rows have no cell.
     *
     * @param label fixed wording of the form (printed by the template) rather than data
     */
    public record Cell(int column, int columnSpan, int rowSpan, String text, boolean label) {
    }

    public record Row(RowKind kind, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    private FormGrid() {
    }

    /** The table's rows, top to bottom. */
    public static List<Row> rows(FormLayout form) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(RowKind.PROJECT, List.of(label(0, 1, 1, PROJECT_NAME), value(1, 8, form.projectName()))));
        rows.add(new Row(RowKind.UNITS, List.of(
                label(0, 1, 1, DEPARTMENT), value(1, 3, form.department()),
                label(4, 1, 1, IMPLEMENTING_UNIT), value(5, 4, form.implementingUnit()))));

        rows.add(new Row(RowKind.FUNDS_HEADER, List.of(
                label(0, 1, 1 + form.funds().size(), FUNDS), label(1, 1, 1, ""),
                label(2, 1, 1, INITIAL_BUDGET), label(3, 1, 1, ANNUAL_BUDGET), label(4, 1, 1, EXECUTED),
                label(5, 1, 1, WEIGHT), label(6, 1, 1, EXECUTION_RATE), label(7, 2, 1, SCORE))));
        for (FundRow fund : form.funds()) {
            rows.add(new Row(RowKind.FUNDS, List.of(
                    label(1, 1, 1, fund.label()), value(2, 1, fund.initialBudget()),
                    value(3, 1, fund.annualBudget()), value(4, 1, fund.executed()), value(5, 1, fund.weight()),
                    value(6, 1, fund.executionRate()), value(7, 2, fund.score()))));
        }

        rows.add(new Row(RowKind.GOALS_HEADER, List.of(
                label(0, 1, 2, GOALS), label(1, 3, 1, EXPECTED_GOAL), label(4, 5, 1, ACTUAL_GOAL))));
        rows.add(new Row(RowKind.GOALS, List.of(value(1, 3, form.expectedGoal()), value(4, 5, form.actualGoal()))));

        rows.add(new Row(RowKind.INDICATORS_HEADER, List.of(
                label(0, 1, 1 + form.indicatorRowCount(), INDICATORS), label(1, 1, 1, LEVEL1),
                label(2, 1, 1, LEVEL2), label(3, 1, 1, LEVEL3), label(4, 1, 1, TARGET), label(5, 1, 1, ACTUAL),
                label(6, 1, 1, WEIGHT), label(7, 1, 1, SCORE), label(8, 1, 1, DEVIATION))));
        for (Level1Group group : form.indicatorGroups()) {
            boolean firstOfLevel1 = true;
            for (Level2Group subgroup : group.subgroups()) {
                boolean firstOfLevel2 = true;
                for (IndicatorRow indicator : subgroup.rows()) {
                    List<Cell> cells = new ArrayList<>();
                    if (firstOfLevel1) {
                        cells.add(value(1, 1, group.rowCount(), group.label()));
                    }
                    if (firstOfLevel2) {
                        cells.add(value(2, 1, subgroup.rows().size(), subgroup.label()));
                    }
                    cells.add(value(3, 1, indicator.level3()));
                    cells.add(value(4, 1, indicator.target()));
                    cells.add(value(5, 1, indicator.actual()));
                    cells.add(value(6, 1, indicator.weight()));
                    cells.add(value(7, 1, indicator.score()));
                    cells.add(value(8, 1, indicator.deviation()));
                    rows.add(new Row(RowKind.INDICATOR, cells));
                    firstOfLevel1 = false;
                    firstOfLevel2 = false;
                }
            }
        }

        rows.add(new Row(RowKind.TOTAL, List.of(
                label(0, 6, 1, TOTAL), value(6, 1, form.totalWeight()), value(7, 1, form.totalScore()),
                value(8, 1, ""))));
        return rows;
    }

    private static Cell label(int column, int span, int rowSpan, String text) {
        return new Cell(column, span, rowSpan, text, true);
    }

    private static Cell value(int column, int span, String text) {
        return value(column, span, 1, text);
    }

    private static Cell value(int column, int span, int rowSpan, String text) {
        return new Cell(column, span, rowSpan, text, false);
    }
}
