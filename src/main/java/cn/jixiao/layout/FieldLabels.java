package cn.jixiao.layout;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a person filling in the form knows a JSON path by: the labels printed on the form, e.g.
 * {@code $.indicators[2].weight} is {@code 绩效指标第3行 · 分值} and {@code $.funds.fiscal.executed} is
 * {@code 当年财政拨款 · 全年执行数}. Messages give it beside the path, so that both a person and a program find the cell.
 */
public final class FieldLabels {

    private static final Map<String, String> TOP_LEVEL = Map.of(
            "year", "年度",
            "projectName", FormGrid.PROJECT_NAME,
            "department", FormGrid.DEPARTMENT,
            "implementingUnit", FormGrid.IMPLEMENTING_UNIT,
            "reportDate", "填报日期",
            "funds", FormGrid.FUNDS,
            "goals", FormGrid.GOALS,
            "indicators", FormGrid.INDICATORS,
            "totalScore", FormGrid.TOTAL + " · " + FormGrid.SCORE);
    private static final Map<String, String> FUND_ROWS = Map.of(
            "total", FormGrid.FUNDS_TOTAL,
            "fiscal", "当年财政拨款", // printed as 其中：当年财政拨款
            "carryover", FormGrid.FUNDS_CARRYOVER,
            "other", FormGrid.FUNDS_OTHER);
    private static final Map<String, String> FUND_COLUMNS = Map.of(
            "initialBudget", FormGrid.INITIAL_BUDGET,
            "annualBudget", FormGrid.ANNUAL_BUDGET,
            "executed", FormGrid.EXECUTED,
            "weight", FormGrid.WEIGHT,
            "executionRate", FormGrid.EXECUTION_RATE,
            "score", FormGrid.SCORE);
    private static final Map<String, String> GOALS = Map.of(
            "expected", FormGrid.EXPECTED_GOAL,
            "actual", FormGrid.ACTUAL_GOAL);
    private static final Map<String, String> INDICATOR_COLUMNS = Map.of(
            "level1", FormGrid.LEVEL1,
            "level2", FormGrid.LEVEL2,
            "level3", FormGrid.LEVEL3,
            "target", FormGrid.TARGET,
            "actual", FormGrid.ACTUAL,
            "weight", FormGrid.WEIGHT,
            "score", FormGrid.SCORE,
            "deviation", FormGrid.DEVIATION);

    private static final Pattern FUND = Pattern.compile("\\$\\.funds\\.(\\w+)(?:\\.(\\w+))?.*");
    private static final Pattern GOAL = Pattern.compile("\\$\\.goals\\.(\\w+).*");
    private static final Pattern INDICATOR = Pattern.compile("\\$\\.indicators\\[(\\d{1,9})](?:\\.(\\w+))?.*");
    private static final Pattern TOP = Pattern.compile("\\$\\.(\\w+).*");

    private FieldLabels() {
    }

    /**
     * The label of the cell or part of the form a JSON path of one project leads to; {@code 整张表} for the project
     * itself ({@code $} or {@code null}), and the path itself for a field the form does not have (an unknown field).
     */
    public static String of(String path) {
        if (path == null || path.equals("$")) {
            return "整张表";
        }
        Matcher fund = FUND.matcher(path);
        if (fund.matches() && FUND_ROWS.containsKey(fund.group(1))) {
            String row = FUND_ROWS.get(fund.group(1));
            String column = fund.group(2) == null ? null : FUND_COLUMNS.get(fund.group(2));
            if (column == null) {
                return row;
            }
            // 执行率 is printed once on the form, in the total's row: its own name is enough.
            return fund.group(2).equals("executionRate") ? column : row + " · " + column;
        }
        Matcher goal = GOAL.matcher(path);
        if (goal.matches() && GOALS.containsKey(goal.group(1))) {
            return GOALS.get(goal.group(1));
        }
        Matcher indicator = INDICATOR.matcher(path);
        if (indicator.matches()) {
            String row = FormGrid.INDICATORS + "第" + (Long.parseLong(indicator.group(1)) + 1) + "行";
            String column = indicator.group(2) == null ? null : INDICATOR_COLUMNS.get(indicator.group(2));
            return column == null ? row : row + " · " + column;
        }
        Matcher top = TOP.matcher(path);
        if (top.matches() && TOP_LEVEL.containsKey(top.group(1))) {
            return TOP_LEVEL.get(top.group(1));
        }
        return path;
    }
}
