package cn.jixiao.model;

/** 项目资金（万元）: the total and the three sources the form lists under it. */
public record Funds(
        FundTotal total,    // 年度资金总额
        FundLine fiscal,    // 其中：当年财政拨款
        FundLine carryover, // 上年结转资金
        FundLine other) {   // 其他资金

    public static final Funds EMPTY = new Funds(FundTotal.EMPTY, FundLine.EMPTY, FundLine.EMPTY, FundLine.EMPTY);
}
