package cn.jixiao.render.xlsx;

import cn.jixiao.layout.FormGrid;
import cn.jixiao.layout.FormGrid.Cell;
import cn.jixiao.layout.FormGrid.RowKind;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.FundLine;
import cn.jixiao.model.FundTotal;
import cn.jixiao.model.Indicator;
import cn.jixiao.model.NumberOrText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 项目支出绩效自评表 as an Excel workbook to fill in: one sheet per project laid out like the printed form (the
 * rows and merges of {@link FormGrid}, borders, the PDF's column proportions, A4 portrait fitted to the page's width),
 * data validation on the amount, 分值 and 得分 cells, and a 说明 sheet saying how to fill it in. Filled from
 * evaluations, amounts are number cells holding the exact decimal and shown with its decimals (so that the import
 * reads back the same digits), 执行率 a percent cell; blank, it has the usual nine indicator rows to fill.
 */
public final class FormWorkbook {

    /** The sheet explaining the workbook; the import skips it. */
    /**
     * The sheet that says how to fill in the workbook. The import passes over a sheet of this name (its own
     * {@code OfficeImport.INSTRUCTIONS_SHEET}, as workbooks from others carry one too); the round-trip test holds the two
     * together.
     */
    private static final String INSTRUCTIONS = "说明";

    /** The font every Chinese Windows, WPS and LibreOffice installation has. */
    private static final String FONT = "宋体";
    /** The PDF's column widths in points (form.jrxml's grid). */
    private static final int[] COLUMN_POINTS = {44, 48, 56, 80, 54, 54, 42, 38, 77};
    /** Points per character of Excel's column width unit, for the default font. */
    private static final double POINTS_PER_CHARACTER = 4.4;
    private static final float LINE_POINTS = 14.5f;

    /** The indicator rows of a blank form: the 一级 and 二级 indicators of the national framework. */
    private static final List<String[]> BLANK_INDICATORS = List.of(
            new String[] {"产出指标", "数量指标"}, new String[] {"产出指标", "质量指标"},
            new String[] {"产出指标", "时效指标"}, new String[] {"产出指标", "成本指标"},
            new String[] {"效益指标", "经济效益指标"}, new String[] {"效益指标", "社会效益指标"},
            new String[] {"效益指标", "生态效益指标"}, new String[] {"效益指标", "可持续影响指标"},
            new String[] {"满意度指标", "服务对象满意度指标"});

    static final String[] INSTRUCTION_LINES = {
        "项目支出绩效自评表：填写说明",
        "",
        "1. 每个项目一张工作表。下一个项目：右键点击工作表标签 → 移动或复制 → 勾选“建立副本”，在副本中填写。",
        "2. 标题下一行写年度，例如（2024年度）。",
        "3. 金额以万元为单位填数字，例如 207.6892；没有的金额留空或填“—”。导入时按单元格显示的数字读取，"
            + "请让单元格显示全部小数（格式“常规”或足够的小数位）。",
        "   若整张表以元为单位，把“项目资金（万元）”改为“项目资金（元）”，导入时换算为万元。",
        "4. 执行率填百分数（如 87.00%）；留空时按 全年执行数 ÷ 全年预算数 计算。",
        "5. 分值、得分填数字；不计分的指标填“无”。总分行的分值由程序合计，得分填总分。",
        "6. 指标行不够时插入整行，填写一级、二级、三级指标；合并的一级、二级指标单元格属于它覆盖的每一行。"
            + "没有三级指标的空行不导入。",
        "7. 表格以外的单元格不要填写内容：导入时会提示它们未被导入。",
        "",
        "导入：jixiao import 本文件.xlsx -o 目录（得到 JSON）；或直接 jixiao render 本文件.xlsx -o 目录（得到 PDF）。",
    };

    private FormWorkbook() {
    }

    /** A workbook with one blank form. */
    public static byte[] blank() throws IOException {
        List<Indicator> indicators = new ArrayList<>();
        for (String[] levels : BLANK_INDICATORS) {
            indicators.add(new Indicator(levels[0], levels[1], null, null, null, null, null, null));
        }
        return write(List.of(new Evaluation(null, null, null, null, null, null, null, indicators, null)), true);
    }

    /** A workbook with one sheet per evaluation, filled in. */
    public static byte[] filled(List<Evaluation> evaluations) throws IOException {
        return write(evaluations, false);
    }

    private static byte[] write(List<Evaluation> evaluations, boolean blank) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Set<String> names = new HashSet<>();
            for (int i = 0; i < evaluations.size(); i++) {
                Evaluation evaluation = evaluations.get(i);
                XSSFSheet sheet = workbook.createSheet(sheetName(evaluation, i + 1, names));
                new FormSheet(sheet, styles, evaluation, blank).write();
            }
            instructions(workbook.createSheet(INSTRUCTIONS), styles);
            workbook.getProperties().getCoreProperties().setTitle(FormGrid.TITLE);
            workbook.getProperties().getCoreProperties().setCreator("jixiao");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static String sheetName(Evaluation evaluation, int number, Set<String> taken) {
        String wanted = evaluation.projectName() == null || evaluation.projectName().isBlank()
                ? "项目" + number : WorkbookUtil.createSafeSheetName(evaluation.projectName());
        String name = wanted.length() > 31 ? wanted.substring(0, 31) : wanted;
        for (int n = 2; !taken.add(name.toLowerCase()) || name.equals(INSTRUCTIONS); n++) {
            String suffix = " (" + n + ")";
            name = (wanted.length() + suffix.length() > 31 ? wanted.substring(0, 31 - suffix.length()) : wanted)
                    + suffix;
        }
        return name;
    }

    private static void instructions(XSSFSheet sheet, Styles styles) {
        sheet.setColumnWidth(0, 110 * 256);
        for (int i = 0; i < INSTRUCTION_LINES.length; i++) {
            XSSFCell cell = sheet.createRow(i).createCell(0, CellType.STRING);
            cell.setCellValue(INSTRUCTION_LINES[i]);
            cell.setCellStyle(i == 0 ? styles.title : styles.plain);
        }
    }

    /** One form on one sheet. */
    private static final class FormSheet {
        private static final int FIRST_GRID_ROW = 2;

        private final XSSFSheet sheet;
        private final Styles styles;
        private final Evaluation evaluation;
        private final boolean blank;
        private final List<CellRangeAddress> amountCells = new ArrayList<>();
        private final List<CellRangeAddress> scoreCells = new ArrayList<>();

        FormSheet(XSSFSheet sheet, Styles styles, Evaluation evaluation, boolean blank) {
            this.sheet = sheet;
            this.styles = styles;
            this.evaluation = evaluation;
            this.blank = blank;
        }

        void write() {
            for (int c = 0; c < COLUMN_POINTS.length; c++) {
                sheet.setColumnWidth(c, (int) Math.round(COLUMN_POINTS[c] / POINTS_PER_CHARACTER * 256));
            }
            XSSFRow title = sheet.createRow(0);
            text(title, 0, FormGrid.TITLE, styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, FormGrid.COLUMNS - 1));
            title.setHeightInPoints(28);
            FormLayout layout = FormLayout.of(evaluation);
            text(sheet.createRow(1), 0, layout.period(), styles.period);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, FormGrid.COLUMNS - 1));

            List<FormGrid.Row> rows = FormGrid.rows(layout);
            int fundRow = 0;
            int indicator = 0;
            for (int r = 0; r < rows.size(); r++) {
                FormGrid.Row row = rows.get(r);
                int at = FIRST_GRID_ROW + r;
                XSSFRow cells = sheet.getRow(at) != null ? sheet.getRow(at) : sheet.createRow(at);
                for (Cell cell : row.cells()) {
                    place(at, cell);
                }
                switch (row.kind()) {
                    case FUNDS -> funds(cells, fundRow++);
                    case INDICATOR -> indicator(cells, evaluation.indicators().get(indicator++));
                    case TOTAL -> {
                        if (blank) {
                            empty(cells, 6);
                        } else {
                            number(cells, 6, evaluation.weightSum());
                        }
                        if (evaluation.totalScore() != null) {
                            number(cells, 7, evaluation.totalScore());
                        } else {
                            empty(cells, 7);
                        }
                        scoreCells.add(new CellRangeAddress(at, at, 7, 7));
                    }
                    default -> {
                    }
                }
                cells.setHeightInPoints(height(row));
            }
            validations();
            PrintSetup print = sheet.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(false);
            sheet.setFitToPage(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setHorizontallyCenter(true);
            sheet.setMargin(XSSFSheet.LeftMargin, 0.7);
            sheet.setMargin(XSSFSheet.RightMargin, 0.7);
            sheet.setMargin(XSSFSheet.TopMargin, 0.6);
            sheet.setMargin(XSSFSheet.BottomMargin, 0.6);
        }

        /** Writes a cell of the grid as text with its borders, and merges what it spans. */
        private void place(int at, Cell cell) {
            int lastRow = at + cell.rowSpan() - 1;
            int lastColumn = cell.column() + cell.columnSpan() - 1;
            XSSFCellStyle style = cell.label() ? styles.label : styles.value;
            for (int r = at; r <= lastRow; r++) {
                XSSFRow row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
                for (int c = cell.column(); c <= lastColumn; c++) {
                    text(row, c, r == at && c == cell.column() ? cell.text() : null, style);
                }
            }
            if (lastRow > at || lastColumn > cell.column()) {
                sheet.addMergedRegion(new CellRangeAddress(at, lastRow, cell.column(), lastColumn));
            }
        }

        private void funds(XSSFRow cells, int which) {
            FundTotal total = evaluation.funds().total();
            FundLine line = switch (which) {
                case 1 -> evaluation.funds().fiscal();
                case 2 -> evaluation.funds().carryover();
                case 3 -> evaluation.funds().other();
                default -> null;
            };
            amount(cells, 2, line == null ? total.initialBudget() : line.initialBudget());
            amount(cells, 3, line == null ? total.annualBudget() : line.annualBudget());
            amount(cells, 4, line == null ? total.executed() : line.executed());
            amountCells.add(new CellRangeAddress(cells.getRowNum(), cells.getRowNum(), 2, 4));
            if (line == null) {
                numberOrText(cells, 5, total.weight());
                if (total.executionRate() != null && total.executionRate().isNumber()) {
                    percent(cells, 6, total.executionRate().number());
                } else if (total.executionRate() == null) {
                    empty(cells, 6);
                }
                numberOrText(cells, 7, total.score());
                scoreCells.add(new CellRangeAddress(cells.getRowNum(), cells.getRowNum(), 5, 5));
                scoreCells.add(new CellRangeAddress(cells.getRowNum(), cells.getRowNum(), 7, 7));
            }
        }

        private void indicator(XSSFRow cells, Indicator indicator) {
            numberOrText(cells, 6, indicator.weight());
            numberOrText(cells, 7, indicator.score());
            scoreCells.add(new CellRangeAddress(cells.getRowNum(), cells.getRowNum(), 6, 7));
        }

        private void amount(XSSFRow cells, int column, BigDecimal amount) {
            if (amount == null) {
                empty(cells, column);
            } else {
                number(cells, column, amount);
            }
        }

        private void numberOrText(XSSFRow cells, int column, NumberOrText value) {
            if (value == null) {
                empty(cells, column);
            } else if (value.isNumber()) {
                number(cells, column, value.number());
            }
            // text is already in the cell, written as the form prints it
        }

        /** The exact decimal, shown with its decimals: 7.20 shows 7.20, 180.97212 all five. */
        private void number(XSSFRow cells, int column, BigDecimal value) {
            if (value.precision() > 15) {
                return; // more digits than a spreadsheet number holds: it stays text, read back the same
            }
            exactNumber(cells, column, value, styles.number(Math.max(0, value.scale()), false));
        }

        private void percent(XSSFRow cells, int column, BigDecimal percent) {
            exactNumber(cells, column, percent.movePointLeft(2),
                    styles.number(Math.max(0, percent.scale()), true));
        }

        private void empty(XSSFRow cells, int column) {
            // General format: a number typed here shows, and is imported with, every decimal typed
            cells.getCell(column).setBlank();
            cells.getCell(column).setCellStyle(styles.value);
        }

        private void validations() {
            XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
            CellRangeAddressList amounts = new CellRangeAddressList();
            amountCells.forEach(amounts::addCellRangeAddress);
            DataValidation amount = helper.createValidation(helper.createDecimalConstraint(
                    DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null), amounts);
            amount.setShowErrorBox(true);
            amount.createErrorBox("金额", "请填写以万元为单位的金额（数字，不小于 0）；没有的金额留空。");
            amount.setShowPromptBox(true);
            amount.createPromptBox("金额（万元）", "填数字，例如 207.6892；没有的金额留空。");
            sheet.addValidationData(amount);

            for (CellRangeAddress range : scoreCells) {
                String first = new CellReference(range.getFirstRow(), range.getFirstColumn()).formatAsString(false);
                DataValidation score = helper.createValidation(helper.createCustomConstraint(
                        "OR(ISNUMBER(" + first + ")," + first + "=\"无\"," + first + "=\"—\")"),
                        new CellRangeAddressList(range.getFirstRow(), range.getLastRow(), range.getFirstColumn(),
                                range.getLastColumn()));
                score.setShowErrorBox(true);
                score.createErrorBox("分值 / 得分", "请填写数字，或“无”。");
                sheet.addValidationData(score);
            }
        }

        /** Enough lines for the longest text of the row in its cell's width (a Chinese character is 2 widths). */
        private static float height(FormGrid.Row row) {
            int lines = 1;
            for (Cell cell : row.cells()) {
                if (cell.rowSpan() > 1) {
                    continue;
                }
                int points = 0;
                for (int c = cell.column(); c < cell.column() + cell.columnSpan(); c++) {
                    points += COLUMN_POINTS[c];
                }
                double widthUnits = points / 5.5; // half-width characters a line of 10.5-point text holds
                int units = 0;
                for (int i = 0; i < cell.text().length(); i++) {
                    units += cell.text().charAt(i) < 0x2E80 ? 1 : 2;
                }
                int cellLines = (int) Math.ceil(units / Math.max(1, widthUnits - 1));
                cellLines += (int) cell.text().chars().filter(ch -> ch == '\n').count();
                lines = Math.max(lines, cellLines);
            }
            return Math.max(24, lines * LINE_POINTS + 6);
        }
    }

    private static void text(XSSFRow row, int column, String value, XSSFCellStyle style) {
        XSSFCell cell = row.getCell(column) != null ? row.getCell(column) : row.createCell(column, CellType.STRING);
        if (value != null && !value.isEmpty()) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    /** A number cell holding the decimal exactly as written; empty for {@code null}. */
    private static void exactNumber(XSSFRow row, int column, BigDecimal value, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column, value == null ? CellType.BLANK : CellType.NUMERIC);
        if (value != null) {
            cell.getCTCell().setV(value.toPlainString());
        }
        cell.setCellStyle(style);
    }

    /** The cell styles: labels, texts, and numbers by their decimals. */
    private static final class Styles {
        final XSSFWorkbook workbook;
        final XSSFFont body;
        final XSSFCellStyle title;
        final XSSFCellStyle period;
        final XSSFCellStyle label;
        final XSSFCellStyle value;
        final XSSFCellStyle plain;
        private final Map<String, XSSFCellStyle> numbers = new HashMap<>();

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            body = font(10.5, false);
            title = workbook.createCellStyle();
            title.setFont(font(18, true));
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            period = workbook.createCellStyle();
            period.setFont(body);
            period.setAlignment(HorizontalAlignment.CENTER);
            label = bordered(HorizontalAlignment.CENTER);
            value = bordered(HorizontalAlignment.CENTER);
            plain = workbook.createCellStyle();
            plain.setFont(body);
            plain.setWrapText(true);
        }

        /** Shows a number with exactly {@code decimals} decimals, as a percent when {@code percent}. */
        XSSFCellStyle number(int decimals, boolean percent) {
            String format = (decimals == 0 ? "0" : "0." + "0".repeat(decimals)) + (percent ? "%" : "");
            return numbers.computeIfAbsent(format, f -> {
                XSSFCellStyle style = bordered(HorizontalAlignment.CENTER);
                style.setDataFormat(workbook.createDataFormat().getFormat(f));
                return style;
            });
        }

        private XSSFFont font(double points, boolean bold) {
            XSSFFont font = workbook.createFont();
            font.setFontName(FONT);
            font.setFontHeight(points);
            font.setBold(bold);
            return font;
        }

        private XSSFCellStyle bordered(HorizontalAlignment alignment) {
            return SummaryWorkbook.bordered(workbook, body, alignment);
        }
    }
}
