package cn.jixiao.render.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.layout.SummaryTable;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Formats;
import cn.jixiao.testing.Examples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The summary workbook as the finance office opens it to sort and sum: a row per project whose amounts and scores are
 * number cells holding the input's decimals, the texts as text, the totals row merged over its first three columns,
 * every table cell bordered, and a sheet that prints on A4 one page wide with its header row on every page. The table
 * here has 300 projects, more rows than the workbook keeps in memory while it writes them: the five examples and one
 * without 主管部门, fifty times over.
 */
class SummaryWorkbookTest {

    private static final String FONT = "Form Body";
    private static final LocalDate DATE = LocalDate.of(2024, 3, 31);

    private static List<Evaluation> projects;
    private static SummaryTable table;
    private static XSSFSheet sheet;

    @BeforeAll
    static void writeTheSummaryOfSixProjectsFiftyTimesOver() throws IOException {
        List<Evaluation> examples = new ArrayList<>(Examples.evaluations());
        Evaluation first = examples.get(0);
        examples.add(new Evaluation(first.year(), first.projectName() + "（无主管部门）", null, first.implementingUnit(),
                first.reportDate(), first.funds(), first.goals(), first.indicators(), first.totalScore()));
        projects = Collections.nCopies(50, examples).stream().flatMap(List::stream).toList();
        table = new SummaryTable();
        projects.forEach(table::add);
        byte[] bytes = SummaryWorkbook.write(table, FONT, DATE);
        XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        assertEquals(1, workbook.getNumberOfSheets());
        sheet = workbook.getSheetAt(0);
        assertEquals(SummaryTable.TITLE, workbook.getProperties().getCoreProperties().getTitle());
        assertEquals(Date.from(DATE.atStartOfDay(ZoneOffset.UTC).toInstant()),
                workbook.getProperties().getCoreProperties().getCreated());
    }

    @Test
    void theTitleSpansTheTableAndTheHeaderNamesItsColumns() {
        XSSFCell title = sheet.getRow(0).getCell(0);
        assertEquals("项目支出绩效自评汇总表（2023年度）", title.getStringCellValue());
        assertEquals(HorizontalAlignment.CENTER, title.getCellStyle().getAlignment());
        assertFont(title, 16, true);
        XSSFRow header = sheet.getRow(1);
        assertEquals(List.of("序号", "项目名称", "主管部门", "全年预算数（万元）", "全年执行数（万元）", "执行率", "总分", "等级"),
                texts(header, 0, 8));
        for (int column = 0; column < 8; column++) {
            assertTableCell(header.getCell(column), HorizontalAlignment.CENTER, true);
        }
        assertEquals(List.of(6, 36, 28, 16, 16, 10, 8, 6),
                IntStream.range(0, 8).mapToObj(column -> sheet.getColumnWidth(column) / 256).toList(),
                "column widths in characters");
    }

    @Test
    void everyProjectIsARowOfExactNumbersAndTexts() {
        for (int i = 0; i < projects.size(); i++) {
            Evaluation project = projects.get(i);
            SummaryTable.Row expected = table.rows().get(i);
            XSSFRow row = sheet.getRow(2 + i);
            String where = "row " + (3 + i);
            assertNumber(BigDecimal.valueOf(i + 1), row.getCell(0), where + " 序号");
            assertText(project.projectName(), row.getCell(1), where);
            assertText(project.department() == null ? "" : project.department(), row.getCell(2), where + " 主管部门");
            assertNumber(project.funds().total().annualBudget(), row.getCell(3), where + " 全年预算数");
            assertNumber(project.funds().total().executed(), row.getCell(4), where + " 全年执行数");
            assertText(expected.executionRate(), row.getCell(5), where);
            assertNumber(project.printedTotalScore(), row.getCell(6), where + " 总分");
            assertText(expected.grade().label, row.getCell(7), where);
            for (int column = 0; column < 8; column++) {
                boolean nameOrDepartment = column == 1 || column == 2;
                assertTableCell(row.getCell(column),
                        nameOrDepartment ? HorizontalAlignment.LEFT : HorizontalAlignment.CENTER, false);
            }
        }
    }

    @Test
    void aProjectWithoutADepartmentHasAnEmptyTextThere() {
        XSSFRow row = sheet.getRow(2 + 5);
        assertTrue(row.getCell(1).getStringCellValue().endsWith("（无主管部门）"), "the sixth project has none");
        XSSFCell department = row.getCell(2);
        assertText("", department, "主管部门 left empty");
        assertTableCell(department, HorizontalAlignment.LEFT, false);
    }

    @Test
    void theTotalsRowSumsTheAmountsExactlyUnderOneMergedLabel() {
        int totals = 2 + projects.size();
        XSSFRow row = sheet.getRow(totals);
        assertText("合计（300 个项目）", row.getCell(0), "totals");
        assertText("", row.getCell(1), "totals");
        assertText("", row.getCell(2), "totals");
        assertNumber(table.annualBudget(), row.getCell(3), "Σ 全年预算数");
        assertNumber(table.executed(), row.getCell(4), "Σ 全年执行数");
        assertText(table.executionRate(), row.getCell(5), "totals");
        assertText("平均 " + Formats.amount(table.averageScore()), row.getCell(6), "totals");
        for (int column = 0; column < 8; column++) {
            assertTableCell(row.getCell(column), HorizontalAlignment.CENTER, true);
        }
        assertEquals(Set.of(new CellRangeAddress(0, 0, 0, 7), new CellRangeAddress(totals, totals, 0, 2)),
                Set.copyOf(sheet.getMergedRegions()));
        String grades = table.gradeCounts().entrySet().stream()
                .map(count -> count.getKey().label + " " + count.getValue() + " 个").collect(Collectors.joining("，"));
        assertText("等级分布：" + grades, sheet.getRow(totals + 1).getCell(0), "grades");
        assertEquals(totals + 1, sheet.getLastRowNum(), "nothing after the grades");
    }

    @Test
    void theSheetScrollsUnderItsHeaderAndPrintsOnA4OnePageWide() {
        PaneInformation pane = sheet.getPaneInformation();
        assertNotNull(pane, "frozen panes");
        assertTrue(pane.isFreezePane());
        assertEquals(2, pane.getHorizontalSplitPosition(), "the title and the header stay");
        assertEquals(0, pane.getVerticalSplitPosition());
        PrintSetup print = sheet.getPrintSetup();
        assertEquals(PrintSetup.A4_PAPERSIZE, print.getPaperSize());
        assertTrue(sheet.getFitToPage());
        assertEquals(1, print.getFitWidth());
        assertEquals(0, print.getFitHeight());
        assertEquals(CellRangeAddress.valueOf("2:2"), sheet.getRepeatingRows(), "the header on every printed page");
    }

    private static void assertNumber(BigDecimal expected, XSSFCell cell, String what) {
        assertEquals(CellType.NUMERIC, cell.getCellType(), what + " is a number");
        assertEquals(expected.toPlainString(), cell.getRawValue(), what + " holds the input's decimals");
    }

    private static void assertText(String expected, XSSFCell cell, String what) {
        assertEquals(CellType.STRING, cell.getCellType(), what + " " + cell.getAddress() + " is text");
        assertEquals(expected, cell.getStringCellValue(), what + " " + cell.getAddress());
    }

    private static void assertTableCell(XSSFCell cell, HorizontalAlignment alignment, boolean bold) {
        XSSFCellStyle style = cell.getCellStyle();
        String where = cell.getAddress().formatAsString();
        assertEquals(alignment, style.getAlignment(), where);
        assertEquals(VerticalAlignment.CENTER, style.getVerticalAlignment(), where);
        assertTrue(style.getWrapText(), where + " wraps");
        for (BorderStyle border : List.of(style.getBorderTop(), style.getBorderBottom(), style.getBorderLeft(),
                style.getBorderRight())) {
            assertEquals(BorderStyle.THIN, border, where + " bordered all round");
        }
        assertFont(cell, 10, bold);
    }

    private static void assertFont(XSSFCell cell, int points, boolean bold) {
        XSSFFont font = cell.getCellStyle().getFont();
        String where = cell.getAddress().formatAsString();
        assertEquals(FONT, font.getFontName(), where);
        assertEquals(points, font.getFontHeightInPoints(), where);
        assertEquals(bold, font.getBold(), where + " bold");
        assertFalse(font.getItalic(), where);
    }

    private static List<String> texts(XSSFRow row, int from, int to) {
        return IntStream.range(from, to).mapToObj(column -> row.getCell(column).getStringCellValue())
                .toList();
    }
}
