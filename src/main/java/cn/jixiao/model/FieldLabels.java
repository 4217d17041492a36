package cn.jixiao.model;

import cn.jixiao.diagnostics.JsonPath;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a person filling in the form knows a JSON path by: the labels printed on the form, e.g.
 * {@code $.indicators[2].weight} is {@code 绩效指标第3行 · 分值} and {@code $.funds.fiscal.executed} is
 * {@code 当年财政拨款 · 全年执行数} on the national form, {@code 绩效指标第3行 · 权重} and {@code 财政资金 · 预算执行数} on
 * Sichuan's. Messages give it beside the path, so that both a person and a program find the cell.
 *
 * <p>Each form's labels are stated once, here, as the national form's with the form's own wording laid over them
 * (the words its templates print); a field the chosen form does not print keeps the contract's name for it. The
 * national form's grid ({@code cn.jixiao.layout.FormGrid}) prints these words, and the scoring rules' messages use a
 * form's own ({@link #fundsColumn}, {@link #indicatorsColumn}, {@link #total}): 权重 on Sichuan's form where the
 * national form says 分值.
 */
public final class FieldLabels {

    /**
     * The national form's labels, and the contract's names of the fields it does not print. Keys: a field
     * ({@code projectName}, {@code overview.goal}), a funds row ({@code funds.total}), a funds column
     * ({@code funds[].executed}), an indicator column ({@code indicators[].weight}), or a whole path that is named
     * differently from its row and column ({@code funds.total.executionRate}); and the row of the totals
     * ({@code rows.total}), whose 得分 is {@code totalScore}.
     */
    private static final Map<String, String> NATIONAL = Map.ofEntries(
            Map.entry("year", "年度"),
            Map.entry("form", "表式"),
            Map.entry("projectName", "项目名称"),
            Map.entry("department", "主管部门"),
            Map.entry("implementingUnit", "实施单位"),
            Map.entry("reportDate", "填报日期"),
            Map.entry("projectLeader", "项目负责人及电话"),
            Map.entry("reportCode", "报表编号"),
            Map.entry("footnote", "注"),
            Map.entry("overview", "项目基本情况"),
            Map.entry("overview.goal", "项目年度目标"),
            Map.entry("overview.achieved", "年度目标完成情况"),
            Map.entry("overview.implementation", "项目实施内容及过程概述"),
            Map.entry("conclusion", "评价结论"),
            Map.entry("problems", "存在问题"),
            Map.entry("improvements", "改进措施"),
            Map.entry("signatures", "签字"),
            Map.entry("signatures.projectLeader", "项目负责人"),
            Map.entry("signatures.financeLeader", "财务负责人"),
            Map.entry("funds", "项目资金（万元）"),
            Map.entry("funds.total", "年度资金总额"),
            Map.entry("funds.fiscal", "当年财政拨款"), // printed as 其中：当年财政拨款
            Map.entry("funds.carryover", "上年结转资金"),
            Map.entry("funds.specialAccount", "财政专户管理资金"),
            Map.entry("funds.unit", "单位资金"),
            Map.entry("funds.other", "其他资金"),
            Map.entry("funds.reason", "原因"),
            Map.entry("funds[].initialBudget", "年初预算数"),
            Map.entry("funds[].annualBudget", "全年预算数"),
            Map.entry("funds[].executed", "全年执行数"),
            Map.entry("funds[].weight", "分值"),
            Map.entry("funds[].executionRate", "执行率"),
            Map.entry("funds[].score", "得分"),
            // 执行率 is printed once on the national form, in the total's row: its own name is enough.
            Map.entry("funds.total.executionRate", "执行率"),
            Map.entry("goals", "年度总体目标"),
            Map.entry("goals.expected", "预期目标"),
            Map.entry("goals.actual", "实际完成情况"),
            Map.entry("indicators", "绩效指标"),
            Map.entry("indicators[].level1", "一级指标"),
            Map.entry("indicators[].level2", "二级指标"),
            Map.entry("indicators[].level3", "三级指标"),
            Map.entry("indicators[].target", "年度指标值"),
            Map.entry("indicators[].actual", "实际完成值"),
            Map.entry("indicators[].weight", "分值"),
            Map.entry("indicators[].score", "得分"),
            Map.entry("indicators[].deviation", "偏差原因分析及改进措施"),
            Map.entry("indicators[].nature", "指标性质"),
            Map.entry("indicators[].unit", "度量单位"),
            Map.entry("rows.total", "总分")); // the row of the totals (no field: its 得分 is totalScore)

    /** The 衔接资金 form's own wording (templates/xianjie/). */
    private static final Map<String, String> XIANJIE = Map.ofEntries(
            Map.entry("funds", "资金情况（万元）"),
            Map.entry("funds.fiscal", "本年财政拨款"), // printed as 其中：本年财政拨款
            Map.entry("funds[].annualBudget", "全年预算数（A）"),
            Map.entry("funds[].executed", "全年执行数（B）"),
            Map.entry("funds[].executionRate", "执行率（B/A）"),
            Map.entry("funds.total.executionRate", "年度资金总额 · 执行率（B/A）"), // each row has its own here
            Map.entry("goals.expected", "年初设定目标"),
            Map.entry("goals.actual", "年度总体目标完成情况综述"),
            Map.entry("indicators[].actual", "全年实际值"),
            Map.entry("indicators[].deviation", "未完成原因及拟采取的改进措施"));

    /** Sichuan's wording (templates/sichuan/). */
    private static final Map<String, String> SICHUAN = Map.ofEntries(
            Map.entry("implementingUnit", "实施单位（盖章）"),
            Map.entry("funds", "预算执行情况（10分）"),
            Map.entry("funds.total", "总额"),
            Map.entry("funds.fiscal", "财政资金"), // printed as 其中：财政资金
            Map.entry("funds[].initialBudget", "年初预算"),
            Map.entry("funds[].annualBudget", "调整后预算数"),
            Map.entry("funds[].executed", "预算执行数"),
            Map.entry("funds[].executionRate", "预算执行率"),
            Map.entry("funds[].weight", "权重"),
            Map.entry("funds.total.executionRate", "总额 · 预算执行率"), // each row has its own here
            Map.entry("indicators[].target", "指标值"),
            Map.entry("indicators[].actual", "完成值"),
            Map.entry("indicators[].weight", "权重"),
            Map.entry("indicators[].deviation", "未完成原因分析"),
            Map.entry("rows.total", "合计"));

    private static final Map<Form, Map<String, String>> FORMS = Map.of(
            Form.NATIONAL, NATIONAL,
            Form.XIANJIE, over(NATIONAL, XIANJIE),
            Form.SICHUAN, over(NATIONAL, SICHUAN));

    private static final Pattern FUND = Pattern.compile("\\$\\.funds\\.(\\w+)(?:\\.(\\w+))?.*");
    private static final Pattern INDICATOR = Pattern.compile("\\$\\.indicators\\[(\\d{1,9})](?:\\.(\\w+))?.*");
    private static final Pattern FIELD = Pattern.compile("\\$\\.(\\w+)(?:\\.(\\w+))?.*");

    private FieldLabels() {
    }

    /**
     * The label of the cell or part of the given form a JSON path of one project leads to; {@code 整张表} for the
     * project itself ({@code $} or {@code null}), and the path itself for a field the contract does not have (an
     * unknown field).
     */
    public static String of(Form form, String path) {
        if (path == null || path.equals("$")) {
            return "整张表";
        }
        Map<String, String> labels = labels(form);
        if (path.equals(JsonPath.of("totalScore"))) {
            return labels.get("rows.total") + " · " + labels.get("indicators[].score");
        }
        Matcher fund = FUND.matcher(path);
        if (fund.matches() && labels.containsKey("funds." + fund.group(1))) {
            String row = labels.get("funds." + fund.group(1));
            String column = fund.group(2) == null ? null : labels.get("funds[]." + fund.group(2));
            if (column == null) {
                return row;
            }
            return labels.getOrDefault("funds." + fund.group(1) + "." + fund.group(2), row + " · " + column);
        }
        Matcher indicator = INDICATOR.matcher(path);
        if (indicator.matches()) {
            String row = labels.get("indicators") + "第" + (Long.parseLong(indicator.group(1)) + 1) + "行";
            String column = indicator.group(2) == null ? null : labels.get("indicators[]." + indicator.group(2));
            return column == null ? row : row + " · " + column;
        }
        Matcher field = FIELD.matcher(path);
        if (field.matches() && labels.containsKey(field.group(1))) {
            String part = field.group(2) == null ? null : labels.get(field.group(1) + "." + field.group(2));
            return part != null ? part : labels.get(field.group(1));
        }
        return path;
    }

    /**
     * The heading of a column of the funds rows on the form, by the contract's field: {@code fundsColumn(SICHUAN,
     * "executed")} is {@code 预算执行数}, {@code 全年执行数} on the national form.
     */
    public static String fundsColumn(Form form, String field) {
        return column(form, "funds[]." + field);
    }

    /**
     * The heading of a column of the indicator rows on the form, by the contract's field:
     * {@code indicatorsColumn(SICHUAN, "weight")} is {@code 权重}, {@code 分值} on the national and the 衔接资金 forms.
     */
    public static String indicatorsColumn(Form form, String field) {
        return column(form, "indicators[]." + field);
    }

    /** The label of the row of the totals: {@code 总分}, on Sichuan's form {@code 合计}. */
    public static String total(Form form) {
        return labels(form).get("rows.total");
    }

    private static String column(Form form, String key) {
        String label = labels(form).get(key);
        if (label == null) {
            throw new IllegalArgumentException("no column " + key);
        }
        return label;
    }

    private static Map<String, String> labels(Form form) {
        return FORMS.getOrDefault(form, NATIONAL);
    }

    /** The labels of {@code base} with those of {@code own} laid over them. */
    private static Map<String, String> over(Map<String, String> base, Map<String, String> own) {
        Map<String, String> labels = new HashMap<>(base);
        labels.putAll(own);
        return Map.copyOf(labels);
    }
}
