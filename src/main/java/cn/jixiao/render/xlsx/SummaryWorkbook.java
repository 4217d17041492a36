package cn.jixiao.render.xlsx;

import cn.jixiao.layout.SummaryTable.Row;
import cn.jixiao.layout.SummaryTable;
import cn.jixiao.model.Formats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 项目支出绩效自评汇总表 as an Excel workbook, for the finance office to sort and sum: one row per project, amounts as
 * numbers written with the decimals of the input (never through binary floating point), then the totals.
 */
public final class SummaryWorkbook {

    private static final String[] HEADER = {"序号", "项目名称", "主管部门", "全年预算数（万元）", "全年执行数（万元）", "执行率",
        "总分", "等级"};
    /** Column widths in characters. */
    private static final int[] WIDTHS = {6, 36, 28, 16, 16, 10, 8, 6};

    private SummaryWorkbook() {
    }

    /**
     * The workbook's bytes as POI writes them; the caller makes the archive reproducible.
     *
     * @param date the workbook's creation date; {@code null} for none (never the clock)
     */
    public static byte[] write(SummaryTable table, String fontFamily, LocalDate date) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook, fontFamily);
            XSSFSheet sheet = workbook.createSheet("汇总表");
            for (int column = 0; column < WIDTHS.length; column++) {
                sheet.setColumnWidth(column, WIDTHS[column] * 256);
            }
            text(sheet.createRow(0), 0, SummaryTable.TITLE + table.period(), styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.length - 1));

            XSSFRow header = sheet.createRow(1);
            for (int column = 0; column < HEADER.length; column++) {
                text(header, column, HEADER[column], styles.header);
            }
            List<Row> rows = table.rows();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                XSSFRow cells = sheet.createRow(2 + i);
                number(cells, 0, BigDecimal.valueOf(i + 1), styles.cell);
                text(cells, 1, row.projectName(), styles.left);
                text(cells, 2, row.department(), styles.left);
                number(cells, 3, row.annualBudget(), styles.cell);
                number(cells, 4, row.executed(), styles.cell);
                text(cells, 5, row.executionRate(), styles.cell);
                number(cells, 6, row.totalScore(), styles.cell);
                text(cells, 7, row.grade().label, styles.cell);
            }
            int totals = 2 + rows.size();
            XSSFRow sum = sheet.createRow(totals);
            text(sum, 0, "合计（" + rows.size() + " 个项目）", styles.header);
            text(sum, 1, null, styles.header);
            text(sum, 2, null, styles.header);
            sheet.addMergedRegion(new CellRangeAddress(totals, totals, 0, 2));
            number(sum, 3, table.annualBudget(), styles.header);
            number(sum, 4, table.executed(), styles.header);
            text(sum, 5, table.executionRate(), styles.header);
            text(sum, 6, "平均 " + Formats.amount(table.averageScore()), styles.header);
            text(sum, 7, null, styles.header);
            text(sheet.createRow(totals + 1), 0, "等级分布：" + table.gradeCounts().entrySet().stream()
                    .map(count -> count.getKey().label + " " + count.getValue() + " 个")
                    .collect(Collectors.joining("，")), null);

            sheet.createFreezePane(0, 2);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, HEADER.length - 1));
            workbook.getProperties().getCoreProperties().setTitle(SummaryTable.TITLE);
            workbook.getProperties().getCoreProperties().setCreator("jixiao");
            workbook.getProperties().getCoreProperties().setCreated(Optional.ofNullable(date)
                    .map(day -> Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant())));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void text(XSSFRow row, int column, String value, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column, CellType.STRING);
        if (value != null) {
            cell.setCellValue(value);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A number cell holding the decimal exactly as written; empty for {@code null}. Also used by {@link FormWorkbook}. */
    static void number(XSSFRow row, int column, BigDecimal value, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column, value == null ? CellType.BLANK : CellType.NUMERIC);
        if (value != null) {
            cell.getCTCell().setV(value.toPlainString());
        }
        cell.setCellStyle(style);
    }

    /** The few cell styles of the sheet. */
    private static final class Styles {
        final XSSFCellStyle title;
        final XSSFCellStyle header;
        final XSSFCellStyle cell;
        final XSSFCellStyle left;

        Styles(XSSFWorkbook workbook, String fontFamily) {
            XSSFFont body = workbook.createFont();
            body.setFontName(fontFamily);
            body.setFontHeightInPoints((short) 10);
            XSSFFont bold = workbook.createFont();
            bold.setFontName(fontFamily);
            bold.setFontHeightInPoints((short) 10);
            bold.setBold(true);
            XSSFFont big = workbook.createFont();
            big.setFontName(fontFamily);
            big.setFontHeightInPoints((short) 16);
            big.setBold(true);

            title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            cell = bordered(workbook, body, HorizontalAlignment.CENTER);
            left = bordered(workbook, body, HorizontalAlignment.LEFT);
            header = bordered(workbook, bold, HorizontalAlignment.CENTER);
        }
    }

    /** A cell style of the form's tables: thin borders all round, centred vertically, text wrapped. */
    static XSSFCellStyle bordered(XSSFWorkbook workbook, XSSFFont font, HorizontalAlignment alignment) {
        XSSFCellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
