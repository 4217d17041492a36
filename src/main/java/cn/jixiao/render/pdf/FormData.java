package cn.jixiao.render.pdf;

import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.layout.FormLayout.FundRow;
import cn.jixiao.layout.FormLayout.IndicatorRow;
import cn.jixiao.layout.FormLayout.Level1Group;
import cn.jixiao.layout.FormLayout.Level2Group;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What the templates {@code templates/FORM/form*.jrxml} read: parameters and the records of the lists and subreport.
 * Every record also has the field {@code path}, the JSON path of the input it shows ({@code $.funds.total},
 * {@code $.indicators[3]}); the templates hand it on to the cells they print (see {@link PrintedTexts#SOURCE_PATH}).
 */
final class FormData {

    /** The JSON paths of the funds rows, in the order {@link FormLayout#funds()} lists them. */
    private static final List<String> FUND_PATHS =
            List.of(JsonPath.of("funds", "total"), JsonPath.of("funds", "fiscal"), JsonPath.of("funds", "carryover"),
                    JsonPath.of("funds", "other"));

    private static final Map<String, Function<Indexed<FundRow>, Object>> FUND_FIELDS = fields(
            row -> FUND_PATHS.get(row.index()), Map.of(
                    "label", FundRow::label,
                    "initialBudget", FundRow::initialBudget,
                    "annualBudget", FundRow::annualBudget,
                    "executed", FundRow::executed,
                    "weight", FundRow::weight,
                    "executionRate", FundRow::executionRate,
                    "score", FundRow::score), Map.of());

    private static final Map<String, Function<Indexed<IndicatorRow>, Object>> ROW_FIELDS = fields(
            Indexed::indicatorPath, Map.of(
                    "level3", IndicatorRow::level3,
                    "target", IndicatorRow::target,
                    "actual", IndicatorRow::actual,
                    "weight", IndicatorRow::weight,
                    "score", IndicatorRow::score,
                    "deviation", IndicatorRow::deviation,
                    "nature", IndicatorRow::nature,
                    "unit", IndicatorRow::unit), Map.of());

    private static final Map<String, Function<Indexed<Level2Group>, Object>> LEVEL2_FIELDS = fields(
            Indexed::indicatorPath, Map.of("label", Level2Group::label),
            Map.of("rows", group -> new RecordDataSource<>(
                    indexed(group.index(), group.record().rows(), row -> 1), ROW_FIELDS)));

    private static final Map<String, Function<Indexed<Level1Group>, Object>> LEVEL1_FIELDS = fields(
            Indexed::indicatorPath, Map.of("label", Level1Group::label),
            Map.of("subgroups", group -> new RecordDataSource<>(
                    indexed(group.index(), group.record().subgroups(), subgroup -> subgroup.rows().size()),
                    LEVEL2_FIELDS)));

    /**
     * A record and its index: for the funds rows their place in the list, for the indicator table's records the index
     * in {@code $.indicators} of the first indicator they show (a merged 一级 or 二级 cell belongs to its first row).
     */
    private record Indexed<T>(int index, T record) {
        String indicatorPath() {
            return JsonPath.index(JsonPath.of("indicators"), index);
        }
    }

    private FormData() {
    }

    /**
     * The main report's parameters for one form, without the compiled subreport and the styles. {@code FIELDS} is
     * {@link FormLayout#fields()}: a template prints {@code $P{FIELDS}.get("funds.fiscal.executionRate")} with the path
     * {@code "$.funds.fiscal.executionRate"}.
     */
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
        parameters.put("FIELDS", form.fields());
        parameters.put("FUNDS", new RecordDataSource<>(indexed(0, form.funds(), row -> 1), FUND_FIELDS));
        parameters.put("INDICATOR_GROUPS", new RecordDataSource<>(
                indexed(0, form.indicatorGroups(), Level1Group::rowCount), LEVEL1_FIELDS));
        return parameters;
    }

    /** Each record with its index, counting from {@code first} and on by the rows each record spans. */
    private static <T> List<Indexed<T>> indexed(int first, List<T> records, ToIntFunction<T> rows) {
        List<Indexed<T>> indexed = new ArrayList<>(records.size());
        int index = first;
        for (T record : records) {
            indexed.add(new Indexed<>(index, record));
            index += rows.applyAsInt(record);
        }
        return indexed;
    }

    /**
     * The fields of a record type: {@code path}, those read from the record alone, and those that need its index (the
     * lists nested in it).
     */
    private static <T> Map<String, Function<Indexed<T>, Object>> fields(
            Function<Indexed<T>, String> path, Map<String, Function<T, Object>> ofRecord,
            Map<String, Function<Indexed<T>, Object>> ofIndexed) {
        Map<String, Function<Indexed<T>, Object>> fields = new HashMap<>(ofIndexed);
        ofRecord.forEach((name, field) -> fields.put(name, indexed -> field.apply(indexed.record())));
        fields.put("path", path::apply);
        return Map.copyOf(fields);
    }
}
