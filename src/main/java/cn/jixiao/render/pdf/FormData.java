package cn.jixiao.render.pdf;

import cn.jixiao.layout.FormLayout;
import cn.jixiao.layout.FormLayout.FundRow;
import cn.jixiao.layout.FormLayout.IndicatorRow;
import cn.jixiao.layout.FormLayout.Level1Group;
import cn.jixiao.layout.FormLayout.Level2Group;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import net.sf.jasperreports.engine.JRDataSource;

/** What the templates in {@code templates/form*.jrxml} read: parameters and the records of the lists and subreport. */
final class FormData {

    private static final Map<String, Function<FundRow, Object>> FUND_FIELDS = Map.of(
            "label", FundRow::label,
            "initialBudget", FundRow::initialBudget,
            "annualBudget", FundRow::annualBudget,
            "executed", FundRow::executed,
            "weight", FundRow::weight,
            "executionRate", FundRow::executionRate,
            "score", FundRow::score);

    private static final Map<String, Function<IndicatorRow, Object>> ROW_FIELDS = Map.of(
            "level3", IndicatorRow::level3,
            "target", IndicatorRow::target,
            "actual", IndicatorRow::actual,
            "weight", IndicatorRow::weight,
            "score", IndicatorRow::score,
            "deviation", IndicatorRow::deviation);

    private static final Map<String, Function<Level2Group, Object>> LEVEL2_FIELDS = Map.of(
            "label", Level2Group::label,
            "rows", group -> new RecordDataSource<>(group.rows(), ROW_FIELDS));

    private static final Map<String, Function<Level1Group, Object>> LEVEL1_FIELDS = Map.of(
            "label", Level1Group::label,
            "subgroups", group -> new RecordDataSource<>(group.subgroups(), LEVEL2_FIELDS));

    private FormData() {
    }

    /** The main report's parameters for one form, without the compiled subreport and the styles. */
    static Map<String, Object> parameters(FormLayout form) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("period", form.period());
        parameters.put("projectName", form.projectName());
        parameters.put("department", form.department());
        parameters.put("implementingUnit", form.implementingUnit());
        parameters.put("expectedGoal", form.expectedGoal());
        parameters.put("actualGoal", form.actualGoal());
        parameters.put("totalWeight", form.totalWeight());
        parameters.put("totalScore", form.totalScore());
        parameters.put("FUNDS", funds(form));
        parameters.put("INDICATOR_GROUPS", indicatorGroups(form));
        return parameters;
    }

    private static JRDataSource funds(FormLayout form) {
        return new RecordDataSource<>(form.funds(), FUND_FIELDS);
    }

    private static JRDataSource indicatorGroups(FormLayout form) {
        return new RecordDataSource<>(form.indicatorGroups(), LEVEL1_FIELDS);
    }
}
