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
     * The most cells an .xls may hold: POI keeps every cell of an .xls in memory (some 100 bytes each), where of an
     * .xlsx it reads only what {@link #MAX_XML_PART_BYTES} lets through. A form has a few hundred to a few thousand.
     */
    static final long MAX_XLS_CELLS = 200_000;
    /**
     * The most cells one sheet of an .xlsx may hold, counted before POI builds the workbook: a sheet within
     * {@link #MAX_XML_PART_BYTES} can hold half a million cells, and POI holds each in about 390 bytes (a sheet of
     * 50,000 one-digit cells took 18 MB, measured), so eight uploads at once of the largest sheet allowed take some
     * 150 MB. A form of 1,000 indicators is about 10,000 cells.
     */
    static final long MAX_SHEET_CELLS = 50_000;
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
