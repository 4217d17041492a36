package cn.jixiao.input.office;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

/**
 * POI's protections against hostile files, set explicitly rather than trusted to defaults. They are global to the
 * JVM, and generous for any real form: a form's parts are a few hundred kilobytes.
 */
final class PoiLimits {

    /** Larger files are refused before POI opens them. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** What one part of an archive may expand to; embedded fonts of a Word file can be tens of megabytes. */
    static final long MAX_PART_BYTES = 100L * 1024 * 1024;
    /**
     * What one XML part (a sheet, the document, the shared strings) may expand to before POI builds it in memory:
     * a sheet of a million rows is refused here instead of filling the heap. Built, a part takes about 13 times its
     * size (a 15 MB sheet filled a 256 MB heap, measured); a form of 1,000 indicators is about 4 MB of Word XML.
     */
    static final long MAX_XML_PART_BYTES = 8L * 1024 * 1024;
    /** A part may expand at most 100 times its compressed size (a zip bomb expands thousands of times). */
    static final double MIN_INFLATE_RATIO = 0.01;
    static final long MAX_TEXT_CHARACTERS = 10_000_000;
    /**
     * The most cells one sheet may hold, counted before POI builds the workbook: a sheet of an .xlsx within
     * {@link #MAX_XML_PART_BYTES} can hold half a million cells. A form of 1,000 indicators is about 10,000 cells.
     */
    static final long MAX_SHEET_CELLS = 50_000;
    /**
     * The most cells all the sheets of a workbook (hidden ones too) may hold together, counted before POI builds it:
     * POI holds every cell in memory, of an .xlsx some 390 bytes for the barest cell ({@code <c><v>7</v></c>}) and 680
     * for one as Excel and POI write it (with its reference and type), of an .xls some 100 (measured), so the largest
     * workbook allowed takes up to 140 MB (the service reads one Office file at a time). Without it, 20 sheets each
     * just within {@link #MAX_SHEET_CELLS} passed. A real unit's workbook has one sheet per project of 150 to 400
     * cells (a sheet of {@code template --xlsx} has 182, one formatted in Excel more): this is 500 projects of 400
     * cells, where a large unit reports a few hundred projects.
     */
    static final long MAX_WORKBOOK_CELLS = 200_000;
    /**
     * The most rows all the sheets of a workbook may hold together: a row costs POI some 400 bytes of an .xlsx and
     * 230 of an .xls even with no cell in it (measured), so 1,000 sheets of empty rows, each within
     * {@code OfficeImport.MAX_ROWS}, would take 2 GB. A real form has 20 to 60 rows: this is 1,000 projects of 100.
     */
    static final long MAX_WORKBOOK_ROWS = 100_000;
    static final long MAX_PARTS = 1000;

    private PoiLimits() {
    }

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARACTERS);
        ZipSecureFile.setMaxFileCount(MAX_PARTS);
        // No single array POI allocates while reading (a record of an .xls, a part) may exceed the largest file.
        IOUtils.setByteArrayMaxOverride((int) MAX_FILE_BYTES);
    }

    /** Sets the limits, once per JVM. */
    static void apply() {
        // the static initializer did it
    }
}
