package cn.jixiao.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A message names a cell by the words printed on the project's form, as the person filling it in knows it. */
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
            $.overview                      | 项目基本情况
            $.projectLeader                 | 项目负责人及电话
            """)
    void labelsAPathByTheNationalForm(String path, String label) {
        assertEquals(label, FieldLabels.of(Form.NATIONAL, path));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            $.indicators[2].weight          | 绩效指标第3行 · 分值
            $.indicators[1].actual          | 绩效指标第2行 · 全年实际值
            $.indicators[0].deviation       | 绩效指标第1行 · 未完成原因及拟采取的改进措施
            $.funds.total.annualBudget      | 年度资金总额 · 全年预算数（A）
            $.funds.total.executionRate     | 年度资金总额 · 执行率（B/A）
            $.funds.fiscal.score            | 本年财政拨款 · 得分
            $.funds.other.executionRate     | 其他资金 · 执行率（B/A）
            $.funds.carryover               | 上年结转资金
            $.goals.expected                | 年初设定目标
            $.projectLeader                 | 项目负责人及电话
            $.footnote                      | 注
            $.overview                      | 项目基本情况
            """)
    void labelsAPathByTheXianjieForm(String path, String label) {
        assertEquals(label, FieldLabels.of(Form.XIANJIE, path));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            $.indicators[2].weight          | 绩效指标第3行 · 权重
            $.indicators[0].nature          | 绩效指标第1行 · 指标性质
            $.indicators[0].unit            | 绩效指标第1行 · 度量单位
            $.indicators[4].actual          | 绩效指标第5行 · 完成值
            $.funds.total.initialBudget     | 总额 · 年初预算
            $.funds.fiscal.annualBudget     | 财政资金 · 调整后预算数
            $.funds.unit.executionRate      | 单位资金 · 预算执行率
            $.funds.specialAccount.executed | 财政专户管理资金 · 预算执行数
            $.funds.total.executionRate     | 总额 · 预算执行率
            $.funds.reason                  | 原因
            $.overview.implementation       | 项目实施内容及过程概述
            $.signatures.financeLeader      | 财务负责人
            $.implementingUnit              | 实施单位（盖章）
            $.reportCode                    | 报表编号
            $.totalScore                    | 合计 · 得分
            """)
    void labelsAPathBySichuansForm(String path, String label) {
        assertEquals(label, FieldLabels.of(Form.SICHUAN, path));
    }

    /** The headings the scoring rules' messages use, each form's own. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NATIONAL | 分值 | 得分 | 全年预算数     | 全年执行数     | 分值 | 总分
            XIANJIE  | 分值 | 得分 | 全年预算数（A） | 全年执行数（B） | 分值 | 总分
            SICHUAN  | 权重 | 得分 | 调整后预算数    | 预算执行数     | 权重 | 合计
            """)
    void namesTheColumnsAndTheTotalsRowInEachFormsWords(Form form, String weight, String score, String annualBudget,
                                                        String executed, String fundsWeight, String total) {
        assertEquals(weight, FieldLabels.indicatorsColumn(form, "weight"));
        assertEquals(score, FieldLabels.indicatorsColumn(form, "score"));
        assertEquals(annualBudget, FieldLabels.fundsColumn(form, "annualBudget"));
        assertEquals(executed, FieldLabels.fundsColumn(form, "executed"));
        assertEquals(fundsWeight, FieldLabels.fundsColumn(form, "weight"));
        assertEquals(total, FieldLabels.total(form));
    }
}
