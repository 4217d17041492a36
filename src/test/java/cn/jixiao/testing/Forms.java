package cn.jixiao.testing;

import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Indicator;
import cn.jixiao.model.NumberOrText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Variants of a form for the cases the seeds do not cover: long forms, long texts, dates. */
public final class Forms {

    private Forms() {
    }

    public static Evaluation withIndicators(Evaluation form, List<Indicator> indicators) {
        return new Evaluation(form.year(), form.projectName(), form.department(), form.implementingUnit(),
                form.reportDate(), form.funds(), form.goals(), indicators, form.totalScore(), form.form(),
                form.projectLeader(), form.reportCode(), form.footnote(), form.overview(), form.conclusion(),
                form.problems(), form.improvements(), form.signatures());
    }

    public static Evaluation withReportDate(Evaluation form, LocalDate reportDate) {
        return new Evaluation(form.year(), form.projectName(), form.department(), form.implementingUnit(),
                reportDate, form.funds(), form.goals(), form.indicators(), form.totalScore(), form.form(),
                form.projectLeader(), form.reportCode(), form.footnote(), form.overview(), form.conclusion(),
                form.problems(), form.improvements(), form.signatures());
    }

    /** The form with every indicator's 偏差原因分析及改进措施 removed except the given row's, which is set. */
    public static Evaluation withOnlyDeviation(Evaluation form, int row, String deviation) {
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < form.indicators().size(); i++) {
            Indicator old = form.indicators().get(i);
            indicators.add(new Indicator(old.level1(), old.level2(), old.level3(), old.target(), old.actual(),
                    old.weight(), old.score(), i == row ? deviation : null));
        }
        return withIndicators(form, indicators);
    }

    /**
     * {@code count} indicators under the three usual 一级指标 and their 二级指标, in that order, each row told apart by
     * its number: 三级指标 {@code 指标7：…}, 年度指标值 {@code 目标7}, 实际完成值 {@code 完成7}, every fifth with a
     * deviation {@code 偏差7：…}. Every 分值 and 得分 is {@code 2.5}: forty make 100.
     */
    public static List<Indicator> numberedIndicators(int count) {
        String[][] groups = {
                {"产出指标", "数量指标", "质量指标", "时效指标", "成本指标"},
                {"效益指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"},
                {"满意度指标", "服务对象满意度指标"}};
        List<String[]> labels = new ArrayList<>();
        for (String[] group : groups) {
            for (int s = 1; s < group.length; s++) {
                labels.add(new String[] {group[0], group[s]});
            }
        }
        NumberOrText quarter = NumberOrText.of(new BigDecimal("2.5"));
        List<Indicator> indicators = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String[] label = labels.get((n - 1) * labels.size() / count);
            indicators.add(new Indicator(label[0], label[1], "指标" + n + "：社区网格员工作终端使用情况",
                    "目标" + n, "完成" + n, quarter, quarter,
                    n % 5 == 0 ? "偏差" + n + "：受合同周期影响部分终端延迟交付，已督促供应商按期完成" : null));
        }
        return indicators;
    }

    /** Chinese prose of exactly {@code length} characters, its sentences numbered so that a lost line shows. */
    public static String prose(int length) {
        StringBuilder text = new StringBuilder();
        for (int sentence = 1; text.length() < length; sentence++) {
            text.append("第").append(sentence).append("句：疫情结束后解聘防控人员，资金执行率随之下降，已调整预算。");
        }
        return text.substring(0, length);
    }
}
