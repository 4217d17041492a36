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
import org.junit.jupiter.api.Test;

/** The 衔接资金 绩效目标自评表 as printed from its example: its own wording, and every value of the input. */
class XianjiePdfTest {

    /** The published form's wording, punctuation full-width as printed. */
    private static final List<String> LABELS = List.of("绩效目标自评表", "（2023年度）", "项目名称", "项目负责人及电话",
            "主管部门", "实施单位", "资金情况（万元）", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分",
            "年度资金总额：", "其中：本年财政拨款", "其他资金", "年度总体目标", "年初设定目标", "年度总体目标完成情况综述",
            "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年实际值", "未完成原因及拟采取的改进措施", "总分");

    @Test
    void theExamplePrintsTheFormsWordingAndEveryValue() throws Exception {
        Evaluation evaluation = RegionalExamples.xianjie();
        assertEquals(Form.XIANJIE, evaluation.form());
        byte[] pdf = TestEngine.pdf().render(evaluation, null).documents().get(OutputFormat.PDF);
        try (PdfFile file = PdfFile.of(pdf)) {
            assertEquals(1, file.pageCount());
            String text = file.compactText();
            List<String> expected = new ArrayList<>(LABELS);
            expected.addAll(List.of(evaluation.projectName(), evaluation.projectLeader(), evaluation.department(),
                    evaluation.implementingUnit(), evaluation.goals().expected(), evaluation.goals().actual(),
                    evaluation.footnote()));
            for (Indicator indicator : evaluation.indicators()) {
                expected.addAll(List.of(indicator.level1(), indicator.level2(), indicator.level3(), indicator.target(),
                        indicator.actual()));
                if (indicator.deviation() != null) {
                    expected.add(indicator.deviation());
                }
            }
            // 全年预算数, 全年执行数, 执行率 (computed: 295.6 ÷ 300), 得分 of the funds; 分值 and 得分 totals
            expected.addAll(List.of("300", "295.6", "98.53%", "9.85", "100", "97.85"));
            for (String expectedText : expected) {
                assertTrue(text.contains(PdfFile.compact(expectedText)), "the page prints " + expectedText);
            }
            for (String national : List.of("年初预算数", "上年结转资金", "项目支出绩效自评表", "偏差原因分析及改进措施")) {
                assertFalse(text.contains(national), "the 衔接资金 form has no " + national);
            }
        }
    }
}
