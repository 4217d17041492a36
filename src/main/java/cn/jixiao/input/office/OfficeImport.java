package cn.jixiao.input.office;

import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.diagnostics.Diagnostic.Severity;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.MulBlankRecord;
import org.apache.poi.hssf.record.MulRKRecord;
import org.apache.poi.hssf.record.RowRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Reads 项目支出绩效自评表 from Word ({@code .docx}) and Excel ({@code .xlsx}, {@code .xlsm}, {@code .xls}) files
 * with Apache POI: the forms are found by their labels ({@link FormRecognizer}), turned into the JSON of the contract
 * and checked by the same {@link EvaluationReader} as a JSON file. Diagnostics name the sheet and cell (or table, row
 * and column) the value came from, not a JSON path.
 *
 * <p>Reading never throws: a file that cannot be read (encrypted, a zip bomb, a DOCTYPE, not what its extension
 * says, too large) gives one error naming the file. Macros are never run: a macro workbook is read as data.
 */
public final class OfficeImport {

    /** A sheet explaining a workbook, such as the one {@code template --xlsx} adds: not read. */
    public static final String INSTRUCTIONS_SHEET = "说明";

    /** A form has at most 1,000 indicators; with headers repeated on every page this is plenty. */
    static final int MAX_ROWS = 5_000;
    static final int MAX_COLUMNS = 100;

    /** The forms of one file: what reading gave for each, and its JSON (to write as the import's output). */
    public record Imported(List<ProjectInput> projects, List<JsonNode> json) {
    }

    private enum Kind { WORD, EXCEL, OLD_EXCEL }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final EvaluationReader reader;

    public OfficeImport(EvaluationReader reader) {
        PoiLimits.apply();
        this.reader = reader;
    }

    /** Whether the file is named as a Word or Excel file this class reads. */
    public static boolean handles(Path file) {
        return kind(name(file)) != null;
    }

    /** Whether a file of this name (such as an upload's) is a Word or Excel file this class reads. */
    public static boolean handles(String fileName) {
        return kind(fileName) != null;
    }

    /** A JSON file through the reader, a Word or Excel file through the import. */
    public static List<ProjectInput> read(EvaluationReader reader, Path file) {
        return handles(file) ? new OfficeImport(reader).read(file).projects() : reader.read(file);
    }

    /**
     * The forms of a file in document order. When the file cannot be read or holds no form, one result with index 0
     * and the error that says why; {@link Imported#json()} is then empty.
     */
    public Imported read(Path file) {
        return read(file.toString(), kind(name(file)), new FileContent(file));
    }

    /**
     * {@link #read(Path)} of a file already in memory, such as an upload: the same checks and limits.
     *
     * @param fileName what the diagnostics call the file; its extension says what it must be
     */
    public Imported read(String fileName, byte[] content) {
        return read(fileName, kind(fileName), new BytesContent(content));
    }

    /**
     * {@link #read(Path)} of a file stored under another name, such as an upload written to a temporary file: the
     * same checks and limits, and read from disk as POI reads any file, part by part rather than whole.
     *
     * @param fileName what the diagnostics call the file; its extension says what it must be
     */
    public Imported read(String fileName, Path file) {
        return read(fileName, kind(fileName), new FileContent(file));
    }

    private Imported read(String file, Kind kind, Content content) {
        List<Diagnostic> fileWarnings = new ArrayList<>();
        List<Block> blocks;
        try {
            blocks = blocks(file, kind, content, fileWarnings);
        } catch (OfficeFileException e) {
            return fileError(file, e.getMessage());
        }
        FormRecognizer.Result found = FormRecognizer.recognize(blocks);
        if (found.forms().isEmpty()) {
            return fileError(file, "holds no 项目支出绩效自评表: no cell reads 项目名称");
        }
        ArrayNode root = ImportedForm.NODES.arrayNode();
        found.forms().forEach(form -> root.add(form.json()));
        List<ProjectInput> checked = reader.read(file, root);
        List<ProjectInput> projects = new ArrayList<>();
        List<JsonNode> json = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            ProjectInput project = checked.get(i);
            ImportedForm form = found.forms().get(i);
            List<Diagnostic> diagnostics = new ArrayList<>();
            List<ImportedForm.Finding> findings = new ArrayList<>(i == 0 ? found.outside() : List.of());
            findings.addAll(form.findings());
            for (ImportedForm.Finding finding : findings) {
                diagnostics.add(new Diagnostic(finding.error() ? Severity.ERROR : Severity.WARNING, file,
                        project.index(), project.name(), null, finding.message(), finding.source()));
            }
            if (i == 0) {
                fileWarnings.forEach(warning -> diagnostics.add(0, warning));
            }
            for (Diagnostic diagnostic : project.diagnostics()) {
                String path = diagnostic.path() != null ? diagnostic.path() : JsonPath.ROOT;
                diagnostics.add(diagnostic.withSource(form.source(path)));
            }
            boolean usable = !form.hasErrors() && project.evaluation() != null;
            projects.add(new ProjectInput(file, project.index(), project.name(),
                    usable ? project.evaluation() : null, diagnostics, form::source));
            json.add(usable ? form.json() : null);
        }
        return new Imported(projects, json);
    }

    /**
     * The forms as the JSON file {@code import} writes: an array, pretty-printed with two spaces, UTF-8, numbers
     * with exactly their decimals ({@code 180.97212}, {@code 87.00}), Chinese as it is (not escaped).
     */
    public static byte[] toJson(List<JsonNode> forms) throws IOException {
        ArrayNode array = ImportedForm.NODES.arrayNode();
        forms.forEach(array::add);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        byte[] json = JSON.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                        .withObjectIndenter(indenter).withArrayIndenter(indenter))
                .writeValueAsBytes(array);
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    private static Imported fileError(String file, String message) {
        Diagnostic error = new Diagnostic(Severity.ERROR, file, 0, null, null, message);
        return new Imported(List.of(new ProjectInput(file, 0, null, null, List.of(error))), List.of());
    }

    private static String name(Path file) {
        return file.getFileName() == null ? "" : file.getFileName().toString();
    }

    private static Kind kind(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".docx")) {
            return Kind.WORD;
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return Kind.EXCEL;
        }
        return name.endsWith(".xls") ? Kind.OLD_EXCEL : null;
    }

    /**
     * The bytes of a file, on disk or in memory: POI opens a file on disk without reading it whole, and one in memory
     * without writing it anywhere.
     */
    private interface Content {
        long size() throws IOException;

        InputStream open() throws IOException;

        POIFSFileSystem ole2() throws IOException;

        OPCPackage ooxml() throws IOException, InvalidFormatException;
    }

    private record FileContent(Path file) implements Content {
        @Override
        public long size() throws IOException {
            return Files.size(file);
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public POIFSFileSystem ole2() throws IOException {
            return new POIFSFileSystem(file.toFile(), true);
        }

        @Override
        public OPCPackage ooxml() throws InvalidFormatException {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        }
    }

    private record BytesContent(byte[] bytes) implements Content {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public POIFSFileSystem ole2() throws IOException {
            return new POIFSFileSystem(open());
        }

        @Override
        public OPCPackage ooxml() throws IOException, InvalidFormatException {
            // POI's ZipSecureFile limits apply to a package read from a stream as to one read from a file.
            return OPCPackage.open(open());
        }
    }

    private static List<Block> blocks(String file, Kind kind, Content content, List<Diagnostic> warnings)
            throws OfficeFileException {
        try {
            if (content.size() > PoiLimits.MAX_FILE_BYTES) {
                throw new OfficeFileException("is larger than " + (PoiLimits.MAX_FILE_BYTES >> 20) + " MB");
            }
            FileMagic magic;
            try (InputStream in = new BufferedInputStream(content.open())) {
                magic = FileMagic.valueOf(in);
            }
            if (magic == FileMagic.OLE2) {
                return ole2(content, kind);
            }
            if (magic == FileMagic.OOXML && kind != Kind.OLD_EXCEL) {
                return ooxml(file, content, kind, warnings);
            }
            throw new OfficeFileException(notWhatItSays(kind, magic));
        } catch (NoSuchFileException e) {
            throw new OfficeFileException("no such file");
        } catch (AccessDeniedException e) {
            throw new OfficeFileException("permission denied");
        } catch (IOException | RuntimeException e) {
            throw new OfficeFileException(describe(kind, e));
        }
    }

    private static String notWhatItSays(Kind kind, FileMagic magic) {
        String what = switch (magic) {
            case OOXML -> "a Word or Excel 2007 file (.docx or .xlsx)";
            case HTML -> "a web page (HTML), as some systems export under an Excel name";
            case XML -> "XML";
            case PDF -> "a PDF";
            case BIFF2, BIFF3, BIFF4 -> "an Excel 2–4 workbook, too old to read";
            case RTF -> "an RTF document";
            default -> "not a Word or Excel file";
        };
        return "is " + (kind == Kind.WORD ? "not a Word document" : "not an Excel workbook") + " but " + what
                + "; open it in Word or Excel and save it as " + (kind == Kind.WORD ? ".docx" : ".xlsx");
    }

    /** An OLE2 file: an Excel 97–2003 workbook, or an encrypted (password-protected) .docx or .xlsx. */
    private static List<Block> ole2(Content content, Kind kind) throws IOException, OfficeFileException {
        try (POIFSFileSystem ole = content.ole2()) {
            if (ole.getRoot().hasEntryCaseInsensitive(Decryptor.DEFAULT_POIFS_ENTRY)) {
                throw new OfficeFileException(encrypted());
            }
            boolean word = ole.getRoot().hasEntryCaseInsensitive("WordDocument");
            boolean excel = ole.getRoot().hasEntryCaseInsensitive("Workbook")
                    || ole.getRoot().hasEntryCaseInsensitive("Book");
            if (kind != Kind.OLD_EXCEL || !excel) {
                throw new OfficeFileException("is " + (word ? "a Word 97–2003 document (.doc)"
                        : excel ? "an Excel 97–2003 workbook (.xls)" : "an old Office file") + ", not a "
                        + (kind == Kind.WORD ? ".docx" : kind == Kind.EXCEL ? ".xlsx" : "workbook")
                        + (word && kind == Kind.WORD ? "; save it in Word as .docx" : "; rename or re-save it"));
            }
            try {
                refuseTooLargeXls(ole);
                try (HSSFWorkbook workbook = new HSSFWorkbook(ole.getRoot(), false)) {
                    return SheetBlocks.of(workbook, MAX_ROWS, MAX_COLUMNS);
                }
            } catch (EncryptedDocumentException e) {
                throw new OfficeFileException(encrypted());
            } catch (OldExcelFormatException e) {
                throw new OfficeFileException("is an Excel 5.0/95 workbook, too old to read; save it as .xlsx");
            }
        }
    }

    /**
     * Refuses an .xls too large for a workbook of forms ({@link WorkbookSize}) before POI reads it as a workbook,
     * which keeps every row and cell in memory: counted as the records stream by, none of them kept.
     */
    private static void refuseTooLargeXls(POIFSFileSystem ole) throws IOException, OfficeFileException {
        List<BoundSheetRecord> names = new ArrayList<>();
        List<long[]> sheets = new ArrayList<>(); // rows and cells of each sheet, in the file's order
        int[] depth = {0}; // a sheet's substream can hold others (a chart's), each from its BOF record to its EOF
        HSSFRequest request = new HSSFRequest();
        request.addListenerForAllRecords(record -> {
            if (record instanceof BOFRecord bof) {
                if (depth[0]++ == 0 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
                    sheets.add(new long[2]);
                }
            } else if (record instanceof EOFRecord) {
                depth[0]--;
            } else if (record instanceof BoundSheetRecord name) {
                names.add(name);
            } else if (!sheets.isEmpty()) {
                long[] sheet = sheets.get(sheets.size() - 1);
                sheet[0] += record instanceof RowRecord ? 1 : 0;
                sheet[1] += record instanceof CellValueRecordInterface ? 1
                        : record instanceof MulRKRecord numbers ? numbers.getNumColumns()
                        : record instanceof MulBlankRecord blanks ? blanks.getNumColumns() : 0;
            }
        });
        new HSSFEventFactory().processWorkbookEvents(request, ole);
        BoundSheetRecord[] ordered = BoundSheetRecord.orderByBofPosition(names);
        WorkbookSize size = new WorkbookSize();
        for (int i = 0; i < sheets.size(); i++) {
            size.add(i < ordered.length ? ordered[i].getSheetname() : String.valueOf(i + 1), sheets.get(i)[0],
                    sheets.get(i)[1]);
        }
        size.refuseTooLarge();
    }

    private static String encrypted() {
        return "is encrypted (password-protected); save it without a password and import it again";
    }

    private static List<Block> ooxml(String file, Content content, Kind kind, List<Diagnostic> warnings)
            throws IOException, OfficeFileException {
        OPCPackage pkg;
        try {
            pkg = content.ooxml();
        } catch (InvalidFormatException e) {
            throw new OfficeFileException(describe(kind, e));
        }
        try {
            List<PackagePart> main = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
            String type = main.isEmpty() ? "" : main.get(0).getContentType();
            boolean word = type.contains("wordprocessingml") || type.contains("ms-word");
            boolean excel = type.contains("spreadsheetml") || type.contains("ms-excel");
            if (kind == Kind.WORD && !word || kind == Kind.EXCEL && !excel) {
                throw new OfficeFileException("is " + (word ? "a Word document" : excel ? "an Excel workbook"
                        : "an Office file of another kind") + ", not " + (kind == Kind.WORD ? "a Word document"
                        : "an Excel workbook") + (word ? "; rename it to .docx" : excel ? "; rename it to .xlsx" : ""));
            }
            for (PackagePart part : pkg.getParts()) {
                if (part.getPartName().getName().toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                    warnings.add(new Diagnostic(Severity.WARNING, file, 0, null, null,
                            "holds macros: read as data only, the macros are not run"));
                }
                if (part.getContentType().endsWith("xml") && !(part instanceof PackagePropertiesPart)
                        && expandsBeyond(part, PoiLimits.MAX_XML_PART_BYTES)) {
                    throw new OfficeFileException("has a part (" + part.getPartName().getName()
                            + ") larger than " + (PoiLimits.MAX_XML_PART_BYTES >> 20) + " MB of XML,"
                            + " far more than any form (a sheet of a million rows?)");
                }
            }
            if (word) {
                try (XWPFDocument document = new XWPFDocument(pkg)) {
                    return WordBlocks.of(document, MAX_ROWS);
                }
            }
            refuseTooLargeXlsx(pkg);
            try (XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
                return SheetBlocks.of(workbook, MAX_ROWS, MAX_COLUMNS);
            }
        } catch (InvalidFormatException e) {
            throw new OfficeFileException(describe(kind, e));
        } finally {
            pkg.revert(); // opened read-only: nothing is written back
        }
    }

    /**
     * Refuses an .xlsx too large for a workbook of forms ({@link WorkbookSize}) before POI builds the workbook, which
     * holds every row and cell of every sheet (hidden ones too) in memory: counted in one StAX pass over each sheet's
     * XML, none of it kept. A sheet within {@link PoiLimits#MAX_XML_PART_BYTES} can still hold half a million cells.
     */
    private static void refuseTooLargeXlsx(OPCPackage pkg) throws IOException, OfficeFileException {
        try {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            WorkbookSize size = new WorkbookSize();
            while (sheets.hasNext()) {
                long rows = 0;
                long cells = 0;
                try (InputStream in = sheets.next()) {
                    XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                            // <row> and <c> occur only in the sheet's <sheetData>.
                            rows += xml.getLocalName().equals("row") ? 1 : 0;
                            cells += xml.getLocalName().equals("c") ? 1 : 0;
                        }
                    }
                    xml.close();
                }
                size.add(sheets.getSheetName(), rows, cells);
            }
            size.refuseTooLarge();
        } catch (OpenXML4JException | XMLStreamException e) {
            throw new OfficeFileException(describe(Kind.EXCEL, e));
        }
    }

    /**
     * The rows and cells of a workbook, counted sheet by sheet before POI builds it, within the limits of a sheet
     * ({@link #MAX_ROWS}, {@link PoiLimits#MAX_SHEET_CELLS}) and of the whole workbook
     * ({@link PoiLimits#MAX_WORKBOOK_ROWS}, {@link PoiLimits#MAX_WORKBOOK_CELLS}): the same for .xlsx and .xls.
     */
    private static final class WorkbookSize {
        private int sheets;
        private long rows;
        private long cells;

        /** Adds a sheet; refuses it when it alone is more than a form could be. */
        void add(String name, long sheetRows, long sheetCells) throws OfficeFileException {
            String sheet = "sheet \"" + name + "\"";
            if (sheetRows > MAX_ROWS) {
                throw new OfficeFileException(String.format(Locale.ROOT, "%s has %,d rows; a form has at most %,d",
                        sheet, sheetRows, MAX_ROWS));
            }
            if (sheetCells > PoiLimits.MAX_SHEET_CELLS) {
                throw new OfficeFileException(String.format(Locale.ROOT, "%s has %,d cells; a form has far fewer,"
                        + " and at most %,d are read", sheet, sheetCells, PoiLimits.MAX_SHEET_CELLS));
            }
            sheets++;
            rows += sheetRows;
            cells += sheetCells;
        }

        /** Refuses the workbook when its sheets together are more than a workbook of forms could be. */
        void refuseTooLarge() throws OfficeFileException {
            if (cells > PoiLimits.MAX_WORKBOOK_CELLS) {
                throw new OfficeFileException(String.format(Locale.ROOT, "has %,d cells in %,d sheets; a workbook of"
                        + " forms has far fewer, and at most %,d are read", cells, sheets,
                        PoiLimits.MAX_WORKBOOK_CELLS));
            }
            if (rows > PoiLimits.MAX_WORKBOOK_ROWS) {
                throw new OfficeFileException(String.format(Locale.ROOT, "has %,d rows in %,d sheets; a workbook of"
                        + " forms has far fewer, and at most %,d are read", rows, sheets,
                        PoiLimits.MAX_WORKBOOK_ROWS));
            }
        }
    }

    /** Whether the part expands to more than {@code limit} bytes, counted while inflating, not from its header. */
    private static boolean expandsBeyond(PackagePart part, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = part.getInputStream()) {
            for (int n = in.read(buffer); n >= 0 && total <= limit; n = in.read(buffer)) {
                total += n;
            }
        }
        return total > limit;
    }

    /** One line saying why POI could not read the file, from the exception or one of its causes. */
    private static String describe(Kind kind, Exception e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null && messages.length() < 10_000; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
            if (t instanceof EncryptedDocumentException) {
                return encrypted();
            }
        }
        String all = messages.toString();
        if (all.contains("Zip bomb")) {
            return "looks like a zip bomb: a part would expand more than " + Math.round(1 / PoiLimits.MIN_INFLATE_RATIO)
                    + " times its compressed size or beyond " + (PoiLimits.MAX_PART_BYTES >> 20) + " MB; refused";
        }
        if (all.contains("more internal file entries than expected")) {
            return "holds more than " + PoiLimits.MAX_PARTS + " parts (files in its archive), where a form has a few"
                    + " dozen; refused";
        }
        if (all.contains("DOCTYPE")) {
            return "contains a DOCTYPE declaration, which Office files never need (it can smuggle in external"
                    + " entities); refused";
        }
        // A cut-off archive: "no entries" or a zip error from a file, "Truncated ZIP file" from a stream.
        if (all.contains("entries") || e instanceof OpenXML4JException
                || all.toLowerCase(Locale.ROOT).contains("zip")) {
            return "is damaged: not a complete " + (kind == Kind.WORD ? "Word document" : "Excel workbook")
                    + " archive";
        }
        String first = all.lines().findFirst().orElse(e.getClass().getSimpleName());
        return "cannot be read as " + (kind == Kind.WORD ? "a Word document" : "an Excel workbook") + ": "
                + Diagnostic.printable(first, 200);
    }
}
