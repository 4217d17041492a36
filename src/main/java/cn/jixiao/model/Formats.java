package cn.jixiao.model;

import cn.jixiao.model.FundTotal;
import cn.jixiao.model.NumberOrText;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the form prints numbers: exactly as written, never through binary floating point. */
public final class Formats {

    private Formats() {
    }

    /** An amount in 万元 with the decimals it was written with; empty for {@code null}. */
    public static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    /** 分值 / 得分 as written; empty for {@code null}. */
    public static String numberOrText(NumberOrText value) {
        return value == null ? "" : value.toString();
    }

    /** A percentage with two decimals: {@code 87} prints {@code 87.00%}. */
    public static String percent(BigDecimal percent) {
        return percent.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** The printed 执行率: as given (a number in percent, or text), else computed, else empty. */
    public static String executionRate(FundTotal total) {
        NumberOrText given = total.executionRate();
        if (given != null) {
            return given.isNumber() ? percent(given.number()) : given.text();
        }
        BigDecimal computed = total.computedExecutionRate();
        return computed == null ? "" : percent(computed);
    }

    /** The printed 执行率 of a source row, as {@link #executionRate(FundTotal)}. */
    public static String executionRate(FundLine line) {
        NumberOrText given = line.executionRate();
        if (given != null) {
            return given.isNumber() ? percent(given.number()) : given.text();
        }
        BigDecimal computed = line.computedExecutionRate();
        return computed == null ? "" : percent(computed);
    }
}
