package cn.jixiao.model;

import java.math.BigDecimal;

/**
 * One source of money in 万元 (年初预算数 / 全年预算数 / 全年执行数). A {@code null} amount is an empty cell.
 */
public record FundLine(
        BigDecimal initialBudget, // 年初预算数
        BigDecimal annualBudget,  // 全年预算数
        BigDecimal executed) {    // 全年执行数

    public static final FundLine EMPTY = new FundLine(null, null, null);
}
