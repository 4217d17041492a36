package cn.jixiao.input.office;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form's labels as real files write them. Labels are compared after {@link #normalize}: full-width letters,
 * digits and punctuation made half-width (NFKC), every space and line break removed, a trailing colon dropped — so
 * {@code 年度指标\n值}, {@code 年度 指标值} and {@code 年度指标值：} are all {@code 年度指标值}.
 */
final class Labels {

    static final String TITLE = "自评表";
    static final String PROJECT_NAME = "项目名称";
    static final String DEPARTMENT = "主管部门";
    static final String IMPLEMENTING_UNIT = "实施单位";
    static final String FUNDS = "项目资金";
    static final String INITIAL_BUDGET = "年初预算数";
    static final String ANNUAL_BUDGET = "全年预算数";
    static final String EXECUTED = "全年执行数";
    static final String WEIGHT = "分值";
    static final String EXECUTION_RATE = "执行率";
    static final String SCORE = "得分";
    static final String FUNDS_TOTAL = "年度资金总额";
    static final String GOALS = "年度总体目标";
    static final String EXPECTED_GOAL = "预期目标";
    static final String ACTUAL_GOAL = "实际完成情况";
    static final String INDICATORS = "绩效指标";
    static final String LEVEL1 = "一级指标";
    static final String LEVEL2 = "二级指标";
    static final String LEVEL3 = "三级指标";
    static final String TARGET = "年度指标值";
    static final String ACTUAL = "实际完成值";
    static final String DEVIATION = "偏差原因分析及改进措施";
    static final String TOTAL = "总分";

    /** 其中：当年财政拨款, also written 本年财政拨款, with or without 其中. */
    private static final Pattern FISCAL = Pattern.compile("(其中:)?(当年|本年)?财政拨款(资金)?");
    private static final Pattern CARRYOVER = Pattern.compile("(其中:)?上年结转(资金)?");
    private static final Pattern OTHER = Pattern.compile("(其中:)?其他资金");
    /** （2023年度）, (2023 年度), 2023年度, in a title line or alone. */
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年度");
    /** 项目资金（元）, 项目资金(单位：元), and a line 金额单位：元 above the table. */
    private static final Pattern YUAN = Pattern.compile("(项目资金\\((单位:)?元\\))|((金额)?单位:元)");
    private static final Pattern WAN_YUAN_LINE = Pattern.compile("(金额)?单位:万元");
    private static final Pattern BETWEEN_CJK = Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");

    /** Which row of 项目资金 a label names. */
    enum FundRow {
        TOTAL("total", "年度资金总额"),
        FISCAL("fiscal", "其中：当年财政拨款"),
        CARRYOVER("carryover", "上年结转资金"),
        OTHER("other", "其他资金");

        final String field;
        final String label;

        FundRow(String field, String label) {
            this.field = field;
            this.label = label;
        }
    }

    private Labels() {
    }

    static String normalize(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u00A0\\u3000]+", "");
        return plain.endsWith(":") ? plain.substring(0, plain.length() - 1) : plain;
    }

    static boolean is(SourceCell cell, String label) {
        return cell != null && normalize(cell.text()).equals(label);
    }

    static FundRow fundRow(String normalized) {
        if (normalized.equals(FUNDS_TOTAL)) {
            return FundRow.TOTAL;
        }
        if (FISCAL.matcher(normalized).matches()) {
            return FundRow.FISCAL;
        }
        if (CARRYOVER.matcher(normalized).matches()) {
            return FundRow.CARRYOVER;
        }
        return OTHER.matcher(normalized).matches() ? FundRow.OTHER : null;
    }

    /** The 项目资金 label of the funds block, in whatever unit. */
    static boolean isFundsLabel(String normalized) {
        return normalized.startsWith(FUNDS);
    }

    static boolean isDeviation(String normalized) {
        return normalized.startsWith("偏差原因");
    }

    /** The year a title names, or {@code null}. */
    static Integer year(String text) {
        Matcher year = YEAR.matcher(normalize(text));
        return year.find() ? Integer.valueOf(year.group(1)) : null;
    }

    /** A title line: the form's name or its year. */
    static boolean isTitle(String text) {
        String normalized = normalize(text);
        return normalized.contains(TITLE) || YEAR.matcher(normalized).matches()
                || normalized.matches("\\(\\d{4}年度\\)") || normalized.matches("\\(年度\\)");
    }

    /** Whether a label or a unit line says the amounts are in 元; {@code null} when it says nothing of units. */
    static Boolean yuan(String text) {
        String normalized = normalize(text);
        if (YUAN.matcher(normalized).find()) {
            return true;
        }
        return WAN_YUAN_LINE.matcher(normalized).find() || normalized.contains("(万元)") ? false : null;
    }

    /** An 一级 or 二级 label as it groups: spaces and line breaks between Chinese characters removed ({@code 产 出 指 标}). */
    static String groupLabel(String text) {
        return BETWEEN_CJK.matcher(text).replaceAll("");
    }
}
