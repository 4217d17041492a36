package cn.jixiao.model;

import cn.jixiao.diagnostics.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every piece of text the input gives a form, with the JSON path it came from, once per cell of the printed form: a
 * 一级 or 二级 label that the form merges over consecutive rows is listed at its first row only.
 */
public final class TextFields {

    /** One non-empty text of the input, e.g. {@code $.indicators[2].deviation}. */
    public record TextField(String path, String text) {
    }

    private TextFields() {
    }

    public static List<TextField> of(Evaluation evaluation) {
        List<TextField> fields = new ArrayList<>();
        add(fields, JsonPath.of("projectName"), evaluation.projectName());
        add(fields, JsonPath.of("department"), evaluation.department());
        add(fields, JsonPath.of("implementingUnit"), evaluation.implementingUnit());
        FundTotal total = evaluation.funds().total();
        add(fields, JsonPath.of("funds", "total", "weight"), total.weight());
        add(fields, JsonPath.of("funds", "total", "executionRate"), total.executionRate());
        add(fields, JsonPath.of("funds", "total", "score"), total.score());
        add(fields, JsonPath.of("goals", "expected"), evaluation.goals().expected());
        add(fields, JsonPath.of("goals", "actual"), evaluation.goals().actual());
        addOptional(fields, evaluation);
        Indicator previous = null;
        for (int i = 0; i < evaluation.indicators().size(); i++) {
            Indicator indicator = evaluation.indicators().get(i);
            boolean newLevel1 = previous == null || !Objects.equals(previous.level1(), indicator.level1());
            if (newLevel1) {
                add(fields, JsonPath.indicator(i, "level1"), indicator.level1());
            }
            if (newLevel1 || !Objects.equals(previous.level2(), indicator.level2())) {
                add(fields, JsonPath.indicator(i, "level2"), indicator.level2());
            }
            previous = indicator;
            add(fields, JsonPath.indicator(i, "level3"), indicator.level3());
            add(fields, JsonPath.indicator(i, "target"), indicator.target());
            add(fields, JsonPath.indicator(i, "actual"), indicator.actual());
            add(fields, JsonPath.indicator(i, "weight"), indicator.weight());
            add(fields, JsonPath.indicator(i, "score"), indicator.score());
            add(fields, JsonPath.indicator(i, "deviation"), indicator.deviation());
            if (evaluation.form().hasPlace("indicator.nature")) {
                add(fields, JsonPath.indicator(i, "nature"), indicator.nature());
            }
            if (evaluation.form().hasPlace("indicator.unit")) {
                add(fields, JsonPath.indicator(i, "unit"), indicator.unit());
            }
        }
        return fields;
    }

    /** The texts of the optional places the evaluation's form has (see {@link Form#hasPlace}). */
    private static void addOptional(List<TextField> fields, Evaluation evaluation) {
        Form form = evaluation.form();
        Funds funds = evaluation.funds();
        Map<String, Object> places = new LinkedHashMap<>();
        places.put("projectLeader", evaluation.projectLeader());
        places.put("reportCode", evaluation.reportCode());
        places.put("footnote", evaluation.footnote());
        places.put("fiscal.executionRate", funds.fiscal().executionRate());
        places.put("fiscal.weight", funds.fiscal().weight());
        places.put("fiscal.score", funds.fiscal().score());
        places.put("other.executionRate", funds.other().executionRate());
        places.put("conclusion", evaluation.conclusion());
        places.put("problems", evaluation.problems());
        places.put("improvements", evaluation.improvements());
        places.forEach((place, value) -> {
            if (form.hasPlace(place)) {
                String path = place.contains(".") ? JsonPath.of("funds", place.substring(0, place.indexOf('.')),
                        place.substring(place.indexOf('.') + 1)) : JsonPath.of(place);
                if (value instanceof NumberOrText number) {
                    add(fields, path, number);
                } else {
                    add(fields, path, (String) value);
                }
            }
        });
        if (form.hasPlace("overview")) {
            add(fields, JsonPath.of("overview", "goal"), evaluation.overview().goal());
            add(fields, JsonPath.of("overview", "achieved"), evaluation.overview().achieved());
            add(fields, JsonPath.of("overview", "implementation"), evaluation.overview().implementation());
        }
        if (form.hasPlace("signatures")) {
            add(fields, JsonPath.of("signatures", "projectLeader"), evaluation.signatures().projectLeader());
            add(fields, JsonPath.of("signatures", "financeLeader"), evaluation.signatures().financeLeader());
        }
        if (form.hasPlace("reason")) {
            add(fields, JsonPath.of("funds", "reason"), funds.reason());
        }
    }

    private static void add(List<TextField> fields, String path, NumberOrText value) {
        if (value != null && !value.isNumber()) {
            add(fields, path, value.text());
        }
    }

    private static void add(List<TextField> fields, String path, String text) {
        if (text != null && !text.isEmpty()) {
            fields.add(new TextField(path, text));
        }
    }
}
