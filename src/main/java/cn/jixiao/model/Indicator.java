package cn.jixiao.model;

/** One 三级指标 row of 绩效指标, with the 一级 and 二级 labels of the groups it belongs to. */
public record Indicator(
        String level1,       // 一级指标
        String level2,       // 二级指标
        String level3,       // 三级指标
        String target,       // 年度指标值
        String actual,       // 实际完成值
        NumberOrText weight, // 分值
        NumberOrText score,  // 得分
        String deviation,    // 偏差原因分析及改进措施
        String nature,       // 指标性质: =, ≥, ≤, ＞, ＜ or 定性
        String unit) {       // 度量单位

    public Indicator(String level1, String level2, String level3, String target, String actual, NumberOrText weight,
                     NumberOrText score, String deviation) {
        this(level1, level2, level3, target, actual, weight, score, deviation, null, null);
    }
}
