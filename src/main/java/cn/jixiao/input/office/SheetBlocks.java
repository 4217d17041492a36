package cn.jixiao.input.office;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * A workbook's sheets as blocks, row by row. A cell's text is what Excel shows ({@link DataFormatter}): a number
 * cell gives the digits its format shows, so {@code 180.97212} stays {@code 180.97212} rather than the double
 * {@code 180.97211999999999}, and a percent cell holding 0.87 gives {@code 87.00%}. A formula gives the value Excel
 * saved with it; no formula is evaluated. A merged region is its top-left cell at every position it covers.
 */
final class SheetBlocks {

    private SheetBlocks() {
    }

    static List<Block> of(Workbook workbook, int maxRows, int maxColumns) throws OfficeFileException {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        formatter.setUseCachedValuesForFormulaCells(true);
        List<Block> blocks = new ArrayList<>();
        for (Sheet sheet : workbook) {
            if (sheet.getSheetName().equals(OfficeImport.INSTRUCTIONS_SHEET)
                    || workbook.isSheetHidden(workbook.getSheetIndex(sheet))
                    || workbook.isSheetVeryHidden(workbook.getSheetIndex(sheet))) {
                continue;
            }
            sheet(sheet, formatter, maxRows, maxColumns, blocks);
        }
        return blocks;
    }

    private static void sheet(Sheet sheet, DataFormatter formatter, int maxRows, int maxColumns, List<Block> blocks)
            throws OfficeFileException {
        String part = "sheet \"" + sheet.getSheetName() + "\"";
        int lastRow = sheet.getLastRowNum();
        if (lastRow >= maxRows || sheet.getPhysicalNumberOfRows() > maxRows) {
            throw new OfficeFileException(String.format(Locale.ROOT, "%s has %,d rows; a form has at most %,d", part,
                    lastRow + 1, maxRows));
        }
        int columns = 0;
        for (Row row : sheet) {
            columns = Math.max(columns, row.getLastCellNum());
        }
        if (columns > maxColumns) {
            throw new OfficeFileException(String.format(Locale.ROOT, "%s has %,d columns; a form has at most %,d",
                    part, columns, maxColumns));
        }
        // Each merged region's top-left cell, at every position it covers (within the used rows and columns).
        Map<Long, SourceCell> merged = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            SourceCell origin = cell(sheet, region.getFirstRow(), region.getFirstColumn(), formatter, part);
            for (int r = region.getFirstRow(); r <= Math.min(region.getLastRow(), lastRow); r++) {
                for (int c = region.getFirstColumn(); c <= Math.min(region.getLastColumn(), columns - 1); c++) {
                    merged.put(key(r, c), origin);
                }
            }
        }
        for (int r = 0; r <= lastRow; r++) {
            List<SourceCell> cells = new ArrayList<>(columns);
            boolean any = false;
            for (int c = 0; c < columns; c++) {
                long key = key(r, c);
                SourceCell cell = merged.containsKey(key) ? merged.get(key) : cell(sheet, r, c, formatter, part);
                cells.add(cell);
                any |= cell != null;
            }
            if (any) {
                blocks.add(new Block.Row(cells));
            }
        }
    }

    private static SourceCell cell(Sheet sheet, int r, int c, DataFormatter formatter, String part) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        if (cell == null) {
            return null;
        }
        String text = formatter.formatCellValue(cell);
        return text.isBlank() ? null
                : new SourceCell(text, part, part + " " + new CellReference(r, c).formatAsString(false));
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }
}
