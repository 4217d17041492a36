package cn.jixiao.render.docx;

import cn.jixiao.model.Evaluation;
import cn.jixiao.model.FundLine;
import cn.jixiao.model.FundTotal;
import cn.jixiao.model.Funds;
import cn.jixiao.model.Goals;
import cn.jixiao.model.Indicator;
import cn.jixiao.model.NumberOrText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Evaluations for the DOCX tests, built by hand (the JSON reader is not this package's business). */
final class SampleForms {

    private SampleForms() {
    }

    /** Seed form 1 (政府批准聘用人员支出) as the seed prints it, quirks kept: 87.00% given, text cut off. */
    static Evaluation seedForm1() {
        String unit = "金凤区智慧城市运营中心";
        FundTotal total = new FundTotal(new BigDecimal("207.6892"), new BigDecimal("180.97212"),
                new BigDecimal("180.97212"), number("10"), NumberOrText.of("87.00%"), number("8"));
        FundLine fiscal = new FundLine(new BigDecimal("207.6892"), new BigDecimal("180.97212"),
                new BigDecimal("180.97212"));
        String layoff = "疫情结束后，解聘2名疫情防控人员";
        List<Indicator> indicators = List.of(
                new Indicator("产出指标", "数量指标", "发放中心聘用人员", "28人", "1月-4月： 28人 5月-12月：",
                        number("15"), number("12"), layoff),
                new Indicator("产出指标", "质量指标", "按标准发放中心聘用人员工资", "100%", "100%",
                        number("15"), number("15"), null),
                new Indicator("产出指标", "时效指标", "使用时间", "2023年1月-12月", "2023年1月-12月",
                        number("10"), number("10"), null),
                new Indicator("产出指标", "成本指标", "资金成本", "180.97212万元", "180.97212万元",
                        number("10"), number("8"), layoff),
                none("经济效益指标"),
                none("社会效益"),
                none("生态效益指标"),
                new Indicator("效益指标", "可持续影响指标", "聘用人员工作经费仅用于当年聘用人员的工资发放", "2024年",
                        "180.97212万元", number("30"), number("30"), null),
                new Indicator("满意度", "服务对象满意度指标", "聘用人员对发放时间的满意度", "≥95", "≥95",
                        number("10"), number("10"), null));
        return new Evaluation(2023, "政府批准聘用人员支出", unit, unit, null,
                new Funds(total, fiscal, FundLine.EMPTY, FundLine.EMPTY),
                new Goals("保障聘用人员工作收入，确保工作正常开展", "按时发放聘用人员工资，确保工作正常开展"),
                indicators, new BigDecimal("93"));
    }

    /**
     * A generated form of 40 indicators over three 一级 groups (20, 16 and 4 rows) and nine 二级 groups, long enough
     * to need a second page.
     */
    static Evaluation fortyIndicators() {
        String[][] groups = {
                {"产出指标", "数量指标", "质量指标", "时效指标", "成本指标"},
                {"效益指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"},
                {"满意度指标", "服务对象满意度指标"}};
        int[] rowsPerSubgroup = {5, 4, 4};
        List<Indicator> indicators = new ArrayList<>();
        int n = 0;
        for (int g = 0; g < groups.length; g++) {
            for (int s = 1; s < groups[g].length; s++) {
                for (int r = 0; r < rowsPerSubgroup[g]; r++) {
                    n++;
                    indicators.add(new Indicator(groups[g][0], groups[g][s],
                            "第" + n + "项指标：社区网格员工作终端使用情况" + (n % 3 == 0 ? "及平台运行维护保障" : ""),
                            n + "个", (n % 4 == 0 ? "完成" + n + "个，略有调整" : n + "个"),
                            NumberOrText.of(new BigDecimal("2.5")), NumberOrText.of(new BigDecimal(n % 5 == 0 ? "2" : "2.5")),
                            n % 5 == 0 ? "第" + n + "项：受合同周期影响，部分终端延迟交付，已督促供应商按期完成" : null));
                }
            }
        }
        return new Evaluation(2024, "智慧金凤社会治理综合平台运行费（多页测试）", "金凤区智慧城市运营中心",
                "金凤区智慧城市运营中心", null,
                new Funds(new FundTotal(new BigDecimal("51"), new BigDecimal("51"), new BigDecimal("49.5"),
                        number("10"), null, number("9")), new FundLine(new BigDecimal("51"), new BigDecimal("51"),
                        new BigDecimal("49.5")), FundLine.EMPTY, FundLine.EMPTY),
                new Goals("确保智慧金凤指挥平台正常运行，工作顺利开展", "智慧金凤平台正常运行，工作顺利开展"),
                indicators, null);
    }

    /**
     * Seed form 1 with its nine indicators followed by the last 31 of {@link #fortyIndicators}: a real form's texts and
     * quirks, and a table over several pages, in one document.
     */
    static Evaluation seedForm1WithFortyIndicators() {
        Evaluation seed = seedForm1();
        List<Indicator> indicators = new ArrayList<>(seed.indicators());
        indicators.addAll(fortyIndicators().indicators().subList(seed.indicators().size(), 40));
        return new Evaluation(seed.year(), seed.projectName(), seed.department(), seed.implementingUnit(),
                seed.reportDate(), seed.funds(), seed.goals(), indicators, null);
    }

    /** Seed form 1 with a deviation of 1,500 characters: a row taller than a page. */
    static Evaluation longDeviation() {
        Evaluation seed = seedForm1();
        List<Indicator> indicators = new ArrayList<>(seed.indicators());
        Indicator first = indicators.get(0);
        indicators.set(0, new Indicator(first.level1(), first.level2(), first.level3(), first.target(),
                first.actual(), first.weight(), first.score(), longText(1500)));
        return new Evaluation(seed.year(), seed.projectName(), seed.department(), seed.implementingUnit(),
                seed.reportDate(), seed.funds(), seed.goals(), indicators, seed.totalScore());
    }

    /** Chinese prose of the given length, numbered every sentence so that a lost line would show. */
    static String longText(int length) {
        StringBuilder text = new StringBuilder();
        for (int sentence = 1; text.length() < length; sentence++) {
            text.append("第").append(sentence).append("句：疫情结束后解聘防控人员，资金执行率随之下降，已调整预算。");
        }
        return text.substring(0, length);
    }

    private static Indicator none(String level2) {
        return new Indicator("效益指标", level2, "无", "无", "无", NumberOrText.of("无"), NumberOrText.of("无"), null);
    }

    private static NumberOrText number(String value) {
        return NumberOrText.of(new BigDecimal(value));
    }
}
