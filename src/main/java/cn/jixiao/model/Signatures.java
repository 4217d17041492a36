package cn.jixiao.model;

/** The names signed under the Sichuan form. */
public record Signatures(
        String projectLeader,   // 项目负责人
        String financeLeader) { // 财务负责人

    public static final Signatures EMPTY = new Signatures(null, null);
}
