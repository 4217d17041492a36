package cn.jixiao.input.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Word and Excel forms written with POI's low-level API the way other programs lay them out. A table is rows of
 * cells: {@code null} continues the cell on its left (a horizontal merge), {@code "^"} the cell above (a vertical
 * merge). In a workbook, {@code "#180.97212"} is a number cell in the General format and {@code "%0.87"} a number
 * cell formatted {@code 0.00%}; any other string is a text cell.
 */
final class OfficeForms {

    /** A paragraph that ends the page, as python-docx's {@code add_page_break} writes it. */
    static final Object PAGE_BREAK = new Object();

    private OfficeForms() {
    }

    /** The seed's first form on the form's nine-column grid, with the merges of the printed form. */
    static String[][] seedForm(String projectName) {
        return new String[][] {
            {"项目名称", projectName, null, null, null, null, null, null, null},
            {"主管部门", "金凤区智慧城市运营中心", null, null, "实施单位", "金凤区智慧城市运营中心", null, null, null},
            {"项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", null},
            {"^", "年度资金总额", "207.6892万元", "180.97212万元", "180.97212万元", "10", "87.00%", "8", null},
            {"^", "其中：当年财政拨款", "207.6892万元", "180.97212万元", "180.97212万元", "—", "", "—", null},
            {"^", "上年结转资金", "", "", "", "—", "", "—", null},
            {"^", "其他资金", "", "", "", "—", "", "—", null},
            {"年度总体目标", "预期目标", null, null, "实际完成情况", null, null, null, null},
            {"^", "保障聘用人员工作收入，确保工作正常开展", null, null, "按时发放聘用人员工资，确保工作正常开展", null, null, null, null},
            {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
            {"^", "产出指标", "数量指标", "发放中心聘用人员", "28人", "1月-4月： 28人 5月-12月：", "15", "12", "疫情结束后，解聘2名疫情防控人员"},
            {"^", "^", "质量指标", "按标准发放中心聘用人员工资", "100%", "100%", "15", "15", ""},
            {"^", "效益指标", "社会效益", "无", "无", "无", "无", "无", ""},
            {"^", "满意度", "服务对象满意度指标", "聘用人员对发放时间的满意度", "≥95", "≥95", "10", "10", ""},
            {"总分", null, null, null, null, null, "50", "45", ""},
        };
    }

    /** A document of paragraphs ({@code String}), page breaks ({@link #PAGE_BREAK}) and tables ({@code String[][]}). */
    static byte[] docx(List<Object> body) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            for (Object block : body) {
                if (block == PAGE_BREAK) {
                    document.createParagraph().createRun().addBreak(BreakType.PAGE);
                } else if (block instanceof String text) {
                    document.createParagraph().createRun().setText(text);
                } else {
                    table(document, (String[][]) block);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    private static void table(XWPFDocument document, String[][] rows) {
        XWPFTable table = document.createTable();
        table.removeRow(0);
        for (int r = 0; r < rows.length; r++) {
            XWPFTableRow row = table.createRow();
            while (!row.getTableCells().isEmpty()) {
                row.removeCell(0);
            }
            XWPFTableCell current = null;
            for (int c = 0; c < rows[r].length; c++) {
                String text = rows[r][c];
                if (text == null && current != null) {
                    CTTcPr properties = current.getCTTc().isSetTcPr() ? current.getCTTc().getTcPr()
                            : current.getCTTc().addNewTcPr();
                    BigInteger span = properties.isSetGridSpan()
                            ? (BigInteger) properties.getGridSpan().getVal() : BigInteger.ONE;
                    (properties.isSetGridSpan() ? properties.getGridSpan() : properties.addNewGridSpan())
                            .setVal(span.add(BigInteger.ONE));
                    continue;
                }
                current = row.addNewTableCell();
                if ("^".equals(text)) {
                    current.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.CONTINUE);
                    continue;
                }
                if (r + 1 < rows.length && c < rows[r + 1].length && "^".equals(rows[r + 1][c])) {
                    current.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
                }
                String[] lines = text.split("\n", -1);
                current.getParagraphs().get(0).createRun().setText(lines[0]);
                for (int i = 1; i < lines.length; i++) {
                    current.addParagraph().createRun().setText(lines[i]);
                }
            }
        }
    }

    /** Sheets by name, each a table starting at the given row and column. */
    static byte[] workbook(Workbook workbook, Map<String, String[][]> sheets, int firstRow, int firstColumn)
            throws IOException {
        try (workbook) {
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
            for (Map.Entry<String, String[][]> entry : sheets.entrySet()) {
                Sheet sheet = workbook.createSheet(entry.getKey());
                String[][] rows = entry.getValue();
                for (int r = 0; r < rows.length; r++) {
                    Row row = sheet.createRow(firstRow + r);
                    for (int c = 0; c < rows[r].length; c++) {
                        String text = rows[r][c];
                        if (text == null || "^".equals(text)) {
                            continue;
                        }
                        Cell cell = row.createCell(firstColumn + c);
                        if (text.startsWith("#")) {
                            cell.setCellValue(Double.parseDouble(text.substring(1)));
                        } else if (text.startsWith("%")) {
                            cell.setCellValue(Double.parseDouble(text.substring(1)));
                            cell.setCellStyle(percent);
                        } else {
                            cell.setCellValue(text);
                        }
                        int lastColumn = c;
                        while (lastColumn + 1 < rows[r].length && rows[r][lastColumn + 1] == null) {
                            lastColumn++;
                        }
                        int lastRow = r;
                        while (lastRow + 1 < rows.length && c < rows[lastRow + 1].length
                                && "^".equals(rows[lastRow + 1][c])) {
                            lastRow++;
                        }
                        if (lastRow > r || lastColumn > c) {
                            sheet.addMergedRegion(new CellRangeAddress(firstRow + r, firstRow + lastRow,
                                    firstColumn + c, firstColumn + lastColumn));
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
