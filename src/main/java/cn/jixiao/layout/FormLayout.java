package cn.jixiao.layout;

import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Form;
import cn.jixiao.model.Formats;
import cn.jixiao.model.FundLine;
import cn.jixiao.model.FundTotal;
import cn.jixiao.model.Funds;
import cn.jixiao.model.Indicator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The filled form as both renderers print it: every value already formatted, the indicators grouped into the merged
 * 一级 and 二级 cells. {@link FormGrid} places these values on the national form's grid; the templates of the other
 * forms place them themselves, by the names of {@link #fields()}.
 *
 * @param funds  the national form's funds rows (its labels, — in the cells it does not score); empty for other forms
 * @param fields every value outside the indicator rows by its name in the templates, the input's JSON path without
 *               {@code $.}: {@code projectLeader}, {@code funds.fiscal.executionRate}, {@code overview.goal}; amounts
 *               and scores as written, 执行率 as given or else computed, absent values empty; and the block labels
 *               that state their points, as the form gives them ({@link Form#fundsBlock()}): {@code block.funds},
 *               {@code block.indicators}
 */
public record FormLayout(
        String period,            // （2023年度）
        String projectName,       // 项目名称
        String department,        // 主管部门
        String implementingUnit,  // 实施单位
        List<FundRow> funds,      // 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金
        String expectedGoal,      // 预期目标
        String actualGoal,        // 实际完成情况
        List<Level1Group> indicatorGroups,
        String totalWeight,       // 总分 row, 分值
        String totalScore,        // 总分 row, 得分
        Form form,
        Map<String, String> fields) {

    /** The 分值 and 得分 cells of the funds rows that are not scored, as the official form prints them. */
    public static final String NOT_SCORED = "—";

    public FormLayout {
        funds = List.copyOf(funds);
        indicatorGroups = List.copyOf(indicatorGroups);
        fields = Map.copyOf(fields);
    }

    /** One row of 项目资金（万元）. */
    public record FundRow(String label, String initialBudget, String annualBudget, String executed,
                          String weight, String executionRate, String score) {
    }

    /** A merged 一级指标 cell and the rows beside it. */
    public record Level1Group(String label, List<Level2Group> subgroups) {
        public Level1Group {
            subgroups = List.copyOf(subgroups);
        }

        public int rowCount() {
            return subgroups.stream().mapToInt(g -> g.rows().size()).sum();
        }
    }

    /** A merged 二级指标 cell and the rows beside it. */
    public record Level2Group(String label, List<IndicatorRow> rows) {
        public Level2Group {
            rows = List.copyOf(rows);
        }
    }

    /** The cells of one 三级指标 row right of its 二级 cell. */
    public record IndicatorRow(String level3, String target, String actual, String weight, String score,
                               String deviation, String nature, String unit) {
    }

    public int indicatorRowCount() {
        return indicatorGroups.stream().mapToInt(Level1Group::rowCount).sum();
    }

    public static FormLayout of(Evaluation evaluation) {
        FundTotal total = evaluation.funds().total();
        List<FundRow> funds = List.of(
                new FundRow(FormGrid.FUNDS_TOTAL, Formats.amount(total.initialBudget()),
                        Formats.amount(total.annualBudget()), Formats.amount(total.executed()),
                        Formats.numberOrText(total.weight()),
                        Formats.executionRate(total),
                        Formats.numberOrText(total.score())),
                source(FormGrid.FUNDS_FISCAL, evaluation.funds().fiscal()),
                source(FormGrid.FUNDS_CARRYOVER, evaluation.funds().carryover()),
                source(FormGrid.FUNDS_OTHER, evaluation.funds().other()));
        Map<String, String> fields = fields(evaluation);
        return new FormLayout(
                evaluation.year() == null ? "（    年度）" : "（" + evaluation.year() + "年度）",
                text(evaluation.projectName()),
                text(evaluation.department()),
                text(evaluation.implementingUnit()),
                evaluation.form() == Form.NATIONAL ? funds : List.of(),
                text(evaluation.goals().expected()),
                text(evaluation.goals().actual()),
                group(evaluation.indicators()),
                Formats.amount(evaluation.weightSum()),
                Formats.amount(evaluation.printedTotalScore()),
                evaluation.form(),
                fields);
    }

    /**
     * The values of {@link #fields()}; the JSON paths of the funds rows are their names in the input, the block labels
     * are the form's.
     */
    private static Map<String, String> fields(Evaluation evaluation) {
        Map<String, String> fields = new HashMap<>();
        fields.put("projectLeader", text(evaluation.projectLeader()));
        fields.put("reportCode", text(evaluation.reportCode()));
        fields.put("footnote", text(evaluation.footnote()));
        fields.put("overview.goal", text(evaluation.overview().goal()));
        fields.put("overview.achieved", text(evaluation.overview().achieved()));
        fields.put("overview.implementation", text(evaluation.overview().implementation()));
        fields.put("conclusion", text(evaluation.conclusion()));
        fields.put("problems", text(evaluation.problems()));
        fields.put("improvements", text(evaluation.improvements()));
        fields.put("signatures.projectLeader", text(evaluation.signatures().projectLeader()));
        fields.put("signatures.financeLeader", text(evaluation.signatures().financeLeader()));
        Funds funds = evaluation.funds();
        FundTotal total = funds.total();
        fields.put("funds.total.initialBudget", Formats.amount(total.initialBudget()));
        fields.put("funds.total.annualBudget", Formats.amount(total.annualBudget()));
        fields.put("funds.total.executed", Formats.amount(total.executed()));
        fields.put("funds.total.weight", Formats.numberOrText(total.weight()));
        fields.put("funds.total.executionRate", Formats.executionRate(total));
        fields.put("funds.total.score", Formats.numberOrText(total.score()));
        Map<String, FundLine> sources = Map.of("fiscal", funds.fiscal(), "carryover", funds.carryover(),
                "specialAccount", funds.specialAccount(), "unit", funds.unit(), "other", funds.other());
        sources.forEach((row, line) -> {
            String prefix = "funds." + row + ".";
            fields.put(prefix + "initialBudget", Formats.amount(line.initialBudget()));
            fields.put(prefix + "annualBudget", Formats.amount(line.annualBudget()));
            fields.put(prefix + "executed", Formats.amount(line.executed()));
            fields.put(prefix + "weight", Formats.numberOrText(line.weight()));
            fields.put(prefix + "executionRate", Formats.executionRate(line));
            fields.put(prefix + "score", Formats.numberOrText(line.score()));
        });
        fields.put("funds.reason", text(funds.reason()));
        fields.put("block.funds", text(evaluation.form().fundsBlock()));
        fields.put("block.indicators", text(evaluation.form().indicatorsBlock()));
        return fields;
    }

    private static FundRow source(String label, FundLine line) {
        return new FundRow(label, Formats.amount(line.initialBudget()), Formats.amount(line.annualBudget()),
                Formats.amount(line.executed()), NOT_SCORED, "", NOT_SCORED);
    }

    /** Consecutive indicators with equal 一级 labels share one cell, and within it consecutive equal 二级 labels. */
    private static List<Level1Group> group(List<Indicator> indicators) {
        List<Level1Group> groups = new ArrayList<>();
        int start = 0;
        while (start < indicators.size()) {
            String level1 = indicators.get(start).level1();
            int end = start;
            while (end < indicators.size() && Objects.equals(indicators.get(end).level1(), level1)) {
                end++;
            }
            groups.add(new Level1Group(text(level1), subgroups(indicators.subList(start, end))));
            start = end;
        }
        return groups;
    }

    private static List<Level2Group> subgroups(List<Indicator> indicators) {
        List<Level2Group> groups = new ArrayList<>();
        int start = 0;
        while (start < indicators.size()) {
            String level2 = indicators.get(start).level2();
            List<IndicatorRow> rows = new ArrayList<>();
            int end = start;
            while (end < indicators.size() && Objects.equals(indicators.get(end).level2(), level2)) {
                rows.add(row(indicators.get(end)));
                end++;
            }
            groups.add(new Level2Group(text(level2), rows));
            start = end;
        }
        return groups;
    }

    private static IndicatorRow row(Indicator indicator) {
        return new IndicatorRow(text(indicator.level3()), text(indicator.target()), text(indicator.actual()),
                Formats.numberOrText(indicator.weight()), Formats.numberOrText(indicator.score()),
                text(indicator.deviation()), text(indicator.nature()), text(indicator.unit()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
