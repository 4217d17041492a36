package cn.jixiao.model;

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
        add(fields, "$.projectName", evaluation.projectName());
        add(fields, "$.department", evaluation.department());
        add(fields, "$.implementingUnit", evaluation.implementingUnit());
        FundTotal total = evaluation.funds().total();
        add(fields, "$.funds.total.weight", total.weight());
        add(fields, "$.funds.total.executionRate", total.executionRate());
        add(fields, "$.funds.total.score", total.score());
        add(fields, "$.goals.expected", evaluation.goals().expected());
        add(fields, "$.goals.actual", evaluation.goals().actual());
        Indicator previous = null;
        for (int i = 0; i < evaluation.indicators().size(); i++) {
            Indicator indicator = evaluation.indicators().get(i);
            String path = "$.indicators[" + i + "].";
            boolean newLevel1 = previous == null || !Objects.equals(previous.level1(), indicator.level1());
            if (newLevel1) {
                add(fields, path + "level1", indicator.level1());
            }
            if (newLevel1 || !Objects.equals(previous.level2(), indicator.level2())) {
                add(fields, path + "level2", indicator.level2());
            }
            previous = indicator;
            add(fields, path + "level3", indicator.level3());
            add(fields, path + "target", indicator.target());
            add(fields, path + "actual", indicator.actual());
            add(fields, path + "weight", indicator.weight());
            add(fields, path + "score", indicator.score());
            add(fields, path + "deviation", indicator.deviation());
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
