package cn.jixiao.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One project's 项目支出绩效自评表: everything the form prints, as the input gave it. Text fields are {@code null}
 * where the cell is empty.
 *
 * @param reportDate the date the form is dated (填报日期), used as the document's creation date; {@code null} when the
 *                   input gives none
 */
public record Evaluation(
        Integer year,             // 年度
        String projectName,       // 项目名称
        String department,        // 主管部门
        String implementingUnit,  // 实施单位
        LocalDate reportDate,
        Funds funds,              // 项目资金（万元）
        Goals goals,              // 年度总体目标
        List<Indicator> indicators, // 绩效指标
        BigDecimal totalScore,    // 总分 (得分); null: the sum of the numeric scores
        Form form,                // the layout filed; national unless the input names another
        String projectLeader,     // 项目负责人及电话
        String reportCode,        // 报表编号
        String footnote,          // 注: the notes printed under the table
        Overview overview,        // 项目基本情况
        String conclusion,        // 评价结论
        String problems,          // 存在问题
        String improvements,      // 改进措施
        Signatures signatures) {  // 项目负责人, 财务负责人

    public Evaluation {
        funds = funds == null ? Funds.EMPTY : funds;
        goals = goals == null ? Goals.EMPTY : goals;
        indicators = List.copyOf(indicators);
        form = form == null ? Form.NATIONAL : form;
        overview = overview == null ? Overview.EMPTY : overview;
        signatures = signatures == null ? Signatures.EMPTY : signatures;
    }

    /** A form of the national layout, without the other layouts' fields. */
    public Evaluation(Integer year, String projectName, String department, String implementingUnit,
                      LocalDate reportDate, Funds funds, Goals goals, List<Indicator> indicators,
                      BigDecimal totalScore) {
        this(year, projectName, department, implementingUnit, reportDate, funds, goals, indicators, totalScore,
                Form.NATIONAL, null, null, null, null, null, null, null, null);
    }

    /** Σ numeric 分值, the funds total's and every indicator's: the 总分 row's 分值. */
    public BigDecimal weightSum() {
        BigDecimal sum = numeric(funds.total().weight());
        for (Indicator indicator : indicators) {
            sum = sum.add(numeric(indicator.weight()));
        }
        return sum;
    }

    /** Σ numeric 得分, the funds total's and every indicator's. */
    public BigDecimal scoreSum() {
        BigDecimal sum = numeric(funds.total().score());
        for (Indicator indicator : indicators) {
            sum = sum.add(numeric(indicator.score()));
        }
        return sum;
    }

    /** The 总分 the form prints: as given, else {@link #scoreSum()}. */
    public BigDecimal printedTotalScore() {
        return totalScore != null ? totalScore : scoreSum();
    }

    private static BigDecimal numeric(NumberOrText value) {
        return value != null && value.isNumber() ? value.number() : BigDecimal.ZERO;
    }
}
