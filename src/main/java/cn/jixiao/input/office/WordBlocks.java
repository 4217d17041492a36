package cn.jixiao.input.office;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word document's body as blocks: its paragraphs, and the rows of its tables on their column grid. A cell spanning
 * columns ({@code w:gridSpan}, or the older {@code w:hMerge}) fills each column it spans; a cell continuing a
 * vertical merge ({@code w:vMerge}) is the cell above it.
 */
final class WordBlocks {

    private WordBlocks() {
    }

    static List<Block> of(XWPFDocument document, int maxRows) throws OfficeFileException {
        List<Block> blocks = new ArrayList<>();
        int tableNumber = 0;
        int rows = 0;
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                blocks.add(new Block.Text(paragraph.getText()));
            } else if (element instanceof XWPFTable table) {
                tableNumber++;
                rows += table.getNumberOfRows();
                if (rows > maxRows) {
                    throw new OfficeFileException(String.format(Locale.ROOT, "has more than %,d table rows; a form"
                            + " has at most a thousand indicators", maxRows));
                }
                table(table, "table " + tableNumber, blocks);
            }
        }
        return blocks;
    }

    private static void table(XWPFTable table, String part, List<Block> blocks) {
        List<SourceCell> above = List.of();
        for (int r = 0; r < table.getNumberOfRows(); r++) {
            XWPFTableRow row = table.getRow(r);
            List<SourceCell> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr properties = cell.getCTTc().getTcPr();
                int span = span(properties);
                int column = cells.size();
                SourceCell source;
                if (properties != null && properties.isSetVMerge()
                        && properties.getVMerge().getVal() != STMerge.RESTART) {
                    source = column < above.size() ? above.get(column) : null;
                } else if (properties != null && properties.isSetHMerge()
                        && properties.getHMerge().getVal() != STMerge.RESTART && column > 0) {
                    source = cells.get(column - 1);
                } else {
                    String text = text(cell);
                    source = text.isBlank() ? null : new SourceCell(text, part,
                            part + ", row " + (r + 1) + ", column " + (column + 1));
                }
                for (int i = 0; i < span; i++) {
                    cells.add(source);
                }
            }
            blocks.add(new Block.Row(cells));
            above = cells;
        }
    }

    private static int span(CTTcPr properties) {
        if (properties == null || !properties.isSetGridSpan()) {
            return 1;
        }
        BigInteger span = properties.getGridSpan().getVal();
        return span == null ? 1 : Math.max(1, Math.min(span.intValue(), 64));
    }

    /** The cell's paragraphs, one line each; a line break inside a paragraph stays a line break. */
    private static String text(XWPFTableCell cell) {
        List<String> lines = new ArrayList<>();
        for (XWPFParagraph paragraph : cell.getParagraphs()) {
            lines.add(paragraph.getText());
        }
        return String.join("\n", lines);
    }
}
