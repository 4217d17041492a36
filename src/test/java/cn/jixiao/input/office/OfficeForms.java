package cn.jixiao.input.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
 * cell formatted {@code 0.00%}; any other string is a text cell. In a Word table they are the text such a cell shows,
 * {@code 180.97212} and {@code 87.00%}.
 */
final class OfficeForms {

    private static final Pattern NUMBER_CELL = Pattern.compile("#-?[0-9.]+");
    private static final Pattern PERCENT_CELL = Pattern.compile("%-?[0-9.]+");

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

    /**
     * {@code examples/xianjie-2023.json} on the 衔接资金 绩效目标自评表 as a county's Excel export lays it out: title
     * rows, the block labels merged down, amounts and scores as number cells, 执行率 as percent cells, the 分值,
     * 执行率 and 得分 repeated on 其中：本年财政拨款, a detail row (其中…) without 分值 and 得分, the 注 under the grid.
     */
    static String[][] xianjieForm() {
        return new String[][] {
            {"绩效目标自评表", null, null, null, null, null, null, null, null},
            {"（2023年度）", null, null, null, null, null, null, null, null},
            {"项目名称", "2023年桃源镇桃树种植产业发展项目", null, null, "项目负责人及电话", null, "王建华0558-6127340", null, null},
            {"主管部门", "青山县乡村振兴局", null, null, "实施单位", null, "青山县桃源镇人民政府", null, null},
            {"资金情况（万元）", "", null, "全年预算数（A）", "全年执行数（B）", null, "分值", "执行率（B/A）", "得分"},
            {"^", "年度资金总额：", null, "#300", "#295.6", null, "#10", "%0.9853", "#9.85"},
            {"^", "其中：本年财政拨款", null, "#300", "#295.6", null, "#10", "%0.9853", "#9.85"},
            {"^", "其他资金", null, "#0", "#0", null, "", "", ""},
            {"年度总体目标", "年初设定目标", null, null, "年度总体目标完成情况综述", null, null, null, null},
            {"^", "新建高标准桃园500亩，带动脱贫户（监测户）120户发展桃产业，户均年增收1000元以上，项目区群众满意度达到90%以上。",
                null, null, "新建桃园520亩，栽植桃苗3.6万株，苗木成活率95%；带动脱贫户（监测户）126户，吸纳脱贫人口务工62人，"
                + "因春季低温挂果推迟，户均增收950元，群众满意度96%。", null, null, null, null},
            {"绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"},
            {"^", "产出指标（50分）", "数量指标", "★新建桃园面积", "#15", "≥500亩", "520亩", "#15", ""},
            {"^", "^", "^", "其中桃树种植面积", "", "≥450亩", "480亩", "", ""},
            {"^", "^", "质量指标", "★苗木成活率", "#15", "≥90%", "95%", "#15", ""},
            {"^", "^", "时效指标", "项目完工及时率", "#10", "100%", "100%", "#10", ""},
            {"^", "^", "成本指标", "每亩补助标准", "#10", "≤2000元", "1800元", "#10", ""},
            {"^", "效益指标（30分）", "经济效益指标", "★带动脱贫户（监测户）户均增收", "#10", "≥1000元", "950元", "#8",
                "春季低温致部分桃园挂果推迟；拟加强技术指导，拓宽线上销售渠道。"},
            {"^", "^", "社会效益指标", "带动脱贫人口就业人数", "#10", "≥50人", "62人", "#10", ""},
            {"^", "^", "可持续影响指标", "项目持续发挥效益年限", "#10", "≥10年", "≥10年", "#10", ""},
            {"^", "满意度指标（10分）", "服务对象满意度指标", "受益脱贫人口满意度", "#10", "≥90%", "96%", "#10", ""},
            {"总分", null, null, null, "#100", "", null, "#97.85", ""},
            {"注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分，二级、三级指标分值由各地结合"
                + "实际设置。2.带★的为核心指标。3.“其中”行为细化指标，不单独计分。", null, null, null, null, null, null, null, null},
        };
    }

    /**
     * {@code examples/sichuan-2023.json} on Sichuan's 部门预算项目支出绩效自评表 (报表编号 510000_0013zp) as the
     * province's budget system exports it: 原因 merged down the five funds rows, {@code /} in their 权重 and 得分,
     * amounts as number cells and 执行率 as percent cells, 合计, the signatures with the names after the colons.
     */
    static String[][] sichuanForm() {
        return new String[][] {
            {"报表编号：510000_0013zp", null, null, "", "", "", "", "", "", "", ""},
            {"部门预算项目支出绩效自评表（2023年度）", null, null, null, null, null, null, null, null, null, null},
            {"项目名称", "51082423T000000123456-云溪县2023年农村供水保障工程", null, null, null, null, null, null, null, null,
                null},
            {"主管部门", "云溪县水利局", null, null, null, "实施单位（盖章）", null, "云溪县农村供水服务中心", null, null, null},
            {"项目基本情况", "1.项目年度目标完成情况", null, "项目年度目标", null, null, null, "年度目标完成情况", null, null,
                null},
            {"^", "^", null, "新建集中供水工程3处，改造供水管网12公里，巩固提升8000名农村人口供水保障水平。", null, null, null,
                "建成集中供水工程3处，改造供水管网12.6公里，受益人口8450人，工程全部通过竣工验收。", null, null, null},
            {"^", "2.项目实施内容及过程概述", null, "2023年3月完成招投标，4月开工，10月完工，11月组织竣工验收；县财政局、县水利局"
                + "全过程跟踪项目进度和资金支付。", null, null, null, null, null, null, null},
            {"预算执行情况（10分）", "年度预算数（万元）", null, "年初预算", "调整后预算数", null, "预算执行数", "预算执行率", "权重",
                "得分", "原因"},
            {"^", "总额", null, "#480", "#480", null, "#472.3", "%0.984", "#10", "#9.84",
                "管网材料集中采购价格低于预算，结余7.7万元，已按规定收回。"},
            {"^", "其中：财政资金", null, "#450", "#450", null, "#445.3", "%0.9896", "/", "/", "^"},
            {"^", "财政专户管理资金", null, "", "", null, "", "", "/", "/", "^"},
            {"^", "单位资金", null, "#30", "#30", null, "#27", "%0.9", "/", "/", "^"},
            {"^", "其他资金", null, "", "", null, "", "", "/", "/", "^"},
            {"绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分",
                "未完成原因分析"},
            {"^", "产出指标", "数量指标", "新建集中供水工程", "≥", "3", "处", "3", "#15", "#15", ""},
            {"^", "^", "^", "改造供水管网长度", "≥", "12", "公里", "12.6", "#15", "#15", ""},
            {"^", "^", "质量指标", "工程竣工验收合格率", "=", "100", "%", "100", "#10", "#10", ""},
            {"^", "^", "时效指标", "工程按期完工率", "≥", "95", "%", "100", "#5", "#5", ""},
            {"^", "^", "成本指标", "项目总成本", "≤", "480", "万元", "472.3", "#5", "#5", ""},
            {"^", "效益指标", "社会效益指标", "受益农村人口", "≥", "8000", "人", "8450", "#10", "#10", ""},
            {"^", "^", "^", "农村供水保障水平", "定性", "明显提升", "", "有所提升", "#5", "#4",
                "部分高位村组水压不足；拟于2024年加装加压泵站。"},
            {"^", "^", "可持续影响指标", "工程设计使用年限", "≥", "20", "年", "20", "#15", "#15", ""},
            {"^", "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", "90", "%", "93", "#10", "#10", ""},
            {"合计", null, null, null, null, null, null, null, "#100", "#98.84", ""},
            {"评价结论", "项目完成年度绩效目标，自评得分98.84分，评价等级为优。", null, null, null, null, null, null, null, null, null},
            {"存在问题", "个别高位村组供水压力不足，部分群众对水费收缴方式了解不够。", null, null, null, null, null, null, null, null,
                null},
            {"改进措施", "加装加压泵站，完善水费收缴公示制度，加强工程日常管护。", null, null, null, null, null, null, null, null,
                null},
            {"项目负责人：赵明远", null, null, null, null, null, "财务负责人：刘芳", null, null, null, null},
        };
    }

    /** A copy of a form's rows, to change some cells of. */
    static String[][] copy(String[][] form) {
        String[][] copy = new String[form.length][];
        for (int r = 0; r < form.length; r++) {
            copy[r] = form[r].clone();
        }
        return copy;
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
                String[] lines = shown(text).split("\n", -1);
                current.getParagraphs().get(0).createRun().setText(lines[0]);
                for (int i = 1; i < lines.length; i++) {
                    current.addParagraph().createRun().setText(lines[i]);
                }
            }
        }
    }

    /** What a number or percent cell shows: {@code #180.97212} is 180.97212, {@code %0.87} is 87.00%. */
    private static String shown(String text) {
        if (NUMBER_CELL.matcher(text).matches()) {
            return text.substring(1);
        }
        return PERCENT_CELL.matcher(text).matches() ? new BigDecimal(text.substring(1)).movePointRight(2)
                .setScale(2, RoundingMode.HALF_UP).toPlainString() + "%" : text;
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
                        if (NUMBER_CELL.matcher(text).matches()) {
                            cell.setCellValue(Double.parseDouble(text.substring(1)));
                        } else if (PERCENT_CELL.matcher(text).matches()) {
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
