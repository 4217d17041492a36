// The editor: one project's data in a table laid out like the printed 项目支出绩效自评表 (templates/national/form.jrxml,
// cn.jixiao.layout.FormGrid: nine columns; 项目资金, 年度总体目标 and 绩效指标 labels merged down the left), or like
// the regional form the project names in "form", drawn from that form's description in form-layouts.js.
//
// Every input is bound to one JSON path of the project; typing writes the value into the project's data at
// once and tells the page (onChange). Consecutive indicators with the same 一级指标 share one merged cell, and
// within it those with the same 二级指标 — as the engine merges them. Typing in a merged cell renames every row
// it covers; typing a label equal to the neighbouring group's merges the two when the cell is left.

import { percentOf, sumOfNumbers } from './exact-json.js';
import {
  AMOUNT_COLUMNS, FUND_ROWS, INDICATOR_COLUMNS, SCORED_COLUMNS, inputOfValue, pathSegments, pathText, valueOfInput,
} from './fields.js';
import { formOf } from './form-layouts.js';

/** The grid's column widths in points, as in form.jrxml (the printable width is 493). */
const COLUMN_WIDTHS = [44, 48, 56, 80, 54, 54, 42, 38, 77];

/** The value at a path of segments, or undefined. */
function valueAt(data, segments) {
  return segments.reduce((node, key) => (node !== null && typeof node === 'object' ? node[key] : undefined), data);
}

/** Writes a value at a path, creating the objects and arrays on the way (an absent funds block, say). */
function setValueAt(data, segments, value) {
  let node = data;
  segments.slice(0, -1).forEach((key, i) => {
    if (node[key] === null || typeof node[key] !== 'object') {
      node[key] = typeof segments[i + 1] === 'number' ? [] : {};
    }
    node = node[key];
  });
  node[segments[segments.length - 1]] = value;
}

/** Runs of consecutive rows in [from, to) whose `key` reads the same: [{start, count}]. */
function runsOf(rows, key, from, to) {
  const runs = [];
  for (let i = from; i < to; i++) {
    const last = runs[runs.length - 1];
    if (last && inputOfValue(rows[i][key]) === inputOfValue(rows[last.start][key])) {
      last.count++;
    } else {
      runs.push({ start: i, count: 1 });
    }
  }
  return runs;
}

/** A new element with attributes and children (strings become text). */
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  node.append(...children);
  return node;
}

/** Grows a textarea to show all its text (a cell of the form stretches to its text too). */
function fitHeight(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight}px`;
}

export class FormView {
  /**
   * @param root      the element the form is drawn in
   * @param onChange  called after every edit with the project's data changed in place
   */
  constructor(root, onChange) {
    this.root = root;
    this.onChange = onChange;
    this.data = null;
    this.inputs = new Map(); // path text → the input showing it
    this.sums = []; // functions that bring the computed sums up to date
  }

  /** Shows a project's data (an evaluation object), or an explanation where it is not one. */
  show(data) {
    this.data = data;
    this.render();
  }

  /** Focuses the cell of a path (or of its nearest enclosing path on the form), scrolls it into view and flashes it. */
  focusPath(path) {
    const input = this.inputFor(path);
    if (!input) {
      return false;
    }
    input.scrollIntoView({ block: 'center' });
    input.focus({ preventScroll: true });
    input.classList.remove('flash');
    void input.offsetWidth; // restarts the animation when the same cell is flashed twice
    input.classList.add('flash');
    return true;
  }

  /** Marks the cells that have messages (red for errors, amber for warnings), the message as their tooltip. */
  markDiagnostics(warnings, errors) {
    for (const input of this.inputs.values()) {
      input.classList.remove('has-warning', 'has-error');
      input.removeAttribute('title');
    }
    const mark = (diagnostic, className) => {
      const input = this.inputFor(diagnostic.path);
      if (input) {
        input.classList.add(className);
        input.title = [input.title, diagnostic.message].filter(Boolean).join('\n');
      }
    };
    warnings.forEach((d) => mark(d, 'has-warning'));
    errors.forEach((d) => mark(d, 'has-error'));
  }

  /** The input of a path, else of the nearest shorter path that has one ($.funds.total.oops → the 年度资金总额 row). */
  inputFor(path) {
    const segments = pathSegments(path);
    if (!segments) {
      return null;
    }
    for (let length = segments.length; length >= 0; length--) {
      const input = this.inputs.get(pathText(segments.slice(0, length)));
      if (input) {
        return input;
      }
    }
    return null;
  }

  render() {
    const focusedPath = document.activeElement?.dataset?.path;
    this.inputs = new Map();
    this.sums = [];
    this.root.replaceChildren();
    if (this.data === null || typeof this.data !== 'object' || Array.isArray(this.data)) {
      this.root.append(element('p', { class: 'not-a-form' },
        '这一项不是一个项目（应为 JSON 对象），无法在表中编辑；请修改文件后重新打开。'));
      return;
    }
    const { layout } = formOf(this.data);
    if (layout) {
      this.root.append(this.describedTitle(layout), this.describedTable(layout));
    } else {
      this.root.append(this.titleBlock(), this.table());
    }
    this.root.querySelectorAll('textarea').forEach(fitHeight);
    if (focusedPath && this.inputs.has(focusedPath)) {
      this.inputs.get(focusedPath).focus({ preventScroll: true });
    }
  }

  titleBlock() {
    return element('header', { class: 'form-title' },
      element('h2', {}, '项目支出绩效自评表'),
      element('p', { class: 'period' }, '（', this.input(['year'], 'year', { class: 'year', placeholder: '年份', 'aria-label': '年度' }), '年度）'),
      element('p', { class: 'report-date' }, '填报日期 ',
        this.input(['reportDate'], 'text', { placeholder: 'YYYY-MM-DD', class: 'date', 'aria-label': '填报日期' })));
  }

  table() {
    const table = element('table', { class: 'form' });
    const columns = element('colgroup');
    COLUMN_WIDTHS.forEach((width) => columns.append(element('col', { class: `w${width}` })));
    columns.append(element('col', { class: 'tools' }));
    const body = element('tbody');
    table.append(columns, body);

    const label = (text, attributes = {}) => element('th', attributes, text);
    const cell = (content, attributes = {}) => element('td', attributes, content);
    const row = (...cells) => body.appendChild(element('tr', {}, ...cells, element('td', { class: 'tools' })));

    row(label('项目名称'), cell(this.textarea(['projectName'], '项目名称'), { colspan: 8 }));
    row(label('主管部门'), cell(this.textarea(['department'], '主管部门'), { colspan: 3 }),
      label('实施单位'), cell(this.textarea(['implementingUnit'], '实施单位'), { colspan: 4 }));

    // 项目资金（万元）: the header, then the four rows; only 年度资金总额 is scored, the others print —.
    row(label('项目资金（万元）', { rowspan: 1 + FUND_ROWS.length }), label(''),
      ...AMOUNT_COLUMNS.map((c) => label(c.label)), label('分值'), label('执行率'), label('得分', { colspan: 2 }));
    for (const fund of FUND_ROWS) {
      const path = ['funds', fund.key];
      const named = (c) => ({ class: 'number', 'aria-label': `${fund.label} · ${c.label}` });
      const amounts = AMOUNT_COLUMNS.map((c) => cell(this.input([...path, c.key], 'amount', named(c))));
      const scored = fund.key === 'total'
        ? SCORED_COLUMNS.map((c) => cell(this.input([...path, c.key], 'numberOrText', named(c)),
          c.key === 'score' ? { colspan: 2 } : {}))
        : [cell('—', { class: 'dash' }), cell('', { class: 'blank' }), cell('—', { class: 'dash', colspan: 2 })];
      row(label(fund.label, { class: 'row-label' }), ...amounts, ...scored);
    }

    row(label('年度总体目标', { rowspan: 2 }), label('预期目标', { colspan: 3 }), label('实际完成情况', { colspan: 5 }));
    row(cell(this.textarea(['goals', 'expected'], '预期目标'), { colspan: 3 }),
      cell(this.textarea(['goals', 'actual'], '实际完成情况'), { colspan: 5 }));

    const indicators = this.indicatorsShown();
    row(label('绩效指标', { rowspan: 1 + indicators.length }), ...INDICATOR_COLUMNS.map((c) => label(c.label)));
    this.appendIndicatorRows(body, INDICATOR_COLUMNS);

    row(label('总分', { colspan: 6, class: 'total' }), this.weightSumCell('分值合计（自动计算）'),
      this.scoreSumCell('总分 · 得分'), cell('', { class: 'blank' }));

    table.append(this.addRowsFooter(COLUMN_WIDTHS.length + 1));
    return table;
  }

  /** The indicators as drawn: the list, or an empty one when the data has none. */
  indicatorsShown() {
    return Array.isArray(this.data.indicators) ? this.data.indicators : [];
  }

  /** The indicator rows of the columns given, their 一级/二级 labels merged down runs of equal neighbours. */
  appendIndicatorRows(body, columns) {
    const indicators = this.indicatorsShown();
    const usable = indicators.map((item) => (item !== null && typeof item === 'object' ? item : {}));
    const groupStarts = new Map(); // row index → the merged 一级/二级 cells that begin there
    const startsAt = (i) => groupStarts.get(i) ?? groupStarts.set(i, {}).get(i);
    for (const run1 of runsOf(usable, 'level1', 0, usable.length)) {
      startsAt(run1.start).level1 = run1;
      for (const run2 of runsOf(usable, 'level2', run1.start, run1.start + run1.count)) {
        startsAt(run2.start).level2 = run2;
      }
    }
    indicators.forEach((_, i) => body.append(this.indicatorRow(i, groupStarts.get(i), indicators.length, columns)));
  }

  /** The sum of a field over 年度资金总额 and every indicator, as the engine prints it (分值 and 得分 of 总分). */
  sumOf(key) {
    const rows = this.indicatorsShown().map((item) => (item !== null && typeof item === 'object' ? item[key] : undefined));
    return sumOfNumbers([valueAt(this.data, ['funds', 'total', key]), ...rows]);
  }

  /** 总分's 分值 (合计's 权重): computed, not typed; it follows every edit. */
  weightSumCell(title) {
    const output = element('output', { title }, this.sumOf('weight'));
    this.sums.push(() => {
      output.textContent = this.sumOf('weight');
    });
    return element('td', { class: 'computed' }, output);
  }

  /** 总分's 得分 as typed, with the sum of the 得分 as its placeholder (what prints when none is typed). */
  scoreSumCell(name) {
    const input = this.input(['totalScore'], 'number', { class: 'number', 'aria-label': name, placeholder: this.sumOf('score') });
    this.sums.push(() => {
      input.placeholder = this.sumOf('score');
    });
    return element('td', {}, input);
  }

  /** Brings the computed sums up to date after an edit. */
  refreshSums() {
    this.sums.forEach((refresh) => refresh());
  }

  /** The buttons under the table that add indicator rows at the end. */
  addRowsFooter(columns) {
    const count = this.indicatorsShown().length;
    return element('tfoot', {}, element('tr', {}, element('td', { colspan: columns, class: 'add-rows' },
      this.button('＋ 添加指标行', '在末尾添加一行，一级指标与最后一行相同', () => this.addRow(count, 1)),
      this.button('＋ 添加一级指标', '在末尾添加一行，开始新的一级指标', () => this.addRow(count, 0)))));
  }

  /** One indicator row; `starts` holds the level1/level2 runs that begin at this row (their cells are merged down). */
  indicatorRow(index, starts, count, columns) {
    const tr = element('tr', { class: 'indicator' });
    const { level1, level2 } = starts ?? {};
    if (level1) {
      tr.append(element('td', { rowspan: level1.count, class: 'group' }, this.groupTextarea('level1', level1)));
      tr.classList.add('group-start');
    }
    if (level2) {
      tr.append(element('td', { rowspan: level2.count, class: 'group' }, this.groupTextarea('level2', level2)));
    }
    for (const column of columns.slice(2)) {
      const path = ['indicators', index, column.key];
      const name = `绩效指标第${index + 1}行 · ${column.label}`;
      tr.append(element('td', {}, this.cellInput(path, column.kind, name, column.choices)));
    }
    const line = `第${index + 1}行`;
    tr.append(element('td', { class: 'tools' }, element('div', { class: 'row-tools' },
      this.button('↑', `上移${line}`, () => this.moveRow(index, -1), index === 0),
      this.button('↓', `下移${line}`, () => this.moveRow(index, 1), index === count - 1),
      this.button('＋', `在${line}下方插入一行（一级指标相同）`, () => this.addRow(index + 1, 1)),
      this.button('✕', `删除${line}`, () => this.removeRow(index)))));
    return tr;
  }

  /** The merged cell of a run: one textarea that writes every row of the run; merges are redrawn when it is left. */
  groupTextarea(key, run) {
    const rows = Array.from({ length: run.count }, (_, k) => ['indicators', run.start + k, key]);
    const name = `绩效指标第${run.start + 1}至${run.start + run.count}行 · ${key === 'level1' ? '一级指标' : '二级指标'}`;
    const textarea = this.textarea(rows[0], name, rows);
    rows.slice(1).forEach((segments) => this.inputs.set(pathText(segments), textarea));
    textarea.addEventListener('change', () => setTimeout(() => this.render()));
    return textarea;
  }

  /** The input of a cell of the given kind: text in a textarea, a choice in a list, anything else on one line. */
  cellInput(segments, kind, name, choices) {
    if (kind === 'text') {
      return this.textarea(segments, name);
    }
    if (kind === 'choice') {
      return this.choice(segments, name, choices);
    }
    return this.input(segments, kind, { class: 'number', 'aria-label': name });
  }

  /**
   * A cell whose value is one of a few (指标性质), or none; a value the data has that is not among them is offered too,
   * so that showing the project never changes it.
   */
  choice(segments, name, choices) {
    const current = inputOfValue(valueAt(this.data, segments));
    const values = ['', ...choices, ...(current === '' || choices.includes(current) ? [] : [current])];
    const select = element('select', { 'aria-label': name, title: `${name}（点击选择）`, class: 'choice' },
      ...values.map((value) => element('option', { value }, value || '▾'))); // ▾: none chosen yet
    return this.bind(select, segments, 'text', [segments]);
  }

  /** A multi-line text cell bound to a path (or, for a merged cell, to several), named for screen readers. */
  textarea(segments, name, allSegments = [segments]) {
    const textarea = this.bind(element('textarea', { rows: 1, 'aria-label': name }), segments, 'text', allSegments);
    textarea.addEventListener('input', () => fitHeight(textarea));
    return textarea;
  }

  /** A one-line cell bound to a path; kind says how the typed text becomes JSON (see fields.valueOfInput); attributes name it. */
  input(segments, kind, attributes = {}) {
    const input = element('input', { type: 'text', autocomplete: 'off', ...attributes });
    if (kind !== 'text') {
      input.inputMode = 'decimal';
    }
    if (segments[0] === 'funds' && segments[2] === 'executionRate') {
      this.showComputedRate(input, segments.slice(0, 2));
    }
    return this.bind(input, segments, kind, [segments]);
  }

  /** A 执行率 cell left empty shows, greyed, the rate the engine prints there: 执行数 ÷ 预算数 of its row. */
  showComputedRate(input, row) {
    const refresh = () => {
      input.placeholder = percentOf(valueAt(this.data, [...row, 'executed']), valueAt(this.data, [...row, 'annualBudget']));
    };
    refresh();
    this.sums.push(refresh);
  }

  bind(input, segments, kind, allSegments) {
    const path = pathText(segments);
    input.value = inputOfValue(valueAt(this.data, segments));
    input.dataset.path = path;
    // A list's choice is a change; typing is input, at every keystroke.
    input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', () => {
      const value = valueOfInput(kind, input.value);
      allSegments.forEach((s) => setValueAt(this.data, s, value));
      this.refreshSums();
      this.onChange();
    });
    this.inputs.set(path, input);
    return input;
  }

  button(text, title, action, disabled = false) {
    const button = element('button', { type: 'button', title, 'aria-label': title, disabled }, text);
    button.addEventListener('click', action);
    return button;
  }

  indicatorList() {
    if (!Array.isArray(this.data.indicators)) {
      this.data.indicators = [];
    }
    return this.data.indicators;
  }

  /** Inserts an empty row at `index`; keepLevels 1 copies the 一级指标 of the row above (the new row joins its group). */
  addRow(index, keepLevels) {
    const list = this.indicatorList();
    const above = list[index - 1];
    const row = { level1: null, level2: null, level3: null, target: null, actual: null, weight: null, score: null };
    if (keepLevels && above && typeof above === 'object') {
      row.level1 = above.level1 ?? null;
    }
    list.splice(index, 0, row);
    this.changedRows(['indicators', index, keepLevels ? 'level2' : 'level1']);
  }

  removeRow(index) {
    this.indicatorList().splice(index, 1);
    this.changedRows(['indicators', Math.min(index, this.data.indicators.length - 1), 'level3']);
  }

  moveRow(index, step) {
    const list = this.indicatorList();
    [list[index], list[index + step]] = [list[index + step], list[index]];
    this.changedRows(['indicators', index + step, 'level3']);
  }

  /** Redraws after rows changed, keeps working in the row the user acted on, and tells the page. */
  changedRows(focusSegments) {
    this.render();
    this.inputs.get(pathText(focusSegments))?.focus();
    this.onChange();
  }

  // ---- The regional forms, drawn from their description in form-layouts.js -------------------------------------

  /** The title of a regional form: its name and year (in one line on Sichuan's), 报表编号 where it has one. */
  describedTitle(layout) {
    const year = this.input(['year'], 'year', { class: 'year', placeholder: '年份', 'aria-label': '年度' });
    const date = element('p', { class: 'report-date' }, '填报日期 ',
      this.input(['reportDate'], 'text', { placeholder: 'YYYY-MM-DD', class: 'date', 'aria-label': '填报日期' }));
    const header = element('header', { class: `form-title ${layout.reportCode ? 'with-code' : ''}` });
    if (layout.reportCode) {
      header.append(element('p', { class: 'report-code' }, '报表编号：',
        this.input(['reportCode'], 'text', { class: 'code', 'aria-label': '报表编号' })));
    }
    if (layout.yearInTitle) {
      header.append(element('h2', {}, layout.title, '（', year, '年度）'), date);
    } else {
      header.append(element('h2', {}, layout.title), element('p', { class: 'period' }, '（', year, '年度）'), date);
    }
    return header;
  }

  /** A regional form's table: its rows as described, the indicator block with its row tools, the notes under it. */
  describedTable(layout) {
    const total = layout.widths.reduce((sum, width) => sum + width, 0);
    const columns = element('colgroup');
    for (const width of layout.widths) {
      const column = element('col');
      column.style.width = `${((100 * width) / total).toFixed(2)}%`; // the grid's proportions, as in the JRXML
      columns.append(column);
    }
    columns.append(element('col', { class: 'tools' }));
    const body = element('tbody');
    const table = element('table', { class: `form form-${formOf(this.data).id}` }, columns, body);

    for (const row of layout.rows()) {
      if (row.indicators) {
        const count = this.indicatorsShown().length;
        body.append(element('tr', {},
          element('th', { rowspan: 1 + count }, row.indicators.label),
          ...row.indicators.columns.map((c) => element('th', {}, c.label)),
          element('td', { class: 'tools' })));
        this.appendIndicatorRows(body, row.indicators.columns);
      } else {
        body.append(element('tr', {}, ...row.map((cell) => this.describedCell(cell)), element('td', { class: 'tools' })));
      }
    }
    table.append(this.addRowsFooter(layout.widths.length + 1));
    if (!layout.notes) {
      return table;
    }
    const notes = element('div', { class: 'form-notes' },
      this.textarea(layout.notes.path, layout.notes.name));
    notes.querySelector('textarea').placeholder = '注：（表下说明，可不填）';
    return element('div', {}, table, notes);
  }

  /** One cell of a described row (see form-layouts.js). */
  describedCell(cell) {
    const span = { colspan: cell.span > 1 ? cell.span : undefined, rowspan: cell.rows > 1 ? cell.rows : undefined };
    if (cell.label !== undefined) {
      return element('th', span, cell.label);
    }
    if (cell.fixed !== undefined) {
      return element('td', { ...span, class: cell.fixed ? 'dash' : 'blank' }, cell.fixed);
    }
    if (cell.weightSum) {
      return this.weightSumCell(cell.weightSum);
    }
    if (cell.scoreSum) {
      return this.scoreSumCell(cell.scoreSum);
    }
    return element('td', span, this.cellInput(cell.path, cell.kind, cell.name));
  }
}
