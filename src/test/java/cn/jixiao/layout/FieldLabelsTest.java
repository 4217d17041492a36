package cn.jixiao.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A message names a cell by the words printed on the form, as the person filling it in knows it. */
class FieldLabelsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            $.indicators[2].weight          | 绩效指标第3行 · 分值
            $.indicators[0].deviation       | 绩效指标第1行 · 偏差原因分析及改进措施
            $.indicators[4]                 | 绩效指标第5行
            $.indicators                    | 绩效指标
            $.funds.total.executionRate     | 执行率
            $.funds.total.annualBudget      | 年度资金总额 · 全年预算数
            $.funds.fiscal.executed         | 当年财政拨款 · 全年执行数
            $.funds.carryover               | 上年结转资金
            $.goals.actual                  | 实际完成情况
            $.projectName                   | 项目名称
            $.totalScore                    | 总分 · 得分
            $                               | 整张表
            $.projectNmae                   | $.projectNmae
            $.indicators[99999999999].score | 绩效指标
            """)
    void labelsAPathByTheForm(String path, String label) {
        assertEquals(label, FieldLabels.of(path));
    }
}
