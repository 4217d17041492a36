package cn.jixiao.validation;

import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.FieldLabels;
import cn.jixiao.model.Form;
import cn.jixiao.model.Formats;
import cn.jixiao.model.FundTotal;
import cn.jixiao.model.Funds;
import cn.jixiao.model.Indicator;
import cn.jixiao.model.NumberOrText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The business rules of the form. A broken rule is a warning: the form is still rendered, as real forms break them
 * (the seed's first project prints 执行率 87.00% where 全年执行数 equals 全年预算数). Each warning names its JSON path
 * and gives both numbers, in the words of the project's form ({@link FieldLabels}): Sichuan's 权重 and 预算执行数 where
 * the national form prints 分值 and 全年执行数.
 */
public final class EvaluationRules {

    /** 满分: what the 分值 of a form add up to. */
    private static final BigDecimal FULL_MARKS = BigDecimal.valueOf(100);
    /** How far, in percentage points, a given 执行率 may be from 全年执行数 ÷ 全年预算数. */
    private static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.5");
    /** The points a 一级指标 label states: {@code 产出指标（50分）}, {@code 产 出 指 标 (50分)}. */
    private static final Pattern STATED_POINTS = Pattern.compile("[（(]\\s*(\\d+(?:\\.\\d+)?)\\s*分\\s*[）)]");
    /** A 执行率 written as text that can be compared: {@code 87.00%}, {@code 100 ％}. */
    private static final Pattern PERCENTAGE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*[%％]\\s*");

    private EvaluationRules() {
    }

    /** Records a broken rule at a JSON path of the project. */
    private interface Warn {
        void at(String path, String message);
    }

    /**
     * The project as read, with the warnings of these rules after its diagnostics; as it is when it could not be
     * read into a form (its errors say why).
     */
    public static ProjectInput check(ProjectInput project) {
        if (project.evaluation() == null) {
            return project;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(project.diagnostics());
        check(project.file(), project.index(), project.evaluation()).stream().map(project::located)
                .forEach(diagnostics::add);
        return project.withDiagnostics(diagnostics);
    }

    /** The warnings for one project; empty when every rule holds. */
    public static List<Diagnostic> check(String file, int project, Evaluation evaluation) {
        List<Diagnostic> warnings = new ArrayList<>();
        Warn warn = (path, message) -> warnings.add(new Diagnostic(
                Diagnostic.Severity.WARNING, file, project, evaluation.projectName(), path, message));
        weightsAddUpToFullMarks(evaluation, warn);
        scoresAddUpToTotal(evaluation, warn);
        scoresWithinWeights(evaluation, warn);
        executionRateMatchesAmounts(evaluation.form(), evaluation.funds().total(), warn);
        executedWithinBudget(evaluation, warn);
        level1PointsMatchWeights(evaluation, warn);
        blockPointsMatchWeights(evaluation, warn);
        for (String path : FormPlaces.unprinted(evaluation)) {
            warn.at(path, "the " + evaluation.form().displayName() + " form has no place for it; not printed");
        }
        return warnings;
    }

    /** Σ numeric 分值 (the funds total's and every indicator's) = 100. */
    private static void weightsAddUpToFullMarks(Evaluation evaluation, Warn warn) {
        BigDecimal sum = evaluation.weightSum();
        if (sum.compareTo(FULL_MARKS) != 0) {
            warn.at(JsonPath.ROOT, "the " + FieldLabels.indicatorsColumn(evaluation.form(), "weight") + " add up to "
                    + sum.toPlainString() + ", not " + FULL_MARKS);
        }
    }

    /** Σ numeric 得分 = the 总分 given. */
    private static void scoresAddUpToTotal(Evaluation evaluation, Warn warn) {
        BigDecimal total = evaluation.totalScore();
        BigDecimal sum = evaluation.scoreSum();
        if (total != null && sum.compareTo(total) != 0) {
            Form form = evaluation.form();
            warn.at(JsonPath.of("totalScore"), FieldLabels.total(form) + " " + total.toPlainString()
                    + " given, but the " + FieldLabels.indicatorsColumn(form, "score") + " add up to "
                    + sum.toPlainString());
        }
    }

    /**
     * 得分 ≤ 分值, for the funds total and every indicator. The path and the columns' labels are looked up only for a
     * warning: looked up for every row, they were half of the rules' CPU (bench/results/2026-12-01-s7-read.txt).
     */
    private static void scoresWithinWeights(Evaluation evaluation, Warn warn) {
        Form form = evaluation.form();
        FundTotal total = evaluation.funds().total();
        if (scoreAboveWeight(total.score(), total.weight())) {
            warnScoreAboveWeight(total.score(), total.weight(), JsonPath.of("funds", "total", "score"),
                    FieldLabels.fundsColumn(form, "score"), FieldLabels.fundsColumn(form, "weight"), warn);
        }
        List<Indicator> indicators = evaluation.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            if (scoreAboveWeight(indicator.score(), indicator.weight())) {
                warnScoreAboveWeight(indicator.score(), indicator.weight(), JsonPath.indicator(i, "score"),
                        FieldLabels.indicatorsColumn(form, "score"), FieldLabels.indicatorsColumn(form, "weight"),
                        warn);
            }
        }
    }

    /** Whether a 得分 is above its 分值, both numbers (text is not compared). */
    private static boolean scoreAboveWeight(NumberOrText score, NumberOrText weight) {
        return score != null && score.isNumber() && weight != null && weight.isNumber()
                && score.number().compareTo(weight.number()) > 0;
    }

    /** @param scoreLabel how the form heads the 得分 column of the row, {@code weightLabel} its 分值 column */
    private static void warnScoreAboveWeight(NumberOrText score, NumberOrText weight, String path, String scoreLabel,
                                             String weightLabel, Warn warn) {
        warn.at(path, scoreLabel + " " + score + " is above its " + weightLabel + " " + weight);
    }

    /**
     * A given 执行率 is within {@link #RATE_TOLERANCE} of 全年执行数 ÷ 全年预算数. Text is compared when it is a plain
     * percentage such as {@code 87.00%}; other text, or no amounts to compute from, is not compared.
     */
    private static void executionRateMatchesAmounts(Form form, FundTotal total, Warn warn) {
        BigDecimal computed = total.computedExecutionRate();
        if (total.executionRate() == null || computed == null) {
            return;
        }
        BigDecimal given;
        if (total.executionRate().isNumber()) {
            given = total.executionRate().number();
        } else {
            Matcher percentage = PERCENTAGE.matcher(total.executionRate().text());
            if (!percentage.matches()) {
                return;
            }
            given = new BigDecimal(percentage.group(1));
        }
        if (given.subtract(computed).abs().compareTo(RATE_TOLERANCE) > 0) {
            warn.at(JsonPath.of("funds", "total", "executionRate"), Formats.executionRate(total) + " given, but "
                    + FieldLabels.fundsColumn(form, "executed") + " ÷ " + FieldLabels.fundsColumn(form, "annualBudget")
                    + " = " + Formats.percent(computed));
        }
    }

    /**
     * A 一级指标 label that states its points equals the Σ numeric 分值 of the rows it is printed beside (consecutive
     * rows with that label, one merged cell).
     */
    private static void level1PointsMatchWeights(Evaluation evaluation, Warn warn) {
        List<Indicator> indicators = evaluation.indicators();
        int start = 0;
        while (start < indicators.size()) {
            String label = indicators.get(start).level1();
            int end = start;
            while (end < indicators.size() && Objects.equals(indicators.get(end).level1(), label)) {
                end++;
            }
            BigDecimal sum = weightSum(indicators.subList(start, end));
            Matcher stated = label == null ? null : STATED_POINTS.matcher(label);
            if (stated != null && stated.find() && new BigDecimal(stated.group(1)).compareTo(sum) != 0) {
                warn.at(JsonPath.indicator(start, "level1"), "\"" + label + "\" states " + stated.group(1)
                        + " points, but the " + FieldLabels.indicatorsColumn(evaluation.form(), "weight")
                        + " of its rows add up to " + sum.toPlainString());
            }
            start = end;
        }
    }

    /**
     * A block label of the form that states its points ({@link Form#fundsBlock()}, {@link Form#indicatorsBlock()})
     * equals what the block scores: 总额's 权重 for the funds block, the Σ numeric 权重 of the indicators for theirs.
     * With the rule that the 权重 add up to 100 (合计), this checks Sichuan's 10 and 90 as the form prints them.
     */
    private static void blockPointsMatchWeights(Evaluation evaluation, Warn warn) {
        Form form = evaluation.form();
        if (form.fundsBlock() != null) {
            NumberOrText weight = evaluation.funds().total().weight();
            String what = FieldLabels.of(form, JsonPath.of("funds", "total")) + "'s "
                    + FieldLabels.fundsColumn(form, "weight") + " is " + (weight == null ? "not given" : weight);
            blockPoints(form.fundsBlock(), weight != null && weight.isNumber() ? weight.number() : null,
                    JsonPath.of("funds", "total", "weight"), what, warn);
        }
        if (form.indicatorsBlock() != null) {
            BigDecimal sum = weightSum(evaluation.indicators());
            blockPoints(form.indicatorsBlock(), sum, JsonPath.of("indicators"), "the "
                    + FieldLabels.indicatorsColumn(form, "weight") + " of the indicators add up to "
                    + sum.toPlainString(), warn);
        }
    }

    /** Σ numeric 分值 (权重) of these indicators. */
    private static BigDecimal weightSum(List<Indicator> indicators) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Indicator indicator : indicators) {
            NumberOrText weight = indicator.weight();
            sum = weight != null && weight.isNumber() ? sum.add(weight.number()) : sum;
        }
        return sum;
    }

    /** @param scored what the block scores, {@code null} when it is not a number */
    private static void blockPoints(String label, BigDecimal scored, String path, String what, Warn warn) {
        Matcher stated = STATED_POINTS.matcher(label);
        if (stated.find() && (scored == null || new BigDecimal(stated.group(1)).compareTo(scored) != 0)) {
            warn.at(path, "\"" + label + "\" states " + stated.group(1) + " points, but " + what);
        }
    }

    /** 全年执行数 ≤ 全年预算数, for every row of 项目资金. */
    private static void executedWithinBudget(Evaluation evaluation, Warn warn) {
        Funds funds = evaluation.funds();
        Form form = evaluation.form();
        executedWithinBudget(form, funds.total().executed(), funds.total().annualBudget(), "total", warn);
        executedWithinBudget(form, funds.fiscal().executed(), funds.fiscal().annualBudget(), "fiscal", warn);
        executedWithinBudget(form, funds.carryover().executed(), funds.carryover().annualBudget(), "carryover", warn);
        executedWithinBudget(form, funds.other().executed(), funds.other().annualBudget(), "other", warn);
    }

    /** @param row the row's field of {@code $.funds}: {@code total}, {@code fiscal}, … */
    private static void executedWithinBudget(Form form, BigDecimal executed, BigDecimal annualBudget, String row,
                                             Warn warn) {
        if (executed != null && annualBudget != null && executed.compareTo(annualBudget) > 0) {
            warn.at(JsonPath.of("funds", row, "executed"), FieldLabels.fundsColumn(form, "executed") + " "
                    + executed.toPlainString() + " is above " + FieldLabels.fundsColumn(form, "annualBudget") + " "
                    + annualBudget.toPlainString());
        }
    }
}
