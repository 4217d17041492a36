package cn.jixiao.model;

import cn.jixiao.diagnostics.JsonPath;
import java.util.ArrayList;
import java.util.List;
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
        }
        return fields;
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
