package cn.jixiao.model;

/** 项目基本情况 of the Sichuan form. */
public record Overview(
        String goal,           // 项目年度目标
        String achieved,       // 年度目标完成情况
        String implementation) { // 项目实施内容及过程概述

    public static final Overview EMPTY = new Overview(null, null, null);
}
