package cn.jixiao.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A cell that holds either a number or text printed as written, such as 分值 and 得分 ({@code 10}, {@code "无"},
 * {@code "—"}). An empty cell is a {@code null} reference, not an instance.
 */
public record NumberOrText(BigDecimal number, String text) {

    public NumberOrText {
        if ((number == null) == (text == null)) {
            throw new IllegalArgumentException("exactly one of number and text");
        }
    }

    public static NumberOrText of(BigDecimal number) {
        return new NumberOrText(Objects.requireNonNull(number), null);
    }

    public static NumberOrText of(String text) {
        return new NumberOrText(null, Objects.requireNonNull(text));
    }

    public boolean isNumber() {
        return number != null;
    }

    /** The number exactly as it was written ({@code 51} stays {@code 51}, {@code 180.97212} keeps five decimals). */
    @Override
    public String toString() {
        return isNumber() ? number.toPlainString() : text;
    }
}
