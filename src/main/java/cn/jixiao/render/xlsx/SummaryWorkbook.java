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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
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
        try (ExactNumbersWorkbook workbook = new ExactNumbersWorkbook()) {
            Styles styles = new Styles(workbook.getXSSFWorkbook(), fontFamily);
            SXSSFSheet sheet = workbook.createSheet("汇总表");
            for (int column = 0; column < WIDTHS.length; column++) {
                sheet.setColumnWidth(column, WIDTHS[column] * 256);
            }
            text(sheet.createRow(0), 0, SummaryTable.TITLE + table.period(), styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.length - 1));

            SXSSFRow header = sheet.createRow(1);
            for (int column = 0; column < HEADER.length; column++) {
                text(header, column, HEADER[column], styles.header);
            }
            List<Row> rows = table.rows();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                SXSSFRow cells = sheet.createRow(2 + i);
                workbook.number(cells, 0, BigDecimal.valueOf(i + 1), styles.cell);
                text(cells, 1, row.projectName(), styles.left);
                text(cells, 2, row.department(), styles.left);
                workbook.number(cells, 3, row.annualBudget(), styles.cell);
                workbook.number(cells, 4, row.executed(), styles.cell);
                text(cells, 5, row.executionRate(), styles.cell);
                workbook.number(cells, 6, row.totalScore(), styles.cell);
                text(cells, 7, row.grade().label, styles.cell);
            }
            int totals = 2 + rows.size();
            SXSSFRow sum = sheet.createRow(totals);
            text(sum, 0, "合计（" + rows.size() + " 个项目）", styles.header);
            text(sum, 1, null, styles.header);
            text(sum, 2, null, styles.header);
            sheet.addMergedRegion(new CellRangeAddress(totals, totals, 0, 2));
            workbook.number(sum, 3, table.annualBudget(), styles.header);
            workbook.number(sum, 4, table.executed(), styles.header);
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
            POIXMLProperties.CoreProperties properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setTitle(SummaryTable.TITLE);
            properties.setCreator("jixiao");
            properties.setCreated(Optional.ofNullable(date)
                    .map(day -> Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant())));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A text cell; an empty text for {@code null} (a project without 主管部门, the totals row's merged cells). */
    private static void text(SXSSFRow row, int column, String value, CellStyle style) {
        SXSSFCell cell = row.createCell(column, CellType.STRING);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /**
     * POI's streaming workbook (SXSSF): the rows are written as XML text as they come, rather than built as XMLBeans
     * objects that XSSF then walks to save them, which was three quarters of the time of writing the summary of a large
     * batch, the last thing a batch waits for (bench/results/2026-12-01-s7-tail.txt). The rest of the workbook (styles,
     * merges, column widths, print setup, properties) is XSSF's, as before. SXSSF keeps the rows' XML in a temporary
     * file until the workbook is written; closing the workbook deletes it.
     *
     * <p>SXSSF writes a number cell's value through a {@code double} ({@code Double.toString}: 90 becomes 90.0, and
     * nothing guarantees the digits of the input); its sheet writer is the extension point POI offers, and here it
     * writes a number cell's exact decimal, as XSSF does for {@link FormWorkbook}.
     */
    private static final class ExactNumbersWorkbook extends SXSSFWorkbook {
        /** The decimal of each number cell not yet written; the cell itself holds no value. */
        private final Map<Cell, BigDecimal> numbers = new IdentityHashMap<>();

        ExactNumbersWorkbook() {
            // rows kept in memory before they are written: SXSSF's default; strings shared, as XSSF writes them
            super(new XSSFWorkbook(), DEFAULT_WINDOW_SIZE, false, true);
            // ZIP64 headers only when an entry needs them, as XSSF writes the archive: with SXSSF's default (always),
            // the JDK's zip reader that ReproducibleZip rewrites the archive with finds entry sizes of 0
            setZip64Mode(Zip64Mode.AsNeeded);
        }

        /** A number cell holding the decimal exactly as written; empty for {@code null}. */
        void number(SXSSFRow row, int column, BigDecimal value, CellStyle style) {
            SXSSFCell cell = row.createCell(column, value == null ? CellType.BLANK : CellType.NUMERIC);
            if (value != null) {
                numbers.put(cell, value);
            }
            cell.setCellStyle(style);
        }

        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return new SheetDataWriter(getSharedStringSource()) {
                /** The row being written; POI's writer keeps its own to itself. */
                private int rowIndex;

                @Override
                public void writeRow(int rowIndex, SXSSFRow row) throws IOException {
                    this.rowIndex = rowIndex;
                    super.writeRow(rowIndex, row);
                }

                @Override
                public void writeCell(int column, Cell cell) throws IOException {
                    BigDecimal value = numbers.remove(cell);
                    if (value == null) {
                        super.writeCell(column, cell);
                        return;
                    }
                    _out.write("<c r=\"" + new CellReference(rowIndex, column).formatAsString()
                            + "\" s=\"" + (cell.getCellStyle().getIndex() & 0xffff)
                            + "\" t=\"n\"><v>" + value.toPlainString() + "</v></c>");
                }
            };
        }
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
