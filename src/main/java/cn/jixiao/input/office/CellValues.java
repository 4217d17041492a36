package cn.jixiao.input.office;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values as the cells show them, read exactly: the digits a cell shows become a {@link BigDecimal} with those
 * decimals, never a binary double. Full-width digits are read like ASCII ones.
 */
final class CellValues {

    /** What a cell that holds nothing writes. */
    private static final Set<String> EMPTY = Set.of("", "-", "—", "——", "–", "/", "\\");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final BigDecimal YUAN_PER_WAN = BigDecimal.valueOf(10_000);

    /** A value that is not what its cell should hold; the message says what was expected and what was found. */
    static final class Unreadable extends Exception {
        Unreadable(String expected, String text) {
            super("expected " + expected + ", got \"" + text + "\"");
        }
    }

    /** An amount, and whether it was written in 元 and converted. */
    record Amount(BigDecimal wanYuan, boolean converted) {
    }

    private CellValues() {
    }

    /** The cell's text as written, without leading and trailing spaces; {@code null} when empty. */
    static String text(SourceCell cell) {
        if (cell == null) {
            return null;
        }
        String text = cell.text().replace("\r\n", "\n").replace('\r', '\n').strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * An amount in 万元: {@code 207.6892}, {@code 207.6892万元}, {@code 1,234.50}; in 元 when the cell says so
     * ({@code 2076892元}) or the form does ({@code yuanForm}), then divided by 10,000 exactly. {@code —}, {@code -},
     * {@code /} and an empty cell are {@code null}.
     */
    static Amount amount(SourceCell cell, boolean yuanForm) throws Unreadable {
        String text = text(cell);
        String plain = plain(text);
        if (EMPTY.contains(plain)) {
            return null;
        }
        boolean yuan = yuanForm;
        if (plain.endsWith("万元")) {
            plain = plain.substring(0, plain.length() - 2);
            yuan = false;
        } else if (plain.endsWith("元")) {
            plain = plain.substring(0, plain.length() - 1);
            yuan = true;
        }
        BigDecimal number = number(plain);
        if (number == null) {
            throw new Unreadable("an amount", text);
        }
        return yuan ? new Amount(wanYuan(number), true) : new Amount(number, false);
    }

    /** 元 to 万元, exact: the decimal point moves four places; trailing zeros the move added are dropped. */
    static BigDecimal wanYuan(BigDecimal yuan) {
        BigDecimal wan = yuan.divide(YUAN_PER_WAN).stripTrailingZeros();
        return wan.scale() < 0 ? wan.setScale(0) : wan;
    }

    /**
     * 执行率 as a number of percent with its decimals: {@code 87.00%} (text, or a percent cell showing it) is 87.00,
     * a bare {@code 87} is 87; other text is kept as written; empty is {@code null}.
     */
    static Object executionRate(SourceCell cell) {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        String plain = plain(text);
        BigDecimal number = number(plain.endsWith("%") ? plain.substring(0, plain.length() - 1) : plain);
        return number != null ? number : text;
    }

    /** 分值 and 得分: a number, or text as written ({@code 无}, {@code —}); empty is {@code null}. */
    static Object numberOrText(SourceCell cell) {
        String text = text(cell);
        if (text == null) {
            return null;
        }
        BigDecimal number = number(plain(text));
        return number != null ? number : text;
    }

    /** 总分: a number; {@code —} or empty is {@code null}. */
    static BigDecimal number(SourceCell cell) throws Unreadable {
        String text = text(cell);
        String plain = plain(text);
        if (EMPTY.contains(plain)) {
            return null;
        }
        BigDecimal number = number(plain);
        if (number == null) {
            throw new Unreadable("a number", text);
        }
        return number;
    }

    private static String plain(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u00A0]+", "");
    }

    /** The decimal the text writes, with its decimals; {@code null} when it is not one. */
    private static BigDecimal number(String plain) {
        if (GROUPED.matcher(plain).matches()) {
            plain = plain.replace(",", "");
        }
        return NUMBER.matcher(plain).matches() ? new BigDecimal(plain) : null;
    }
}
