package cn.jixiao.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 年度资金总额: the total of all sources, the only funds row that is scored.
 *
 * @param executionRate 执行率 as given: a number in percent, text printed as written, or {@code null} to compute it
 */
public record FundTotal(
        BigDecimal initialBudget, // 年初预算数
        BigDecimal annualBudget,  // 全年预算数
        BigDecimal executed,      // 全年执行数
        NumberOrText weight,      // 分值
        NumberOrText executionRate, // 执行率
        NumberOrText score) {     // 得分

    public static final FundTotal EMPTY = new FundTotal(null, null, null, null, null, null);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * 执行率 computed from the amounts: 全年执行数 ÷ 全年预算数 × 100, to two decimals; {@code null} when either amount
     * is missing or the budget is 0.
     */
    public BigDecimal computedExecutionRate() {
        return executionRate(executed, annualBudget);
    }

    /** 执行数 ÷ 预算数 × 100 to two decimals; {@code null} when either is missing or the budget is 0. */
    static BigDecimal executionRate(BigDecimal executed, BigDecimal budget) {
        if (executed == null || budget == null || budget.signum() == 0) {
            return null;
        }
        return executed.multiply(HUNDRED).divide(budget, 2, RoundingMode.HALF_UP);
    }
}
