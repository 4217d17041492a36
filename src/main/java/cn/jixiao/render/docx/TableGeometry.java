package cn.jixiao.render.docx;

import java.util.List;
import org.apache.poi.ooxml.util.POIXMLUnits;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGridCol;

/** The template's measures the form table is laid out in: its grid columns, and the page's height for rows. */
final class TableGeometry {

    /** EMU per twip: POI measures lengths in EMU. */
    private static final long EMU_PER_TWIP = 635;
    /** A4 less the form's top and bottom margins of 43 pt, for a template without a page size. */
    private static final long DEFAULT_PAGE_BODY = 16838 - 2 * 860;

    private TableGeometry() {
    }

    /**
     * The table's grid column widths in twips.
     *
     * @param columns the number of grid columns the form has; {@code 0} for a form whose template states its own grid
     */
    static long[] columnWidths(CTTbl table, int columns) throws DocxException {
        List<CTTblGridCol> grid = table.getTblGrid() == null ? List.of() : table.getTblGrid().getGridColList();
        if (columns > 0 ? grid.size() != columns : grid.isEmpty()) {
            throw new DocxException("has a table of " + grid.size() + " grid columns; the form has "
                    + (columns > 0 ? columns : "at least one"));
        }
        long[] widths = new long[grid.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = POIXMLUnits.parseLength(grid.get(i).xgetW()) / EMU_PER_TWIP;
        }
        return widths;
    }

    /** Page height less top and bottom margins, in twips. */
    static long pageBodyHeight(CTSectPr section) {
        if (section == null || section.getPgSz() == null || section.getPgMar() == null) {
            return DEFAULT_PAGE_BODY;
        }
        return (POIXMLUnits.parseLength(section.getPgSz().xgetH())
                - POIXMLUnits.parseLength(section.getPgMar().xgetTop())
                - POIXMLUnits.parseLength(section.getPgMar().xgetBottom())) / EMU_PER_TWIP;
    }
}
