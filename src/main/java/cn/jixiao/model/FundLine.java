package cn.jixiao.model;

import java.math.BigDecimal;

/**
 * One source of money in 万元 (年初预算数 / 全年预算数 / 全年执行数). A {@code null} amount is an empty cell.
 *
 * @param executionRate 执行率 as given, printed where the form has the cell; {@code null} to compute it
 * @param weight        分值, which the 衔接资金 form may repeat on the 财政拨款 row
 * @param score         得分, likewise
 */
public record FundLine(
        BigDecimal initialBudget, // 年初预算数
        BigDecimal annualBudget,  // 全年预算数
        BigDecimal executed,      // 全年执行数
        NumberOrText executionRate, // 执行率
        NumberOrText weight,      // 分值
        NumberOrText score) {     // 得分

    public static final FundLine EMPTY = new FundLine(null, null, null);

    public FundLine(BigDecimal initialBudget, BigDecimal annualBudget, BigDecimal executed) {
        this(initialBudget, annualBudget, executed, null, null, null);
    }

    /** 执行率 computed from the amounts, as {@link FundTotal#computedExecutionRate()}. */
    public BigDecimal computedExecutionRate() {
        return FundTotal.executionRate(executed, annualBudget);
    }

    /** Whether the input gave anything for this row. */
    public boolean isGiven() {
        return !equals(EMPTY);
    }
}
