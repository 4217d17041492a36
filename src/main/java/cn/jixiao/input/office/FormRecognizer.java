package cn.jixiao.input.office;

import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.input.office.Block.Row;
import cn.jixiao.input.office.CellValues.Amount;
import cn.jixiao.input.office.CellValues.Unreadable;
import cn.jixiao.input.office.Labels.FundRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the forms in a document by their labels, not by positions, and reads each into an {@link ImportedForm}.
 *
 * <p>A form starts at a cell reading 项目名称; a title line before it (a paragraph, or a row of the table) gives its
 * year. Each label row tells where the values of the rows under it are: the funds header (年初预算数 …) the columns
 * of the funds rows, the 预期目标 / 实际完成情况 row those of the goals row under it, the indicator header (一级指标 …)
 * those of every indicator row until 总分. So the funds and the indicators may be in two tables, columns may be
 * added or empty, rows may be empty, and an indicator header repeated on each page is skipped. A cell merged over
 * several rows is read once; an 一级 or 二级 label merged over several indicator rows belongs to each of them.
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

    static {
        INDICATOR_FIELDS.put(Labels.LEVEL1, "level1");
        INDICATOR_FIELDS.put(Labels.LEVEL2, "level2");
        INDICATOR_FIELDS.put(Labels.LEVEL3, "level3");
        INDICATOR_FIELDS.put(Labels.TARGET, "target");
        INDICATOR_FIELDS.put(Labels.ACTUAL, "actual");
        INDICATOR_FIELDS.put(Labels.WEIGHT, "weight");
        INDICATOR_FIELDS.put(Labels.SCORE, "score");
        INDICATOR_FIELDS.put(Labels.DEVIATION, "deviation");
        FUND_FIELDS.put(Labels.INITIAL_BUDGET, "initialBudget");
        FUND_FIELDS.put(Labels.ANNUAL_BUDGET, "annualBudget");
        FUND_FIELDS.put(Labels.EXECUTED, "executed");
        FUND_FIELDS.put(Labels.WEIGHT, "weight");
        FUND_FIELDS.put(Labels.EXECUTION_RATE, "executionRate");
        FUND_FIELDS.put(Labels.SCORE, "score");
    }


    private final List<ImportedForm> forms = new ArrayList<>();
    private final List<ImportedForm.Finding> outside = new ArrayList<>();
    /** Cells met in an earlier row: the rows below a merged cell. */
    private final Set<SourceCell> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The cells that start in the row being read. */
    private Set<SourceCell> startingHere = Set.of();

    private Integer pendingYear;
    private Boolean pendingYuan;

    // The form being read and what its label rows said.
    private ImportedForm form;
    private List<SourceCell> formCells;
    private Set<SourceCell> placed;
    private Section section;
    private boolean yuan;
    private boolean yuanWarned;
    private Map<String, Integer> fundColumns;
    private int expectedColumn;
    private int actualColumn;
    private Map<String, Integer> indicatorColumns;
    /** 一级 and 二级 labels of rows with nothing else filled in: reported if no filled row shares them. */
    private Set<SourceCell> unfilledGroups;

    static Result recognize(List<Block> blocks) {
        FormRecognizer recognizer = new FormRecognizer();
        for (Block block : blocks) {
            if (block instanceof Block.Text text) {
                recognizer.text(text.text());
            } else {
                recognizer.row((Row) block);
            }
        }
        recognizer.finishForm();
        return new Result(recognizer.forms, recognizer.outside);
    }

    /** A paragraph: a title gives the next form's year, a unit line its unit; other text is not part of a form. */
    private void text(String text) {
        Integer year = Labels.year(text);
        if (year != null) {
            pendingYear = year;
        }
        Boolean yuanLine = Labels.yuan(text);
        if (yuanLine != null) {
            pendingYuan = yuanLine;
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
        cells.keySet().forEach(cell -> labels.putIfAbsent(Labels.normalize(cell.text()), cell));

        if (labels.containsKey(Labels.PROJECT_NAME)) {
            finishForm();
            startForm(labels.get(Labels.PROJECT_NAME));
        } else if (cells.keySet().stream().allMatch(cell -> Labels.isTitle(cell.text()) || isUnitLine(cell))) {
            for (SourceCell cell : cells.keySet()) {
                text(cell.text());
            }
            if (form == null || section == Section.DONE) {
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

    private static boolean isUnitLine(SourceCell cell) {
        return Labels.yuan(cell.text()) != null && !Labels.isFundsLabel(Labels.normalize(cell.text()));
    }

    private void read(Row row, Map<SourceCell, Integer> cells, Map<String, SourceCell> labels) {
        for (String label : List.of(Labels.PROJECT_NAME, Labels.DEPARTMENT, Labels.IMPLEMENTING_UNIT)) {
            SourceCell cell = labels.get(label);
            if (cell != null) {
                placed.add(cell);
                SourceCell value = valueRightOf(row, cells.get(cell));
                String path = switch (label) {
                    case Labels.PROJECT_NAME -> JsonPath.of("projectName");
                    case Labels.DEPARTMENT -> JsonPath.of("department");
                    default -> JsonPath.of("implementingUnit");
                };
                form.put(path, CellValues.text(value), value != null ? value : cell, label);
                placed.add(value);
            }
        }
        // Titles and unit lines only above the funds: an indicator's text may well mention a year or 自评表.
        boolean head = section == Section.HEAD && fundColumns == null;
        for (Map.Entry<String, SourceCell> label : labels.entrySet()) {
            if (Labels.isFundsLabel(label.getKey()) || label.getKey().equals(Labels.GOALS)
                    || label.getKey().equals(Labels.INDICATORS)
                    || head && (Labels.isTitle(label.getValue().text()) || isUnitLine(label.getValue()))) {
                placed.add(label.getValue());
                text(label.getValue().text());
                if (Labels.isFundsLabel(label.getKey())) {
                    Boolean unit = Labels.yuan(label.getValue().text());
                    yuan = unit != null ? unit : yuan;
                }
            }
        }

        if (labels.containsKey(Labels.INITIAL_BUDGET) || labels.containsKey(Labels.ANNUAL_BUDGET)
                || labels.containsKey(Labels.EXECUTED)) {
            fundColumns = columns(labels, cells, FUND_FIELDS.keySet());
            return;
        }
        if (labels.containsKey(Labels.EXPECTED_GOAL) || labels.containsKey(Labels.ACTUAL_GOAL)) {
            expectedColumn = column(labels, cells, Labels.EXPECTED_GOAL);
            actualColumn = column(labels, cells, Labels.ACTUAL_GOAL);
            section = Section.GOALS;
            return;
        }
        if (labels.containsKey(Labels.LEVEL1) && labels.containsKey(Labels.LEVEL3)) {
            // The first indicator header sets the columns; a later one is the header repeated on a new page.
            List<String> headers = new ArrayList<>(INDICATOR_FIELDS.keySet());
            labels.keySet().stream().filter(Labels::isDeviation).findFirst()
                    .ifPresent(deviation -> labels.putIfAbsent(Labels.DEVIATION, labels.get(deviation)));
            Map<String, Integer> found = columns(labels, cells, headers);
            if (indicatorColumns == null) {
                indicatorColumns = found;
            }
            section = Section.INDICATORS;
            return;
        }
        if (labels.containsKey(Labels.TOTAL)) {
            placed.add(labels.get(Labels.TOTAL));
            total(row);
            section = Section.DONE;
            return;
        }
        for (Map.Entry<String, SourceCell> label : labels.entrySet()) {
            FundRow fundRow = Labels.fundRow(label.getKey());
            if (fundRow != null && fundColumns != null) {
                placed.add(label.getValue());
                funds(row, fundRow);
                return;
            }
        }
        if (section == Section.GOALS) {
            goals(row);
        } else if (section == Section.INDICATORS) {
            indicator(row);
        }
    }

    private void startForm(SourceCell projectLabel) {
        form = new ImportedForm(projectLabel.part(), pendingYear);
        formCells = new ArrayList<>();
        placed = Collections.newSetFromMap(new IdentityHashMap<>());
        unfilledGroups = Collections.newSetFromMap(new IdentityHashMap<>());
        section = Section.HEAD;
        yuan = Boolean.TRUE.equals(pendingYuan);
        yuanWarned = false;
        fundColumns = null;
        indicatorColumns = null;
        expectedColumn = -1;
        actualColumn = -1;
        pendingYear = null;
        pendingYuan = null;
    }

    private void finishForm() {
        if (form == null) {
            return;
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
    }

    private static ImportedForm.Finding notPlaced(SourceCell cell) {
        return new ImportedForm.Finding(false, cell.place(), "\"" + oneLine(cell)
                + "\" is not in any field of the form: not imported");
    }

    private static String oneLine(SourceCell cell) {
        return cell.text().strip().replaceAll("\\s+", " ");
    }

    private void funds(Row row, FundRow fundRow) {
        String path = JsonPath.of("funds", fundRow.field);
        for (Map.Entry<String, Integer> column : fundColumns.entrySet()) {
            String label = column.getKey();
            String field = FUND_FIELDS.get(label);
            SourceCell cell = row.at(column.getValue());
            if (cell != null && !isNew(cell)) {
                continue;
            }
            boolean scored = field.equals("weight") || field.equals("executionRate") || field.equals("score");
            if (scored && fundRow != FundRow.TOTAL) {
                // The form prints — in these cells of the sources; anything else there is reported as not placed.
                if (CellValues.text(cell) == null || isDash(cell)) {
                    placed.add(cell);
                }
                continue;
            }
            placed.add(cell);
            String name = fundRow == FundRow.TOTAL ? label : fundRow.label + " " + label;
            switch (field) {
                case "weight", "score" -> form.put(JsonPath.field(path, field), CellValues.numberOrText(cell), cell, name);
                case "executionRate" -> form.put(JsonPath.field(path, field), CellValues.executionRate(cell), cell, name);
                default -> amount(JsonPath.field(path, field), cell, name);
            }
        }
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
        SourceCell expected = row.at(expectedColumn);
        SourceCell actual = row.at(actualColumn);
        if (expected != null && isNew(expected)) {
            placed.add(expected);
            form.put(JsonPath.of("goals", "expected"), CellValues.text(expected), expected, Labels.EXPECTED_GOAL);
        }
        if (actual != null && isNew(actual)) {
            placed.add(actual);
            form.put(JsonPath.of("goals", "actual"), CellValues.text(actual), actual, Labels.ACTUAL_GOAL);
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
        Integer weightColumn = indicatorColumns.get(Labels.WEIGHT);
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
                return isKnownLabel(Labels.normalize(cell.text())) ? null : cell;
            }
        }
        return null;
    }

    private static boolean isKnownLabel(String normalized) {
        return normalized.equals(Labels.PROJECT_NAME) || normalized.equals(Labels.DEPARTMENT)
                || normalized.equals(Labels.IMPLEMENTING_UNIT);
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

    private int column(Map<String, SourceCell> labels, Map<SourceCell, Integer> cells, String label) {
        SourceCell cell = labels.get(label);
        if (cell == null) {
            return -1;
        }
        placed.add(cell);
        return cells.get(cell);
    }
}
