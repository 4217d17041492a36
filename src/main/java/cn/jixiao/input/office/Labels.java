package cn.jixiao.input.office;

import cn.jixiao.model.Form;
import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms' labels as real files write them. Labels are compared after {@link #normalize}: full-width letters,
 * digits and punctuation made half-width (NFKC), every space and line break removed, a trailing colon dropped — so
 * {@code 年度指标\n值}, {@code 年度 指标值} and {@code 年度指标值：} are all {@code 年度指标值}. {@link #key} also drops
 * a leading number ({@code 2.项目实施内容及过程概述}) and a trailing formula ({@code 全年预算数（A）}, {@code 执行率(B/A)}).
 *
 * <p>Three published forms are known (see the README, "Forms"): the national 项目支出绩效自评表, the 衔接资金
 * 绩效目标自评表 and Sichuan's 部门预算项目支出绩效自评表. Labels that only one of them prints are its {@link #evidence}.
 */
final class Labels {

    static final String TITLE = "自评表";
    static final String PROJECT_NAME = "项目名称";
    static final String DEPARTMENT = "主管部门";
    static final String IMPLEMENTING_UNIT = "实施单位";
    static final String PROJECT_LEADER = "项目负责人及电话";
    static final String REPORT_CODE = "报表编号";
    static final String FUNDS = "项目资金";
    static final String INITIAL_BUDGET = "年初预算数";
    static final String ANNUAL_BUDGET = "全年预算数";
    static final String EXECUTED = "全年执行数";
    static final String WEIGHT = "分值";
    static final String EXECUTION_RATE = "执行率";
    static final String SCORE = "得分";
    static final String REASON = "原因";
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
    static final String NATURE = "指标性质";
    static final String UNIT = "度量单位";
    static final String TOTAL = "总分";
    /** The Sichuan form's 总分. */
    static final String SUM = "合计";
    /** 注：… under the 衔接资金 form's table. */
    static final String NOTE = "注:";
    /** The Sichuan form's last row: 项目负责人：赵明远 | 财务负责人：刘芳. */
    static final String SIGNED_PROJECT_LEADER = "项目负责人:";
    static final String SIGNED_FINANCE_LEADER = "财务负责人:";

    /** 其中：当年财政拨款, also 本年财政拨款, or the Sichuan form's 其中：财政资金, with or without 其中. */
    private static final Pattern FISCAL = Pattern.compile("(其中:)?((当年|本年)?财政拨款(资金)?|财政资金)");
    private static final Pattern CARRYOVER = Pattern.compile("(其中:)?上年结转(资金)?");
    private static final Pattern OTHER = Pattern.compile("(其中:)?其他资金");
    /** （2023年度）, (2023 年度), 2023年度, in a title line or alone. */
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年度");
    /** 项目资金（元）, 资金情况(单位：元), 年度预算数（元）, and a line 金额单位：元 above the table. */
    private static final Pattern YUAN = Pattern.compile("((项目资金|资金情况|年度预算数)\\((单位:)?元\\))|((金额)?单位:元)");
    private static final Pattern WAN_YUAN_LINE = Pattern.compile("(金额)?单位:万元");
    private static final Pattern BETWEEN_CJK = Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");
    /** A label's number ({@code 2.}, {@code 2、}) and formula ({@code (A)}, {@code (B/A)}, {@code (%)}). */
    private static final Pattern NUMBERING = Pattern.compile("^\\d+[.、]");
    private static final Pattern FORMULA = Pattern.compile("\\([A-Za-z/%]+\\)$");
    /** A block label's points or unit: 预算执行情况（10分）, 绩效指标（90分）, 资金情况（万元）. */
    private static final Pattern BLOCK_SUFFIX = Pattern.compile("\\((\\d+分|万元|元|单位:万?元)\\)$");

    /**
     * Labels that only one form prints: what {@link FormRecognizer} counts to tell the forms apart. The labels every
     * form prints (项目名称, 一级指标, 得分 …) are not listed.
     */
    private static final Map<String, Form> EVIDENCE = Map.ofEntries(
            Map.entry(FUNDS, Form.NATIONAL),
            Map.entry(INITIAL_BUDGET, Form.NATIONAL),
            Map.entry(EXPECTED_GOAL, Form.NATIONAL),
            Map.entry(ACTUAL_GOAL, Form.NATIONAL),
            Map.entry(ACTUAL, Form.NATIONAL),
            Map.entry(DEVIATION, Form.NATIONAL),
            Map.entry("上年结转资金", Form.NATIONAL),
            Map.entry(PROJECT_LEADER, Form.XIANJIE),
            Map.entry("资金情况", Form.XIANJIE),
            Map.entry("年初设定目标", Form.XIANJIE),
            Map.entry("年度总体目标完成情况综述", Form.XIANJIE),
            Map.entry("全年实际值", Form.XIANJIE),
            Map.entry("未完成原因及拟采取的改进措施", Form.XIANJIE),
            Map.entry(REPORT_CODE, Form.SICHUAN),
            Map.entry("实施单位(盖章)", Form.SICHUAN),
            Map.entry("项目基本情况", Form.SICHUAN),
            Map.entry("项目年度目标", Form.SICHUAN),
            Map.entry("年度目标完成情况", Form.SICHUAN),
            Map.entry("项目实施内容及过程概述", Form.SICHUAN),
            Map.entry("预算执行情况", Form.SICHUAN),
            Map.entry("年度预算数", Form.SICHUAN),
            Map.entry("年初预算", Form.SICHUAN),
            Map.entry("调整后预算数", Form.SICHUAN),
            Map.entry("预算执行数", Form.SICHUAN),
            Map.entry("预算执行率", Form.SICHUAN),
            Map.entry("财政专户管理资金", Form.SICHUAN),
            Map.entry("单位资金", Form.SICHUAN),
            Map.entry(NATURE, Form.SICHUAN),
            Map.entry(UNIT, Form.SICHUAN),
            Map.entry("未完成原因分析", Form.SICHUAN),
            Map.entry("评价结论", Form.SICHUAN));

    /** Which row of the funds a label names, by its field in {@code funds}. */
    enum FundRow {
        TOTAL("total"),
        FISCAL("fiscal"),
        CARRYOVER("carryover"),
        SPECIAL_ACCOUNT("specialAccount"),
        UNIT("unit"),
        OTHER("other");

        final String field;

        FundRow(String field) {
            this.field = field;
        }
    }

    private Labels() {
    }

    static String normalize(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u00A0\\u3000]+", "");
        return plain.endsWith(":") ? plain.substring(0, plain.length() - 1) : plain;
    }

    /**
     * A cell's text as a label to look up: {@link #normalize normalized}, without a leading number, a trailing
     * formula, or a block label's points or unit ({@code 2.项目实施内容及过程概述} → {@code 项目实施内容及过程概述},
     * {@code 执行率（B/A）} → {@code 执行率}, {@code 预算执行情况（10分）} → {@code 预算执行情况}).
     */
    static String key(String text) {
        String normalized = NUMBERING.matcher(normalize(text)).replaceFirst("");
        String key = BLOCK_SUFFIX.matcher(FORMULA.matcher(normalized).replaceFirst("")).replaceFirst("");
        return key.endsWith(":") ? key.substring(0, key.length() - 1) : key;
    }

    /** The form that alone prints this label ({@link #key}), or {@code null}. */
    static Form evidence(String key) {
        return EVIDENCE.get(key);
    }

    /** The form a title names: 部门预算项目支出… Sichuan's, 绩效目标自评表 the 衔接资金 form's; {@code null} for others. */
    static Form titleEvidence(String text) {
        String normalized = normalize(text);
        if (normalized.contains("部门预算项目支出")) {
            return Form.SICHUAN;
        }
        if (normalized.contains("绩效目标自评表")) {
            return Form.XIANJIE;
        }
        return normalized.contains("项目支出绩效自评表") ? Form.NATIONAL : null;
    }

    static FundRow fundRow(String key) {
        if (key.equals(FUNDS_TOTAL) || key.equals("总额")) {
            return FundRow.TOTAL;
        }
        if (FISCAL.matcher(key).matches()) {
            return FundRow.FISCAL;
        }
        if (CARRYOVER.matcher(key).matches()) {
            return FundRow.CARRYOVER;
        }
        if (key.equals("其中:财政专户管理资金") || key.equals("财政专户管理资金")) {
            return FundRow.SPECIAL_ACCOUNT;
        }
        if (key.equals("其中:单位资金") || key.equals("单位资金")) {
            return FundRow.UNIT;
        }
        return OTHER.matcher(key).matches() ? FundRow.OTHER : null;
    }

    /**
     * A block label of the funds, in whatever unit: 项目资金（万元）, the 衔接资金 form's 资金情况（万元）, the Sichuan
     * form's 预算执行情况（10分） and the header of its row labels, 年度预算数（万元）.
     */
    static boolean isFundsLabel(String normalized) {
        return normalized.startsWith(FUNDS) || normalized.startsWith("资金情况") || normalized.startsWith("预算执行情况")
                || normalized.startsWith("年度预算数");
    }

    /** A block label that only groups rows: 绩效指标（90分）, 项目基本情况, 1.项目年度目标完成情况. */
    static boolean isBlockLabel(String key) {
        return key.equals(INDICATORS) || key.equals(GOALS) || key.equals("项目基本情况")
                || key.equals("项目年度目标完成情况");
    }

    /** The column of why an indicator fell short: 偏差原因分析及改进措施, 未完成原因及拟采取的改进措施, 未完成原因分析. */
    static boolean isDeviation(String normalized) {
        return normalized.startsWith("偏差原因") || normalized.startsWith("未完成原因");
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

    /**
     * What follows a label and its colon in the same cell, as written: {@code 赵明远} of {@code 项目负责人：赵明远},
     * {@code 510000_0013zp} of {@code 报表编号：510000_0013zp}; {@code null} when nothing does.
     */
    static String afterColon(String text) {
        int colon = text.indexOf('：') >= 0 ? text.indexOf('：') : text.indexOf(':');
        String rest = colon < 0 ? "" : text.substring(colon + 1).strip();
        return rest.isEmpty() ? null : rest;
    }

    /**
     * 指标性质 as the Sichuan form prints it: {@code =}, {@code ≥}, {@code ≤}, {@code ＞}, {@code ＜} or {@code 定性};
     * the same relation written otherwise ({@code >=}, {@code ≧}, {@code >}, {@code ＝}) is given the printed symbol,
     * anything else is kept as written.
     */
    static String nature(String text) {
        return switch (normalize(text)) {
            case "=", "==" -> "=";
            case ">=", "≥", "≧" -> "≥";
            case "<=", "≤", "≦" -> "≤";
            case ">" -> "＞";
            case "<" -> "＜";
            default -> text;
        };
    }
}
