package cn.jixiao.input.office;

import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.input.office.Block.Row;
import cn.jixiao.input.office.CellValues.Amount;
import cn.jixiao.input.office.CellValues.Unreadable;
import cn.jixiao.input.office.Labels.FundRow;
import cn.jixiao.model.Form;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the forms in a document by their labels, not by positions, and reads each into an {@link ImportedForm}.
 *
 * <p>A form starts at a cell reading 项目名称; a title line before it (a paragraph, or a row of the table) gives its
 * year, and the Sichuan form's 报表编号 line its report code. Each label row tells where the values of the rows under
 * it are: the funds header (年初预算数 …) the columns of the funds rows, the goals header (预期目标 / 实际完成情况)
 * those of the row under it, the indicator header (一级指标 …) those of every indicator row until 总分 (合计). So the
 * funds and the indicators may be in two tables, columns may be added or empty, rows may be empty, and an indicator
 * header repeated on each page is skipped. A cell merged over several rows is read once; an 一级 or 二级 label merged
 * over several indicator rows belongs to each of them.
 *
 * <p>Which of the published forms it is (national, 衔接资金, Sichuan: {@link Form}) is told by the labels only one of
 * them prints ({@link Labels#evidence}): the form with the most of them, national when none. The three forms share
 * most labels; where they name a column differently (全年预算数 / 调整后预算数, 实际完成值 / 全年实际值 / 完成值,
 * 分值 / 权重) each name leads to the same field, so a header is read the same whatever the form.
 *
 * <p>Every cell with text that is neither a label nor a value the form has a place for is reported as a warning;
 * nothing is dropped silently.
 */
final class FormRecognizer {

    /** What a document gave: its forms, and the cells outside every form. */
    record Result(List<ImportedForm> forms, List<ImportedForm.Finding> outside) {
    }

    private enum Section { HEAD, GOALS, INDICATORS, DONE }

    /** The indicator fields by their header label, in the order of the contract. */
    private static final Map<String, String> INDICATOR_FIELDS = new LinkedHashMap<>();
    /** The funds fields by their header label, in the order of the form (so that findings come in that order). */
    private static final Map<String, String> FUND_FIELDS = new LinkedHashMap<>();
    /** The headers of the amounts: a row holding one is the funds header. */
    private static final Set<String> FUND_AMOUNTS = Set.of(Labels.INITIAL_BUDGET, "年初预算", Labels.ANNUAL_BUDGET,
            "调整后预算数", Labels.EXECUTED, "预算执行数");
    /** The goals' headers, over the row of their texts, and where each text goes. */
    private static final Map<String, String> GOAL_FIELDS = new LinkedHashMap<>();
    /** Labels whose value is the cell on their right. */
    private static final Map<String, String> TEXT_FIELDS = new LinkedHashMap<>();

    static {
        INDICATOR_FIELDS.put(Labels.LEVEL1, "level1");
        INDICATOR_FIELDS.put(Labels.LEVEL2, "level2");
        INDICATOR_FIELDS.put(Labels.LEVEL3, "level3");
        INDICATOR_FIELDS.put(Labels.NATURE, "nature");
        INDICATOR_FIELDS.put(Labels.TARGET, "target");
        INDICATOR_FIELDS.put("指标值", "target");            // Sichuan
        INDICATOR_FIELDS.put(Labels.UNIT, "unit");
        INDICATOR_FIELDS.put(Labels.ACTUAL, "actual");
        INDICATOR_FIELDS.put("全年实际值", "actual");         // 衔接资金
        INDICATOR_FIELDS.put("完成值", "actual");             // Sichuan
        INDICATOR_FIELDS.put(Labels.WEIGHT, "weight");
        INDICATOR_FIELDS.put("权重", "weight");               // Sichuan
        INDICATOR_FIELDS.put(Labels.SCORE, "score");
        INDICATOR_FIELDS.put(Labels.DEVIATION, "deviation"); // and every other wording, see Labels.isDeviation
        FUND_FIELDS.put(Labels.INITIAL_BUDGET, "initialBudget");
        FUND_FIELDS.put("年初预算", "initialBudget");         // Sichuan
        FUND_FIELDS.put(Labels.ANNUAL_BUDGET, "annualBudget");
        FUND_FIELDS.put("调整后预算数", "annualBudget");       // Sichuan
        FUND_FIELDS.put(Labels.EXECUTED, "executed");
        FUND_FIELDS.put("预算执行数", "executed");             // Sichuan
        FUND_FIELDS.put(Labels.WEIGHT, "weight");
        FUND_FIELDS.put("权重", "weight");
        FUND_FIELDS.put(Labels.EXECUTION_RATE, "executionRate");
        FUND_FIELDS.put("预算执行率", "executionRate");
        FUND_FIELDS.put(Labels.SCORE, "score");
        FUND_FIELDS.put(Labels.REASON, "reason");            // Sichuan: one cell merged down the rows
        GOAL_FIELDS.put(Labels.EXPECTED_GOAL, JsonPath.of("goals", "expected"));
        GOAL_FIELDS.put(Labels.ACTUAL_GOAL, JsonPath.of("goals", "actual"));
        GOAL_FIELDS.put("年初设定目标", JsonPath.of("goals", "expected"));          // 衔接资金
        GOAL_FIELDS.put("年度总体目标完成情况综述", JsonPath.of("goals", "actual"));  // 衔接资金
        GOAL_FIELDS.put("项目年度目标", JsonPath.of("overview", "goal"));           // Sichuan
        GOAL_FIELDS.put("年度目标完成情况", JsonPath.of("overview", "achieved"));    // Sichuan
        TEXT_FIELDS.put(Labels.PROJECT_NAME, JsonPath.of("projectName"));
        TEXT_FIELDS.put(Labels.PROJECT_LEADER, JsonPath.of("projectLeader"));
        TEXT_FIELDS.put("项目负责人及联系电话", JsonPath.of("projectLeader"));
        TEXT_FIELDS.put(Labels.DEPARTMENT, JsonPath.of("department"));
        TEXT_FIELDS.put(Labels.IMPLEMENTING_UNIT, JsonPath.of("implementingUnit"));
        TEXT_FIELDS.put("实施单位(盖章)", JsonPath.of("implementingUnit"));
        TEXT_FIELDS.put("项目实施内容及过程概述", JsonPath.of("overview", "implementation"));
        TEXT_FIELDS.put("评价结论", JsonPath.of("conclusion"));
        TEXT_FIELDS.put("存在问题", JsonPath.of("problems"));
        TEXT_FIELDS.put("改进措施", JsonPath.of("improvements"));
    }

    private final List<ImportedForm> forms = new ArrayList<>();
    private final List<ImportedForm.Finding> outside = new ArrayList<>();
    /** Cells met in an earlier row: the rows below a merged cell. */
    private final Set<SourceCell> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The cells that start in the row being read. */
    private Set<SourceCell> startingHere = Set.of();

    // What the lines above the next form said.
    private Integer pendingYear;
    private Boolean pendingYuan;
    private String pendingReportCode;
    private SourceCell pendingReportCodeCell;
    private Form pendingTitleForm;

    // The form being read and what its label rows said.
    private ImportedForm form;
    private List<SourceCell> formCells;
    private Set<SourceCell> placed;
    private Section section;
    private boolean yuan;
    private boolean yuanWarned;
    private Map<String, Integer> fundColumns;
    private Map<String, Integer> goalColumns;
    private Map<String, Integer> indicatorColumns;
    private boolean totalRead;
    /** 一级 and 二级 labels of rows with nothing else filled in: reported if no filled row shares them. */
    private Set<SourceCell> unfilledGroups;
    /** The labels only one form prints, found in this form, by form. */
    private Map<Form, Set<String>> evidence;
    /** Whether the 注 under the table was the last thing read, so that its numbered lines continue it. */
    private boolean inFootnote;

    static Result recognize(List<Block> blocks) {
        FormRecognizer recognizer = new FormRecognizer();
        for (Block block : blocks) {
            if (block instanceof Block.Text text) {
                recognizer.paragraph(text.text());
            } else {
                recognizer.row((Row) block);
            }
        }
        recognizer.finishForm();
        return new Result(recognizer.forms, recognizer.outside);
    }

    /**
     * A paragraph outside the tables: a title, a unit line or a 报表编号 line for the next form; the 注 under a form's
     * table (and its numbered lines) for that form. Other text is not part of a form.
     */
    private void paragraph(String text) {
        if (text.isBlank()) {
            return;
        }
        if (form != null && footnote(text, null)) {
            return;
        }
        inFootnote = false;
        String code = Labels.normalize(text).startsWith(Labels.REPORT_CODE) ? Labels.afterColon(text) : null;
        if (code != null) {
            pendingReportCode = code;
            pendingReportCodeCell = null;
        }
        text(text);
    }

    /**
     * The 注 under a form: a line starting 注：, and the numbered lines right after it. Returns whether the text was
     * one.
     */
    private boolean footnote(String text, SourceCell cell) {
        String normalized = Labels.normalize(text);
        boolean note = normalized.startsWith(Labels.NOTE) || normalized.equals("注");
        boolean continued = inFootnote && normalized.matches("^\\d+[.、].*");
        if (!note && !continued) {
            return false;
        }
        String path = JsonPath.of("footnote");
        JsonNode before = form.get(path);
        String line = text.strip();
        form.put(path, before == null ? line : before.asText() + "\n" + line, cell, "注");
        inFootnote = true;
        return true;
    }

    /** A title gives the next form's year (and tells which form it is), a unit line its unit. */
    private void text(String text) {
        Integer year = Labels.year(text);
        if (year != null) {
            pendingYear = year;
        }
        Boolean yuanLine = Labels.yuan(text);
        if (yuanLine != null) {
            pendingYuan = yuanLine;
        }
        Form titled = Labels.isTitle(text) ? Labels.titleEvidence(text) : null;
        if (titled != null) {
            pendingTitleForm = titled;
        }
    }

    private void row(Row row) {
        // The cells that start in this row, each once, with the first column it covers.
        Map<SourceCell, Integer> cells = new LinkedHashMap<>();
        for (int column = 0; column < row.cells().size(); column++) {
            SourceCell cell = row.cells().get(column);
            if (cell != null && !seen.contains(cell)) {
                cells.putIfAbsent(cell, column);
            }
        }
        seen.addAll(cells.keySet());
        startingHere = cells.keySet();
        if (cells.isEmpty()) {
            return;
        }
        Map<String, SourceCell> labels = new LinkedHashMap<>();
        cells.keySet().forEach(cell -> labels.putIfAbsent(Labels.key(cell.text()), cell));

        if (labels.containsKey(Labels.PROJECT_NAME)) {
            finishForm();
            startForm(labels.get(Labels.PROJECT_NAME));
        } else if (isLineAboveTable(row, cells)) {
            if (form == null || section == Section.DONE) {
                for (SourceCell cell : cells.keySet()) {
                    text(cell.text());
                }
                SourceCell code = reportCodeValue(row, cells);
                if (code != null) {
                    pendingReportCode = reportCode(code);
                    pendingReportCodeCell = code;
                }
                return; // a title above the table, or the next form's
            }
        }
        if (form == null) {
            for (SourceCell cell : cells.keySet()) {
                outside.add(notPlaced(cell));
            }
            return;
        }
        formCells.addAll(cells.keySet());
        read(row, cells, labels);
    }

    /** A row of titles, unit lines and the 报表编号: the lines a sheet has above its table. */
    private static boolean isLineAboveTable(Row row, Map<SourceCell, Integer> cells) {
        SourceCell code = reportCodeValue(row, cells);
        return cells.keySet().stream().allMatch(cell -> Labels.isTitle(cell.text()) || isUnitLine(cell)
                || isReportCode(cell) || cell == code);
    }

    private static boolean isReportCode(SourceCell cell) {
        return Labels.normalize(cell.text()).startsWith(Labels.REPORT_CODE);
    }

    /** The cell holding the 报表编号 of a row: the label's own cell ({@code 报表编号：510000_0013zp}) or the next one. */
    private static SourceCell reportCodeValue(Row row, Map<SourceCell, Integer> cells) {
        for (Map.Entry<SourceCell, Integer> cell : cells.entrySet()) {
            if (isReportCode(cell.getKey())) {
                return Labels.afterColon(cell.getKey().text()) != null ? cell.getKey()
                        : valueRightOf(row, cell.getValue());
            }
        }
        return null;
    }

    /** The 报表编号 a cell holds: after the label's colon in the label's own cell, else the whole cell. */
    private static String reportCode(SourceCell value) {
        return isReportCode(value) ? Labels.afterColon(value.text()) : CellValues.text(value);
    }

    private static boolean isUnitLine(SourceCell cell) {
        return Labels.yuan(cell.text()) != null && !Labels.isFundsLabel(Labels.normalize(cell.text()));
    }

    private void read(Row row, Map<SourceCell, Integer> cells, Map<String, SourceCell> labels) {
        labels.keySet().forEach(this::evidence);
        if (section == Section.DONE) {
            SourceCell only = cells.size() == 1 ? cells.keySet().iterator().next() : null;
            if (only != null && footnote(only.text(), only)) {
                placed.add(only); // a row of the 注 under the table
                return;
            }
            for (SourceCell cell : cells.keySet()) {
                signature(row, cells.get(cell), cell);
            }
        }
        inFootnote = false;
        for (Map.Entry<String, String> field : TEXT_FIELDS.entrySet()) {
            SourceCell label = labels.get(field.getKey());
            if (label != null) {
                placed.add(label);
                SourceCell value = valueRightOf(row, cells.get(label));
                form.put(field.getValue(), CellValues.text(value), value != null ? value : label, field.getKey());
                placed.add(value);
            }
        }
        SourceCell code = reportCodeValue(row, cells);
        if (code != null) {
            form.put(JsonPath.of("reportCode"), reportCode(code), code, Labels.REPORT_CODE);
            cells.keySet().stream().filter(FormRecognizer::isReportCode).forEach(placed::add);
            placed.add(code);
        }
        // Titles and unit lines only above the funds: an indicator's text may well mention a year or 自评表.
        boolean head = section == Section.HEAD && fundColumns == null;
        for (Map.Entry<String, SourceCell> label : labels.entrySet()) {
            String normalized = Labels.normalize(label.getValue().text());
            if (Labels.isFundsLabel(normalized) || Labels.isBlockLabel(label.getKey())
                    || head && (Labels.isTitle(label.getValue().text()) || isUnitLine(label.getValue()))) {
                placed.add(label.getValue());
                text(label.getValue().text());
                if (Labels.isFundsLabel(normalized)) {
                    Boolean unit = Labels.yuan(label.getValue().text());
                    yuan = unit != null ? unit : yuan;
                }
            }
        }
        if (head && pendingTitleForm != null) {
            evidence.computeIfAbsent(pendingTitleForm, f -> new HashSet<>()).add(Labels.TITLE);
            pendingTitleForm = null;
        }

        if (labels.keySet().stream().anyMatch(FUND_AMOUNTS::contains)) {
            fundColumns = columns(labels, cells, FUND_FIELDS.keySet());
            return;
        }
        if (labels.keySet().stream().anyMatch(GOAL_FIELDS::containsKey)) {
            goalColumns = columns(labels, cells, GOAL_FIELDS.keySet());
            section = Section.GOALS;
            return;
        }
        if (labels.containsKey(Labels.LEVEL1) && labels.containsKey(Labels.LEVEL3)) {
            // The first indicator header sets the columns; a later one is the header repeated on a new page.
            labels.keySet().stream().filter(Labels::isDeviation).findFirst()
                    .ifPresent(deviation -> labels.putIfAbsent(Labels.DEVIATION, labels.get(deviation)));
            Map<String, Integer> found = columns(labels, cells, INDICATOR_FIELDS.keySet());
            if (indicatorColumns == null) {
                indicatorColumns = found;
            }
            section = Section.INDICATORS;
            return;
        }
        SourceCell total = labels.containsKey(Labels.TOTAL) ? labels.get(Labels.TOTAL)
                : indicatorColumns != null ? labels.get(Labels.SUM) : null;
        if (total != null) {
            placed.add(total);
            total(row);
            section = Section.DONE;
            return;
        }
        for (Map.Entry<String, SourceCell> label : labels.entrySet()) {
            FundRow fundRow = Labels.fundRow(label.getKey());
            if (fundRow != null && fundColumns != null) {
                placed.add(label.getValue());
                funds(row, fundRow, label.getValue());
                return;
            }
        }
        if (section == Section.GOALS) {
            goals(row);
        } else if (section == Section.INDICATORS) {
            indicator(row);
        }
    }

    private void evidence(String key) {
        Form only = Labels.evidence(key);
        if (only != null) {
            evidence.computeIfAbsent(only, f -> new HashSet<>()).add(key);
        }
    }

    /** The form the labels read so far are of: the one with the most labels of its own; national when none. */
    private Form layout() {
        Form best = Form.NATIONAL;
        for (Form candidate : Form.values()) {
            if (evidence.getOrDefault(candidate, Set.of()).size() > evidence.getOrDefault(best, Set.of()).size()) {
                best = candidate;
            }
        }
        return best;
    }

    /** The Sichuan form's 项目负责人：赵明远 and 财务负责人：刘芳, the name after the colon or in the next cell. */
    private void signature(Row row, int column, SourceCell cell) {
        String field = signatureLabel(cell);
        if (field == null) {
            return;
        }
        String label = field.equals("projectLeader") ? "项目负责人" : "财务负责人";
        String path = JsonPath.of("signatures", field);
        placed.add(cell);
        evidence.computeIfAbsent(Form.SICHUAN, f -> new HashSet<>()).add(label);
        String signed = Labels.afterColon(cell.text());
        SourceCell next = signed == null ? valueRightOf(row, column) : null;
        if (next != null && signatureLabel(next) == null) {
            placed.add(next);
            form.put(path, CellValues.text(next), next, label);
        } else {
            form.put(path, signed, cell, label);
        }
    }

    /** The field of a cell reading 项目负责人：… ({@code projectLeader}) or 财务负责人：… ({@code financeLeader}). */
    private static String signatureLabel(SourceCell cell) {
        String normalized = Labels.normalize(cell.text());
        for (String label : List.of(Labels.SIGNED_PROJECT_LEADER, Labels.SIGNED_FINANCE_LEADER)) {
            if (normalized.equals(label.substring(0, label.length() - 1)) || normalized.startsWith(label)) {
                return label.equals(Labels.SIGNED_PROJECT_LEADER) ? "projectLeader" : "financeLeader";
            }
        }
        return null;
    }

    private void startForm(SourceCell projectLabel) {
        form = new ImportedForm(projectLabel.part(), pendingYear);
        formCells = new ArrayList<>();
        placed = Collections.newSetFromMap(new IdentityHashMap<>());
        unfilledGroups = Collections.newSetFromMap(new IdentityHashMap<>());
        evidence = new EnumMap<>(Form.class);
        section = Section.HEAD;
        yuan = Boolean.TRUE.equals(pendingYuan);
        yuanWarned = false;
        fundColumns = null;
        goalColumns = Map.of();
        indicatorColumns = null;
        totalRead = false;
        inFootnote = false;
        if (pendingReportCode != null) {
            evidence(Labels.REPORT_CODE);
            form.put(JsonPath.of("reportCode"), pendingReportCode, pendingReportCodeCell, Labels.REPORT_CODE);
        }
        if (pendingTitleForm != null) {
            evidence.computeIfAbsent(pendingTitleForm, f -> new HashSet<>()).add(Labels.TITLE);
        }
        pendingYear = null;
        pendingYuan = null;
        pendingReportCode = null;
        pendingReportCodeCell = null;
        pendingTitleForm = null;
    }

    private void finishForm() {
        if (form == null) {
            return;
        }
        Form layout = layout();
        form.complete(layout);
        SourceCell last = formCells.get(formCells.size() - 1);
        if (indicatorColumns == null) {
            form.error(last, null, "the " + name(layout) + " ends here, before its 绩效指标: no row reads 一级指标 …"
                    + " 三级指标 (is the table cut off?)");
        } else if (!totalRead) {
            form.warning(last.place(), "the " + name(layout) + " ends here without its "
                    + (layout == Form.SICHUAN ? Labels.SUM : Labels.TOTAL) + " row: is the table cut off? The"
                    + " indicators above it are imported");
        }
        for (SourceCell cell : formCells) {
            if (placed.contains(cell)) {
                continue;
            }
            if (unfilledGroups.contains(cell)) {
                form.warning(cell.place(), "\"" + oneLine(cell) + "\" has no indicator row with a 三级指标 or a value"
                        + " filled in: not imported");
            } else {
                ImportedForm.Finding finding = notPlaced(cell);
                form.warning(finding.source(), finding.message());
            }
        }
        forms.add(form);
        form = null;
        inFootnote = false;
    }

    /** How messages name a form: {@code 衔接资金 form}. */
    private static String name(Form layout) {
        return switch (layout) {
            case NATIONAL -> "项目支出绩效自评表";
            case XIANJIE -> "衔接资金 绩效目标自评表";
            case SICHUAN -> "部门预算项目支出绩效自评表";
        };
    }

    private static ImportedForm.Finding notPlaced(SourceCell cell) {
        return new ImportedForm.Finding(false, cell.place(), "\"" + oneLine(cell)
                + "\" is not in any field of the form: not imported");
    }

    private static String oneLine(SourceCell cell) {
        return cell.text().strip().replaceAll("\\s+", " ");
    }

    private void funds(Row row, FundRow fundRow, SourceCell rowLabel) {
        String path = JsonPath.of("funds", fundRow.field);
        String printed = oneLine(rowLabel).replaceAll("[:：]$", "");
        for (Map.Entry<String, Integer> column : fundColumns.entrySet()) {
            String label = column.getKey();
            String field = FUND_FIELDS.get(label);
            SourceCell cell = row.at(column.getValue());
            if (cell != null && !isNew(cell)) {
                continue;
            }
            String name = fundRow == FundRow.TOTAL ? label : printed + " " + label;
            if (field.equals("reason")) {
                reason(cell, label);
                continue;
            }
            boolean scored = field.equals("weight") || field.equals("executionRate") || field.equals("score");
            if (scored && fundRow != FundRow.TOTAL && !prints(layout(), fundRow, field)) {
                // The form prints — in these cells of the sources; anything else there is reported as not placed.
                if (CellValues.text(cell) == null || isDash(cell)) {
                    placed.add(cell);
                }
                continue;
            }
            placed.add(cell);
            switch (field) {
                case "weight", "score" -> form.put(JsonPath.field(path, field), CellValues.numberOrText(cell), cell, name);
                case "executionRate" -> form.put(JsonPath.field(path, field), CellValues.executionRate(cell), cell, name);
                default -> amount(JsonPath.field(path, field), cell, name);
            }
        }
    }

    /**
     * Whether the form prints a scored cell (分值, 执行率, 得分) of a source row: the 衔接资金 form may repeat all
     * three on 其中：本年财政拨款 and prints 执行率 on 其他资金; the Sichuan form prints 执行率 on every row.
     */
    private static boolean prints(Form layout, FundRow row, String field) {
        return layout.hasPlace(row.field + "." + field)
                // the Sichuan form's 财政专户管理资金 and 单位资金 are places of their own, 执行率 with them
                || field.equals("executionRate") && layout.hasPlace(row.field)
                        && layout.hasPlace("fiscal.executionRate");
    }

    /** The Sichuan form's 原因: one cell merged down the funds rows; cells of several rows are joined by lines. */
    private void reason(SourceCell cell, String label) {
        String text = CellValues.text(cell);
        if (cell == null || text == null) {
            return;
        }
        placed.add(cell);
        String path = JsonPath.of("funds", "reason");
        JsonNode before = form.get(path);
        form.put(path, before == null ? text : before.asText() + "\n" + text, cell, label);
    }

    private void amount(String path, SourceCell cell, String field) {
        try {
            Amount amount = CellValues.amount(cell, yuan);
            form.put(path, amount == null ? null : amount.wanYuan(), cell, field);
            if (amount != null && amount.converted() && !yuanWarned) {
                yuanWarned = true;
                form.warning(ImportedForm.source(cell, field), "the form states amounts in 元; converted to 万元"
                        + " (" + CellValues.text(cell) + " → " + amount.wanYuan().toPlainString() + " 万元)");
            }
        } catch (Unreadable e) {
            form.error(cell, field, e.getMessage());
        }
    }

    private void goals(Row row) {
        for (Map.Entry<String, Integer> column : goalColumns.entrySet()) {
            SourceCell text = row.at(column.getValue());
            if (text != null && isNew(text)) {
                placed.add(text);
                form.put(GOAL_FIELDS.get(column.getKey()), CellValues.text(text), text, column.getKey());
            }
        }
        section = Section.HEAD;
    }

    private void indicator(Row row) {
        if (indicatorColumns == null) {
            return;
        }
        // A row with nothing right of the 一级 and 二级 labels is empty: a spacer, or an unfilled row of a template.
        boolean empty = true;
        for (Map.Entry<String, Integer> column : indicatorColumns.entrySet()) {
            SourceCell cell = row.at(column.getValue());
            boolean level = column.getKey().equals(Labels.LEVEL1) || column.getKey().equals(Labels.LEVEL2);
            empty &= level || cell == null || !isNew(cell) || CellValues.text(cell) == null;
        }
        if (empty) {
            for (String level : List.of(Labels.LEVEL1, Labels.LEVEL2)) {
                Integer column = indicatorColumns.get(level);
                SourceCell cell = column == null ? null : row.at(column);
                if (cell != null && isNew(cell)) {
                    unfilledGroups.add(cell);
                }
            }
            return;
        }
        String path = form.addIndicator();
        for (Map.Entry<String, Integer> column : indicatorColumns.entrySet()) {
            String label = column.getKey();
            String field = INDICATOR_FIELDS.get(label);
            SourceCell cell = row.at(column.getValue());
            boolean level = field.equals("level1") || field.equals("level2");
            if (cell == null || (!level && !isNew(cell))) {
                continue;
            }
            placed.add(cell);
            Object value = switch (field) {
                case "weight", "score" -> CellValues.numberOrText(cell);
                case "level1", "level2" -> groupLabel(cell);
                case "nature" -> CellValues.text(cell) == null ? null : Labels.nature(CellValues.text(cell));
                default -> CellValues.text(cell);
            };
            form.put(JsonPath.field(path, field), value, cell, label);
        }
    }

    private static String groupLabel(SourceCell cell) {
        String text = CellValues.text(cell);
        return text == null ? null : Labels.groupLabel(text);
    }

    private void total(Row row) {
        if (indicatorColumns == null) {
            return;
        }
        totalRead = true;
        Integer weightColumn = indicatorColumns.get(Labels.WEIGHT);
        if (weightColumn == null) {
            weightColumn = indicatorColumns.get("权重");
        }
        SourceCell weight = weightColumn == null ? null : row.at(weightColumn);
        if (weight != null && isNew(weight)) {
            placed.add(weight); // Σ 分值: the form computes it
        }
        Integer scoreColumn = indicatorColumns.get(Labels.SCORE);
        SourceCell score = scoreColumn == null ? null : row.at(scoreColumn);
        if (score != null && isNew(score)) {
            placed.add(score);
            try {
                form.put(JsonPath.of("totalScore"), CellValues.number(score), score, Labels.TOTAL);
            } catch (Unreadable e) {
                form.error(score, Labels.TOTAL, e.getMessage());
            }
        }
    }

    /** Whether the cell starts in the row being read (rather than being merged down from above). */
    private boolean isNew(SourceCell cell) {
        return startingHere.contains(cell);
    }

    private static boolean isDash(SourceCell cell) {
        String text = CellValues.text(cell);
        return text != null && text.matches("[-—–/]+");
    }

    private static SourceCell valueRightOf(Row row, int column) {
        SourceCell label = row.at(column);
        for (int c = column + 1; c < row.cells().size(); c++) {
            SourceCell cell = row.at(c);
            if (cell != null && cell != label) {
                return TEXT_FIELDS.containsKey(Labels.key(cell.text())) ? null : cell;
            }
        }
        return null;
    }

    private Map<String, Integer> columns(Map<String, SourceCell> labels, Map<SourceCell, Integer> cells,
                                         Iterable<String> headers) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String header : headers) {
            SourceCell cell = labels.get(header);
            if (cell != null) {
                columns.put(header, cells.get(cell));
                placed.add(cell);
            }
        }
        labels.forEach((label, cell) -> {
            if (Labels.isDeviation(label)) {
                placed.add(cell);
            }
        });
        return columns;
    }
}
