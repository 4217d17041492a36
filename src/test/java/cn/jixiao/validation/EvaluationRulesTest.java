package cn.jixiao.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.FundLine;
import cn.jixiao.model.FundTotal;
import cn.jixiao.model.Funds;
import cn.jixiao.model.Goals;
import cn.jixiao.model.Indicator;
import cn.jixiao.model.NumberOrText;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each business rule: when it warns, with what message, and when it stays quiet. */
class EvaluationRulesTest {

    private static final String WHERE = "jinfeng.json: project 4 \"办公经费\": ";

    /** 年度资金总额: 3 万元 budgeted and spent, 执行率 100.00%, 分值 10, 得分 5. */
    private static final FundTotal SPENT = total("3", "3", "100.00%", 5);

    /** 分值 90 and 得分 85 in three rows, one of them text and not counted: with {@link #SPENT}, 100 and 90. */
    private static final List<Indicator> INDICATORS = List.of(
            indicator(number(40), number(40)),
            indicator(number(50), number(45)),
            indicator(NumberOrText.of("无"), NumberOrText.of("无")));

    private static final BigDecimal NINETY = new BigDecimal("90");

    @Test
    void aFormThatAddsUpHasNoWarnings() {
        assertEquals(List.of(), warnings(form(SPENT, INDICATORS, NINETY)));
    }

    @Test
    void weightsThatDoNotAddUpTo100Warn() {
        List<Indicator> indicators = List.of(indicator(number(40), number(40)), indicator(number(45), number(45)));
        assertEquals(List.of(WHERE + "$: the 分值 add up to 95, not 100"),
                warnings(form(SPENT, indicators, NINETY)));
    }

    @Test
    void theWeightSumCountsTheFundsTotalAndOnlyNumbers() {
        FundTotal textWeight = new FundTotal(null, null, null, NumberOrText.of("—"), null, number(5));
        assertEquals(List.of(WHERE + "$: the 分值 add up to 90, not 100"),
                warnings(form(textWeight, INDICATORS, NINETY)));
    }

    @Test
    void scoresThatDoNotAddUpToTheTotalScoreWarn() {
        assertEquals(List.of(WHERE + "$.totalScore: 总分 93 given, but the 得分 add up to 90"),
                warnings(form(SPENT, INDICATORS, new BigDecimal("93"))));
    }

    @Test
    void anAbsentTotalScoreIsTheSumAndIsNotChecked() {
        assertEquals(List.of(), warnings(form(SPENT, INDICATORS, null)));
    }

    @Test
    void anIndicatorScoreAboveItsWeightWarns() {
        List<Indicator> indicators = List.of(indicator(number(40), number(30)), indicator(number(50), number(55)));
        assertEquals(List.of(WHERE + "$.indicators[1].score: 得分 55 is above its 分值 50"),
                warnings(form(SPENT, indicators, NINETY)));
    }

    @Test
    void theFundsTotalScoreAboveItsWeightWarns() {
        assertEquals(List.of(WHERE + "$.funds.total.score: 得分 12 is above its 分值 10"),
                warnings(form(total("3", "3", "100.00%", 12), INDICATORS, new BigDecimal("97"))));
    }

    @Test
    void anExecutionRateGivenAsTextFarFromTheAmountsWarns() {
        FundTotal seedProject1 = total("180.97212", "180.97212", "87.00%", 5);
        assertEquals(List.of(WHERE + "$.funds.total.executionRate: 87.00% given, but 全年执行数 ÷ 全年预算数 = 100.00%"),
                warnings(form(seedProject1, INDICATORS, NINETY)));
    }

    @Test
    void anExecutionRateGivenAsANumberIsComparedInPercent() {
        FundTotal given87 = new FundTotal(null, new BigDecimal("8.4"), new BigDecimal("8.4"), number(10), number(87),
                number(5));
        assertEquals(List.of(WHERE + "$.funds.total.executionRate: 87.00% given, but 全年执行数 ÷ 全年预算数 = 100.00%"),
                warnings(form(given87, INDICATORS, NINETY)));
    }

    @Test
    void anExecutionRateWithinHalfAPointDoesNotWarn() {
        // 100.0% against 100.00% (seed project 2), 86.00% against 7.2 ÷ 8.4 = 85.71% (seed project 5),
        // and exactly half a point off, with a full-width percent sign too.
        for (FundTotal total : List.of(total("51", "51", "100.0%", 5), total("8.4", "7.2", "86.00%", 5),
                total("3", "3", "99.5%", 5), total("3", "3", "99.5 ％", 5))) {
            assertEquals(List.of(), warnings(form(total, INDICATORS, NINETY)), total.executionRate().text());
        }
    }

    @Test
    void anExecutionRateJustOverHalfAPointOffWarns() {
        assertEquals(List.of(WHERE + "$.funds.total.executionRate: 99.49% given, but 全年执行数 ÷ 全年预算数 = 100.00%"),
                warnings(form(total("3", "3", "99.49%", 5), INDICATORS, NINETY)));
    }

    @Test
    void anExecutionRateThatIsNotAPlainPercentageIsNotCompared() {
        for (String text : List.of("约87%", "87", "—")) {
            assertEquals(List.of(), warnings(form(total("3", "3", text, 5), INDICATORS, NINETY)), text);
        }
    }

    @Test
    void anExecutionRateWithoutAmountsIsNotCompared() {
        FundTotal noAmounts = new FundTotal(null, null, null, number(10), NumberOrText.of("87.00%"), number(5));
        assertEquals(List.of(), warnings(form(noAmounts, INDICATORS, NINETY)));
    }

    @Test
    void executedAboveTheBudgetWarnsForEveryFundsRow() {
        FundLine overspent = new FundLine(null, new BigDecimal("1.2"), new BigDecimal("1.25"));
        Funds funds = new Funds(total("3", "3.5", "116.67%", 5), overspent, overspent, FundLine.EMPTY);
        Evaluation evaluation = new Evaluation(2023, "办公经费", null, null, null, funds, Goals.EMPTY, INDICATORS,
                NINETY);
        assertEquals(List.of(
                        WHERE + "$.funds.total.executed: 全年执行数 3.5 is above 全年预算数 3",
                        WHERE + "$.funds.fiscal.executed: 全年执行数 1.25 is above 全年预算数 1.2",
                        WHERE + "$.funds.carryover.executed: 全年执行数 1.25 is above 全年预算数 1.2"),
                warnings(evaluation));
    }

    @Test
    void theSeedExamplesAsReadGetOnlyProject1sExecutionRateWarning() {
        Path examples = Path.of("examples", "jinfeng-2023.json");
        List<ProjectInput> projects = new EvaluationReader().read(examples).stream()
                .map(EvaluationRules::check).toList();

        assertEquals(5, projects.size());
        assertEquals(List.of(examples + ": project 1 \"政府批准聘用人员支出\": $.funds.total.executionRate:"
                        + " 87.00% given, but 全年执行数 ÷ 全年预算数 = 100.00%"),
                projects.stream().flatMap(project -> project.diagnostics().stream()).map(Diagnostic::toString).toList());
    }

    private static List<String> warnings(Evaluation evaluation) {
        return EvaluationRules.check("jinfeng.json", 4, evaluation).stream().map(Diagnostic::toString).toList();
    }

    private static Evaluation form(FundTotal total, List<Indicator> indicators, BigDecimal totalScore) {
        Funds funds = new Funds(total, FundLine.EMPTY, FundLine.EMPTY, FundLine.EMPTY);
        return new Evaluation(2023, "办公经费", null, null, null, funds, Goals.EMPTY, indicators, totalScore);
    }

    /** A 年度资金总额 row with 分值 10. */
    private static FundTotal total(String annualBudget, String executed, String executionRate, int score) {
        return new FundTotal(null, new BigDecimal(annualBudget), new BigDecimal(executed), number(10),
                NumberOrText.of(executionRate), number(score));
    }

    private static Indicator indicator(NumberOrText weight, NumberOrText score) {
        return new Indicator("产出指标", "数量指标", "指标", "1个", "1个", weight, score, null);
    }

    private static NumberOrText number(int number) {
        return NumberOrText.of(BigDecimal.valueOf(number));
    }
}
