package cn.jixiao.render.docx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/** A produced DOCX read back with POI, as the grid of cells Word shows. */
public final class DocxInspection {

    /** How a cell takes part in a vertical merge. */
    public enum Merge { NONE, RESTART, CONTINUE }

    /** A {@code w:tc} as Word reads it: where it starts on the grid, how wide it is, its merge and its text. */
    public record TableCell(int column, int columnSpan, Merge merge, String text, XWPFTableCell cell) {
    }

    /** A {@code w:tr} with its table and position in it. */
    public record TableRow(int table, int index, XWPFTableRow row, List<TableCell> cells) {
        public TableCell cellAt(int column) {
            return cells.stream().filter(cell -> cell.column() == column).findFirst().orElse(null);
        }
    }

    private DocxInspection() {
    }

    public static XWPFDocument open(byte[] docx) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    /** Every row of every body table, top to bottom. */
    public static List<TableRow> rows(XWPFDocument document) {
        List<TableRow> rows = new ArrayList<>();
        List<XWPFTable> tables = document.getTables();
        for (int t = 0; t < tables.size(); t++) {
            List<XWPFTableRow> tableRows = tables.get(t).getRows();
            for (int r = 0; r < tableRows.size(); r++) {
                List<TableCell> cells = new ArrayList<>();
                int column = 0;
                for (XWPFTableCell cell : tableRows.get(r).getTableCells()) {
                    CTTcPr properties = cell.getCTTc().getTcPr();
                    int span = properties != null && properties.isSetGridSpan()
                            ? properties.getGridSpan().getVal().intValue() : 1;
                    Merge merge = Merge.NONE;
                    if (properties != null && properties.isSetVMerge()) {
                        merge = properties.getVMerge().isSetVal()
                                && properties.getVMerge().getVal() == STMerge.RESTART ? Merge.RESTART : Merge.CONTINUE;
                    }
                    cells.add(new TableCell(column, span, merge, text(cell), cell));
                    column += span;
                }
                rows.add(new TableRow(t, r, tableRows.get(r), cells));
            }
        }
        return rows;
    }

    public static String text(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
    }
}
