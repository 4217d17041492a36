package cn.jixiao.input;

import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Form;
import cn.jixiao.model.FundLine;
import cn.jixiao.model.FundTotal;
import cn.jixiao.model.Funds;
import cn.jixiao.model.Goals;
import cn.jixiao.model.Indicator;
import cn.jixiao.model.NumberOrText;
import cn.jixiao.model.Overview;
import cn.jixiao.model.Signatures;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps one project that the schema accepted to the model. The schema has checked every type and range; this adds the
 * one rule it cannot state safely: a number has at most {@value #MAX_DECIMALS} decimals (of 万元, that is 1 分).
 * JSON Schema's {@code multipleOf} would say it, but the library checks it by dividing, which never ends for a number
 * such as {@code 1e-999999999}. An absent or null field is an empty cell.
 */
final class EvaluationMapper {

    static final int MAX_DECIMALS = 6;

    private final List<Problem> problems = new ArrayList<>();

    /** The form, or {@code null} when a number has too many decimals: then {@link #problems()} says where. */
    Evaluation map(JsonNode project) {
        String root = JsonPath.ROOT;
        JsonNode year = project.path("year");
        JsonNode reportDate = project.path("reportDate");
        Evaluation evaluation = new Evaluation(
                year.isNumber() ? year.decimalValue().intValueExact() : null,
                text(project.path("projectName")),
                text(project.path("department")),
                text(project.path("implementingUnit")),
                reportDate.isTextual() ? LocalDate.parse(reportDate.textValue()) : null,
                funds(project.path("funds"), JsonPath.field(root, "funds")),
                goals(project.path("goals")),
                indicators(project.path("indicators"), JsonPath.field(root, "indicators")),
                number(project, root, "totalScore"),
                Form.byId(project.path("form").asText(Form.NATIONAL.id())).orElse(Form.NATIONAL),
                text(project.path("projectLeader")),
                text(project.path("reportCode")),
                text(project.path("footnote")),
                overview(project.path("overview")),
                text(project.path("conclusion")),
                text(project.path("problems")),
                text(project.path("improvements")),
                signatures(project.path("signatures")));
        return problems.isEmpty() ? evaluation : null;
    }

    List<Problem> problems() {
        return problems;
    }

    private Funds funds(JsonNode funds, String path) {
        if (!funds.isObject()) {
            return Funds.EMPTY;
        }
        return new Funds(
                total(funds.path("total"), JsonPath.field(path, "total")),
                line(funds.path("fiscal"), JsonPath.field(path, "fiscal")),
                line(funds.path("carryover"), JsonPath.field(path, "carryover")),
                line(funds.path("other"), JsonPath.field(path, "other")),
                line(funds.path("specialAccount"), JsonPath.field(path, "specialAccount")),
                line(funds.path("unit"), JsonPath.field(path, "unit")),
                text(funds.path("reason")));
    }

    private FundTotal total(JsonNode total, String path) {
        if (!total.isObject()) {
            return FundTotal.EMPTY;
        }
        return new FundTotal(
                number(total, path, "initialBudget"),
                number(total, path, "annualBudget"),
                number(total, path, "executed"),
                numberOrText(total, path, "weight"),
                numberOrText(total, path, "executionRate"),
                numberOrText(total, path, "score"));
    }

    private FundLine line(JsonNode line, String path) {
        if (!line.isObject()) {
            return FundLine.EMPTY;
        }
        return new FundLine(
                number(line, path, "initialBudget"),
                number(line, path, "annualBudget"),
                number(line, path, "executed"),
                numberOrText(line, path, "executionRate"),
                numberOrText(line, path, "weight"),
                numberOrText(line, path, "score"));
    }

    private static Goals goals(JsonNode goals) {
        return goals.isObject() ? new Goals(text(goals.path("expected")), text(goals.path("actual"))) : Goals.EMPTY;
    }

    private static Overview overview(JsonNode overview) {
        return overview.isObject() ? new Overview(text(overview.path("goal")), text(overview.path("achieved")),
                text(overview.path("implementation"))) : Overview.EMPTY;
    }

    private static Signatures signatures(JsonNode signatures) {
        return signatures.isObject() ? new Signatures(text(signatures.path("projectLeader")),
                text(signatures.path("financeLeader"))) : Signatures.EMPTY;
    }

    private List<Indicator> indicators(JsonNode indicators, String path) {
        List<Indicator> rows = new ArrayList<>(indicators.size());
        for (int i = 0; i < indicators.size(); i++) {
            JsonNode row = indicators.get(i);
            String rowPath = JsonPath.index(path, i);
            rows.add(new Indicator(
                    text(row.path("level1")),
                    text(row.path("level2")),
                    text(row.path("level3")),
                    text(row.path("target")),
                    text(row.path("actual")),
                    numberOrText(row, rowPath, "weight"),
                    numberOrText(row, rowPath, "score"),
                    text(row.path("deviation")),
                    text(row.path("nature")),
                    text(row.path("unit"))));
        }
        return rows;
    }

    private static String text(JsonNode text) {
        return text.isTextual() ? text.textValue() : null;
    }

    /** Field {@code field} of the object at {@code path}: a number, text as written, or {@code null}. */
    private NumberOrText numberOrText(JsonNode object, String path, String field) {
        JsonNode value = object.path(field);
        if (value.isTextual()) {
            return NumberOrText.of(value.textValue());
        }
        return value.isNumber() ? NumberOrText.of(number(object, path, field)) : null;
    }

    /**
     * Field {@code field} of the object at {@code path}: the number exactly as written ({@code 51} stays {@code 51},
     * {@code 180.97212} keeps its five decimals), or {@code null}. The field's path is made only for a problem: made
     * for every number, it was half of mapping's CPU (bench/results/2026-12-01-s7-read.txt).
     */
    private BigDecimal number(JsonNode object, String path, String field) {
        JsonNode value = object.path(field);
        if (!value.isNumber()) {
            return null;
        }
        BigDecimal number = value.decimalValue();
        if (number.scale() > MAX_DECIMALS) {
            problems.add(new Problem(JsonPath.field(path, field), "must have at most " + MAX_DECIMALS
                    + " decimals, got " + SchemaMessages.number(value)));
        }
        return number;
    }
}
