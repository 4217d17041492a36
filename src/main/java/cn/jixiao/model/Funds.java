package cn.jixiao.model;

/** 项目资金（万元）: the total and the sources the forms list under it. */
public record Funds(
        FundTotal total,    // 年度资金总额
        FundLine fiscal,    // 其中：当年财政拨款
        FundLine carryover, // 上年结转资金
        FundLine other,     // 其他资金
        FundLine specialAccount, // 财政专户管理资金
        FundLine unit,      // 单位资金
        String reason) {    // 原因 (of the budget's execution)

    public static final Funds EMPTY = new Funds(FundTotal.EMPTY, FundLine.EMPTY, FundLine.EMPTY, FundLine.EMPTY);

    public Funds {
        specialAccount = specialAccount == null ? FundLine.EMPTY : specialAccount;
        unit = unit == null ? FundLine.EMPTY : unit;
    }

    public Funds(FundTotal total, FundLine fiscal, FundLine carryover, FundLine other) {
        this(total, fiscal, carryover, other, FundLine.EMPTY, FundLine.EMPTY, null);
    }
}
