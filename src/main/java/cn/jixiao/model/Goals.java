package cn.jixiao.model;

/** 年度总体目标. */
public record Goals(
        String expected, // 预期目标
        String actual) { // 实际完成情况

    public static final Goals EMPTY = new Goals(null, null);
}
