package cn.jixiao.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.OutputFormat;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Form;
import cn.jixiao.model.Indicator;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.RegionalExamples;
import cn.jixiao.testing.TestEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Sichuan's 部门预算项目支出绩效自评表 as printed from its example: its own wording, and every value of the input. */
class SichuanPdfTest {

    /** The published form's wording, punctuation full-width as printed. */
    private static final List<String> LABELS = List.of("报表编号：", "部门预算项目支出绩效自评表（2023年度）", "项目名称",
            "主管部门", "实施单位（盖章）", "项目基本情况", "1.项目年度目标完成情况", "项目年度目标", "年度目标完成情况",
            "2.项目实施内容及过程概述", "预算执行情况（10分）", "年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数",
            "预算执行率", "权重", "得分", "原因", "总额", "其中：财政资金", "财政专户管理资金", "单位资金", "其他资金",
            "绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值",
            "未完成原因分析", "合计", "评价结论", "存在问题", "改进措施", "项目负责人：", "财务负责人：");

    @Test
    void theExamplePrintsTheFormsWordingAndEveryValue() throws Exception {
        Evaluation evaluation = RegionalExamples.sichuan();
        assertEquals(Form.SICHUAN, evaluation.form());
        byte[] pdf = TestEngine.pdf().render(evaluation, null).documents().get(OutputFormat.PDF);
        try (PdfFile file = PdfFile.of(pdf)) {
            assertEquals(1, file.pageCount());
            String text = file.compactText();
            List<String> expected = new ArrayList<>(LABELS);
            Stream.of(evaluation.reportCode(), evaluation.projectName(), evaluation.department(),
                    evaluation.implementingUnit(), evaluation.overview().goal(), evaluation.overview().achieved(),
                    evaluation.overview().implementation(), evaluation.funds().reason(), evaluation.conclusion(),
                    evaluation.problems(), evaluation.improvements(), evaluation.signatures().projectLeader(),
                    evaluation.signatures().financeLeader()).forEach(expected::add);
            for (Indicator indicator : evaluation.indicators()) {
                Stream.of(indicator.level1(), indicator.level2(), indicator.level3(), indicator.nature(),
                        indicator.target(), indicator.unit(), indicator.actual(), indicator.deviation())
                        .filter(value -> value != null).forEach(expected::add);
            }
            // 年初预算 = 调整后预算数, 预算执行数 and the 预算执行率 computed per row (÷ 调整后预算数); 权重 and 得分 totals
            expected.addAll(List.of("480", "472.3", "98.40%", "445.3", "98.96%", "27", "90.00%", "9.84", "100",
                    "98.84"));
            for (String expectedText : expected) {
                assertTrue(text.contains(PdfFile.compact(expectedText)), "the page prints " + expectedText);
            }
            for (String national : List.of("年度资金总额", "上年结转资金", "偏差原因分析及改进措施")) {
                assertFalse(text.contains(national), "the Sichuan form has no " + national);
            }
        }
    }
}
