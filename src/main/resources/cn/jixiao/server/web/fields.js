// The form's fields: where each lives in the JSON (its path), its label on the printed 自评表, and what kind of
// value it takes (see evaluation.schema.json and examples/README.md). The label of a message's path comes with
// the message from the server (cn.jixiao.model.FieldLabels), not from here.

import { Decimal, decimalOf, stringifyExact } from './exact-json.js';

/** The funds rows, top to bottom, with their labels on the form. */
export const FUND_ROWS = [
  { key: 'total', label: '年度资金总额' },
  { key: 'fiscal', label: '其中：当年财政拨款' },
  { key: 'carryover', label: '上年结转资金' },
  { key: 'other', label: '其他资金' },
];

/** The amount columns every funds row has (万元). */
export const AMOUNT_COLUMNS = [
  { key: 'initialBudget', label: '年初预算数' },
  { key: 'annualBudget', label: '全年预算数' },
  { key: 'executed', label: '全年执行数' },
];

/** The scored columns only 年度资金总额 has. */
export const SCORED_COLUMNS = [
  { key: 'weight', label: '分值' },
  { key: 'executionRate', label: '执行率' },
  { key: 'score', label: '得分' },
];

/** The three levels that open the indicator table of every form, merged down where equal. */
export const INDICATOR_LEVELS = [
  { key: 'level1', label: '一级指标', kind: 'text' },
  { key: 'level2', label: '二级指标', kind: 'text' },
  { key: 'level3', label: '三级指标', kind: 'text' },
];

/** The indicator table's columns, left to right. */
export const INDICATOR_COLUMNS = [
  ...INDICATOR_LEVELS,
  { key: 'target', label: '年度指标值', kind: 'text' },
  { key: 'actual', label: '实际完成值', kind: 'text' },
  { key: 'weight', label: '分值', kind: 'numberOrText' },
  { key: 'score', label: '得分', kind: 'numberOrText' },
  { key: 'deviation', label: '偏差原因分析及改进措施', kind: 'text' },
];

/** The JSON path of segments, written as the engine writes it: $.indicators[2].weight */
export function pathText(segments) {
  return segments.reduce((text, segment) => text + (typeof segment === 'number' ? `[${segment}]` : `.${segment}`), '$');
}

/** The segments of a path the engine wrote ($.funds.total.weight, $.indicators[2].level1, $['odd key']); null if unreadable. */
export function pathSegments(text) {
  if (typeof text !== 'string' || !text.startsWith('$')) {
    return null;
  }
  const segments = [];
  const part = /\.([^.[\]]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]/y;
  part.lastIndex = 1;
  while (part.lastIndex < text.length) {
    const match = part.exec(text);
    if (!match) {
      return null;
    }
    segments.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : match[3]));
  }
  return segments;
}

/**
 * The JSON value of what was typed into a cell of the given kind:
 * - text: the text exactly as typed; an empty cell is null;
 * - amount / number / year: a plain decimal becomes a JSON number with the digits typed; anything else stays text
 *   so that the engine names the cell and says what it expects;
 * - numberOrText (分值, 得分, 执行率): a decimal is a number (counted in the sums), anything else text printed as
 *   written, such as 无 or 87.00%.
 */
export function valueOfInput(kind, typed) {
  if (kind === 'text') {
    return typed === '' ? null : typed;
  }
  if (typed.trim() === '') {
    return null;
  }
  return decimalOf(typed) ?? typed;
}

/** What a cell shows for a JSON value: numbers with their digits, text as is, anything else (a wrong type) as JSON. */
export function inputOfValue(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Decimal) {
    return value.digits;
  }
  return typeof value === 'string' ? value : stringifyExact(value, 0);
}
