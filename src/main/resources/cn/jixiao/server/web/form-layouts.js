// The forms a project can be filed on ("form" in its data) and, for the regional ones, how the editor lays out
// their table: the cells of each row, left to right, on the form's own grid, as its templates print it
// (templates/xianjie/form.jrxml, templates/sichuan/form.jrxml: their header comments give the grids). The
// national form's table is drawn by form-view.js itself (FormView.table).
//
// A row is a list of cells, each spanning `span` columns of the grid (and `rows` rows):
//   label(text)              a printed label (th)
//   field(path, kind, name)  an input bound to a JSON path ('funds.total.weight'); kind as in fields.valueOfInput,
//                            or 'choice' (a list of values); name is how a screen reader and a tooltip call it
//   fixed(text)              a cell the form prints without data (/ where a row has no 权重 or 得分)
//   weightSum(name)          the total of the 分值 (权重), computed
//   scoreSum(name)           总分's 得分 (totalScore) as typed, the sum of the 得分 as its placeholder
// and the row { indicators: {label, columns} } stands for the 绩效指标 block: its header and one row per indicator.

import { INDICATOR_LEVELS } from './fields.js';

/** The choices of 指标性质 on Sichuan's form (an indicator's `nature`). */
export const NATURES = ['=', '≥', '≤', '＞', '＜', '定性'];

const label = (text, span = 1, rows = 1) => ({ label: text, span, rows });
const field = (path, kind, name, span = 1, rows = 1) => ({ path: path.split('.'), kind, name, span, rows });
const fixed = (text, span = 1) => ({ fixed: text, span });
const weightSum = (name) => ({ weightSum: name });
const scoreSum = (name) => ({ scoreSum: name });

/** A funds row: its label over `labelSpan` columns, then its cells by column key (null: a blank cell). */
function fundRow(key, rowLabel, labelSpan, cells) {
  return [label(rowLabel, labelSpan), ...cells.map(([column, columnLabel, kind, span]) => (column === '/'
    ? fixed('/', span)
    : column === null
      ? fixed('', span)
      : field(`funds.${key}.${column}`, kind, `${rowLabel} · ${columnLabel}`, span)))];
}

/** 衔接资金 绩效目标自评表: block label + 8 columns (c0 44 | 48 56 80 38 54 54 38 81 points). */
const XIANJIE = {
  title: '绩效目标自评表',
  widths: [44, 48, 56, 80, 38, 54, 54, 38, 81],
  rows() {
    const scored = [['weight', '分值', 'numberOrText'], ['executionRate', '执行率（B/A）', 'numberOrText'],
      ['score', '得分', 'numberOrText']];
    const amounts = [['annualBudget', '全年预算数（A）', 'amount'], ['executed', '全年执行数（B）', 'amount', 2]];
    return [
      [label('项目名称'), field('projectName', 'text', '项目名称', 3), label('项目负责人及电话', 2),
        field('projectLeader', 'text', '项目负责人及电话', 3)],
      [label('主管部门'), field('department', 'text', '主管部门', 3), label('实施单位', 2),
        field('implementingUnit', 'text', '实施单位', 3)],
      [label('资金情况（万元）', 1, 4), label('', 2), label('全年预算数（A）'), label('全年执行数（B）', 2), label('分值'),
        label('执行率（B/A）'), label('得分')],
      fundRow('total', '年度资金总额：', 2, [...amounts, ...scored]),
      fundRow('fiscal', '其中：本年财政拨款', 2, [...amounts, ...scored]),
      fundRow('other', '其他资金', 2, [...amounts, [null], ['executionRate', '执行率（B/A）', 'numberOrText'], [null]]),
      [label('年度总体目标', 1, 2), label('年初设定目标', 4), label('年度总体目标完成情况综述', 4)],
      [field('goals.expected', 'text', '年初设定目标', 4), field('goals.actual', 'text', '年度总体目标完成情况综述', 4)],
      {
        indicators: {
          label: '绩效指标',
          columns: [
            ...INDICATOR_LEVELS,
            { key: 'weight', label: '分值', kind: 'numberOrText' },
            { key: 'target', label: '年度指标值', kind: 'text' },
            { key: 'actual', label: '全年实际值', kind: 'text' },
            { key: 'score', label: '得分', kind: 'numberOrText' },
            { key: 'deviation', label: '未完成原因及拟采取的改进措施', kind: 'text' },
          ],
        },
      },
      [label('总分', 4), weightSum('分值合计（自动计算）'), fixed('', 2), scoreSum('总分 · 得分'), fixed('')],
    ];
  },
  notes: { path: ['footnote'], name: '注（表下说明）' },
};

/** Sichuan's 部门预算项目支出绩效自评表: block label + 10 columns (c0 44 | 38 42 62 30 46 30 46 30 30 95 points). */
const SICHUAN = {
  title: '部门预算项目支出绩效自评表',
  yearInTitle: true,
  reportCode: true,
  widths: [44, 38, 42, 62, 30, 46, 30, 46, 30, 30, 95],
  rows() {
    const amounts = [['initialBudget', '年初预算', 'amount'], ['annualBudget', '调整后预算数', 'amount', 2],
      ['executed', '预算执行数', 'amount'], ['executionRate', '预算执行率', 'numberOrText']];
    const unscored = (key, rowLabel) => fundRow(key, rowLabel, 2, [...amounts, ['/'], ['/']]);
    return [
      [label('项目名称'), field('projectName', 'text', '项目名称', 10)],
      [label('主管部门'), field('department', 'text', '主管部门', 4), label('实施单位（盖章）', 2),
        field('implementingUnit', 'text', '实施单位（盖章）', 4)],
      [label('项目基本情况', 1, 3), label('1.项目年度目标完成情况', 2, 2), label('项目年度目标', 4), label('年度目标完成情况', 4)],
      [field('overview.goal', 'text', '项目年度目标', 4), field('overview.achieved', 'text', '年度目标完成情况', 4)],
      [label('2.项目实施内容及过程概述', 2), field('overview.implementation', 'text', '项目实施内容及过程概述', 8)],
      [label('预算执行情况（10分）', 1, 6), label('年度预算数（万元）', 2), label('年初预算'), label('调整后预算数', 2),
        label('预算执行数'), label('预算执行率'), label('权重'), label('得分'), label('原因')],
      [...fundRow('total', '总额', 2, [...amounts, ['weight', '权重', 'numberOrText'], ['score', '得分', 'numberOrText']]),
        field('funds.reason', 'text', '原因', 1, 5)],
      unscored('fiscal', '其中：财政资金'),
      unscored('specialAccount', '财政专户管理资金'),
      unscored('unit', '单位资金'),
      unscored('other', '其他资金'),
      {
        indicators: {
          label: '绩效指标（90分）',
          columns: [
            ...INDICATOR_LEVELS,
            { key: 'nature', label: '指标性质', kind: 'choice', choices: NATURES },
            { key: 'target', label: '指标值', kind: 'text' },
            { key: 'unit', label: '度量单位', kind: 'text' },
            { key: 'actual', label: '完成值', kind: 'text' },
            { key: 'weight', label: '权重', kind: 'numberOrText' },
            { key: 'score', label: '得分', kind: 'numberOrText' },
            { key: 'deviation', label: '未完成原因分析', kind: 'text' },
          ],
        },
      },
      [label('合计', 8), weightSum('权重合计（自动计算）'), scoreSum('合计 · 得分'), fixed('')],
      [label('评价结论'), field('conclusion', 'text', '评价结论', 10)],
      [label('存在问题'), field('problems', 'text', '存在问题', 10)],
      [label('改进措施'), field('improvements', 'text', '改进措施', 10)],
      [label('项目负责人：', 2), field('signatures.projectLeader', 'text', '项目负责人', 4),
        label('财务负责人：', 2), field('signatures.financeLeader', 'text', '财务负责人', 3)],
    ];
  },
};

/**
 * The forms, in the order the page offers them: the value of "form", the form's name, a short name for the
 * project list, the layout of the regional ones, and the data of a new, empty project on it.
 */
export const FORMS = [
  {
    id: 'national',
    name: '项目支出绩效自评表（全国通用）',
    short: '全国通用表',
    layout: null,
    blank: () => ({
      year: null,
      projectName: '',
      department: null,
      implementingUnit: null,
      funds: {
        total: { initialBudget: null, annualBudget: null, executed: null, weight: null, executionRate: null, score: null },
        fiscal: { initialBudget: null, annualBudget: null, executed: null },
        carryover: { initialBudget: null, annualBudget: null, executed: null },
        other: { initialBudget: null, annualBudget: null, executed: null },
      },
      goals: { expected: null, actual: null },
      indicators: [{ level1: '产出指标', level2: '数量指标', level3: null, target: null, actual: null, weight: null, score: null }],
      totalScore: null,
    }),
  },
  {
    id: 'xianjie',
    name: '衔接资金绩效目标自评表',
    short: '衔接资金表',
    layout: XIANJIE,
    blank: () => ({
      form: 'xianjie',
      year: null,
      projectName: '',
      projectLeader: null,
      department: null,
      implementingUnit: null,
      funds: {
        total: { annualBudget: null, executed: null, weight: null, executionRate: null, score: null },
        fiscal: { annualBudget: null, executed: null, weight: null, executionRate: null, score: null },
        other: { annualBudget: null, executed: null, executionRate: null },
      },
      goals: { expected: null, actual: null },
      indicators: [{ level1: '产出指标（50分）', level2: '数量指标', level3: null, weight: null, target: null, actual: null, score: null }],
      totalScore: null,
      footnote: null,
    }),
  },
  {
    id: 'sichuan',
    name: '部门预算项目支出绩效自评表（四川）',
    short: '四川表',
    layout: SICHUAN,
    blank: () => {
      const line = () => ({ initialBudget: null, annualBudget: null, executed: null, executionRate: null });
      return {
        form: 'sichuan',
        reportCode: '510000_0013zp',
        year: null,
        projectName: '',
        department: null,
        implementingUnit: null,
        overview: { goal: null, achieved: null, implementation: null },
        funds: {
          total: { ...line(), weight: null, score: null },
          fiscal: line(),
          specialAccount: line(),
          unit: line(),
          other: line(),
          reason: null,
        },
        indicators: [{ level1: '产出指标', level2: '数量指标', level3: null, nature: null, target: null, unit: null, actual: null, weight: null, score: null }],
        totalScore: null,
        conclusion: null,
        problems: null,
        improvements: null,
        signatures: { projectLeader: null, financeLeader: null },
      };
    },
  },
];

/** The form of a project's data: its "form", else (absent, or a value the engine does not know) the national one. */
export function formOf(data) {
  const id = data !== null && typeof data === 'object' ? data.form : undefined;
  return FORMS.find((form) => form.id === id) ?? FORMS[0];
}
