package cn.jixiao.validation;

import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Form;
import cn.jixiao.model.FundLine;
import cn.jixiao.model.Funds;
import cn.jixiao.model.Indicator;
import cn.jixiao.model.NumberOrText;
import cn.jixiao.model.Overview;
import cn.jixiao.model.Signatures;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The contract's optional places, which only some forms print ({@link Form#hasPlace}): data given for a place the
 * chosen form lacks is a warning naming it, never dropped without a word. The places every form has (项目名称, the
 * indicators' texts, …) are not listed.
 */
final class FormPlaces {

    /** An optional place: its name in {@link Form}, and where the input gives it, if it does. */
    private record Place(String name, Function<Evaluation, String> givenAt) {
    }

    private static final List<Place> PLACES = List.of(
            text("projectLeader", Evaluation::projectLeader),
            text("reportCode", Evaluation::reportCode),
            text("footnote", Evaluation::footnote),
            new Place("overview", e -> e.overview().equals(Overview.EMPTY) ? null : JsonPath.of("overview")),
            text("conclusion", Evaluation::conclusion),
            text("problems", Evaluation::problems),
            text("improvements", Evaluation::improvements),
            new Place("signatures", e -> e.signatures().equals(Signatures.EMPTY) ? null : JsonPath.of("signatures")),
            row("carryover", Funds::carryover),
            row("specialAccount", Funds::specialAccount),
            row("unit", Funds::unit),
            new Place("reason", e -> given(e.funds().reason()) ? JsonPath.of("funds", "reason") : null),
            new Place("initialBudget", FormPlaces::initialBudget),
            cell("fiscal", "executionRate", Funds::fiscal, FundLine::executionRate),
            cell("fiscal", "weight", Funds::fiscal, FundLine::weight),
            cell("fiscal", "score", Funds::fiscal, FundLine::score),
            cell("other", "executionRate", Funds::other, FundLine::executionRate),
            indicatorColumn("indicator.nature", "nature", Indicator::nature),
            indicatorColumn("indicator.unit", "unit", Indicator::unit));

    private FormPlaces() {
    }

    /** The JSON paths of the data given for places the evaluation's form lacks, in the contract's order. */
    static List<String> unprinted(Evaluation evaluation) {
        List<String> paths = new ArrayList<>();
        for (Place place : PLACES) {
            String path = place.givenAt().apply(evaluation);
            if (path != null && !evaluation.form().hasPlace(place.name())) {
                paths.add(path);
            }
        }
        return paths;
    }

    private static Place text(String field, Function<Evaluation, String> value) {
        return new Place(field, e -> given(value.apply(e)) ? JsonPath.of(field) : null);
    }

    private static Place row(String row, Function<Funds, FundLine> line) {
        return new Place(row, e -> line.apply(e.funds()).isGiven() ? JsonPath.of("funds", row) : null);
    }

    /** A cell of a source row that only some forms print; the place is named {@code row.field}. */
    private static Place cell(String row, String field, Function<Funds, FundLine> line,
                              Function<FundLine, NumberOrText> value) {
        return new Place(row + "." + field,
                e -> value.apply(line.apply(e.funds())) != null ? JsonPath.of("funds", row, field) : null);
    }

    /** 年初预算数 of the rows every form has (上年结转资金 is a place of its own). */
    private static String initialBudget(Evaluation evaluation) {
        Funds funds = evaluation.funds();
        if (funds.total().initialBudget() != null) {
            return JsonPath.of("funds", "total", "initialBudget");
        }
        if (funds.fiscal().initialBudget() != null) {
            return JsonPath.of("funds", "fiscal", "initialBudget");
        }
        return funds.other().initialBudget() != null ? JsonPath.of("funds", "other", "initialBudget") : null;
    }

    /** A column of the indicator rows, reported at the first row that gives it. */
    private static Place indicatorColumn(String place, String field, Function<Indicator, String> value) {
        return new Place(place, e -> {
            for (int i = 0; i < e.indicators().size(); i++) {
                if (given(value.apply(e.indicators().get(i)))) {
                    return JsonPath.indicator(i, field);
                }
            }
            return null;
        });
    }

    private static boolean given(String text) {
        return text != null && !text.isEmpty();
    }
}
