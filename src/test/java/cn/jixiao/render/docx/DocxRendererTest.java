package cn.jixiao.render.docx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.layout.FormGrid;
import cn.jixiao.layout.FormGrid.Cell;
import cn.jixiao.layout.FormGrid.Row;
import cn.jixiao.layout.FormGrid.RowKind;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import cn.jixiao.testing.Forms;
import cn.jixiao.model.Goals;
import cn.jixiao.model.Indicator;
import cn.jixiao.testing.TestEngine;
import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DocxRendererTest {

    static final Path TEMPLATE = TestEngine.NATIONAL_TEMPLATES.resolve("form.docx");
    static final FontSettings FONTS = FontSettings.shipped(Path.of("fonts"));
    private static final String FONT_RELATION =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";

    static FontLibrary library;
    static DocxRenderer renderer;

    /** Scans the fonts and reads the template once for all DOCX test classes. */
    @BeforeAll
    static void createRenderer() throws Exception {
        if (renderer != null) {
            return;
        }
        library = FontLibrary.scan(FONTS.directory());
        renderer = new DocxRenderer(TEMPLATE, FONTS, library);
    }

    @Test
    void seedFormMergesAndSpansAreThoseOfFormGrid() throws Exception {
        assertTableFollowsFormGrid(SampleForms.seedForm1());
    }

    @Test
    void fortyIndicatorMergesAndSpansAreThoseOfFormGrid() throws Exception {
        assertTableFollowsFormGrid(SampleForms.fortyIndicators());
    }

    @Test
    void aFormWithoutIndicatorsKeepsTheHeaderAndTotal() throws Exception {
        Evaluation seed = SampleForms.seedForm1();
        assertTableFollowsFormGrid(new Evaluation(seed.year(), seed.projectName(), seed.department(),
                seed.implementingUnit(), null, seed.funds(), seed.goals(), List.of(), null));
    }

    /**
     * Row for row, every FormGrid cell is one Word cell at its grid column with its column span and its text; a cell
     * spanning rows restarts a vertical merge that continues, with the same span, in exactly its later rows.
     */
    private static void assertTableFollowsFormGrid(Evaluation evaluation) throws Exception {
        FormLayout form = FormLayout.of(evaluation);
        List<Row> grid = FormGrid.rows(form);
        List<DocxInspection.TableRow> rows;
        try (XWPFDocument document = DocxInspection.open(renderer.render(form))) {
            rows = DocxInspection.rows(document);
        }
        assertEquals(grid.size(), rows.size(), "one Word row per FormGrid row");
        int[] continuedUntil = new int[FormGrid.COLUMNS];
        int[] continuedSpan = new int[FormGrid.COLUMNS];
        java.util.Arrays.fill(continuedUntil, -1);
        for (int r = 0; r < grid.size(); r++) {
            DocxInspection.TableRow row = rows.get(r);
            int expectedCells = 0;
            for (int column = 0; column < FormGrid.COLUMNS; column++) {
                if (continuedUntil[column] >= r) {
                    DocxInspection.TableCell continued = row.cellAt(column);
                    assertNotNull(continued, "row " + r + " continues the merge at column " + column);
                    assertEquals(DocxInspection.Merge.CONTINUE, continued.merge(), "row " + r + " col " + column);
                    assertEquals(continuedSpan[column], continued.columnSpan(), "row " + r + " col " + column);
                    expectedCells++;
                }
            }
            for (Cell cell : grid.get(r).cells()) {
                DocxInspection.TableCell word = row.cellAt(cell.column());
                String where = "row " + r + " (" + grid.get(r).kind() + ") column " + cell.column();
                assertNotNull(word, where);
                assertEquals(cell.columnSpan(), word.columnSpan(), "gridSpan of " + where);
                assertEquals(cell.text(), word.text(), "text of " + where);
                assertEquals(cell.rowSpan() > 1 ? DocxInspection.Merge.RESTART : DocxInspection.Merge.NONE,
                        word.merge(), "vMerge of " + where);
                if (cell.rowSpan() > 1) {
                    continuedUntil[cell.column()] = r + cell.rowSpan() - 1;
                    continuedSpan[cell.column()] = cell.columnSpan();
                }
                expectedCells++;
            }
            assertEquals(expectedCells, row.cells().size(), "cells in row " + r);
        }
    }

    @Test
    void level1And2GroupsOfTheSeedAreMergedDownTheirRows() throws Exception {
        List<DocxInspection.TableRow> rows;
        try (XWPFDocument document = DocxInspection.open(renderer.render(FormLayout.of(SampleForms.seedForm1())))) {
            rows = DocxInspection.rows(document).stream().filter(row -> row.table() == 1).toList();
        }
        // Table 2: header, nine indicators (产出指标 ×4, 效益指标 ×4, 满意度 ×1), 总分.
        List<String> level1 = new ArrayList<>();
        for (DocxInspection.TableRow row : rows.subList(1, 10)) {
            DocxInspection.TableCell cell = row.cellAt(1);
            level1.add(cell.merge() + ":" + cell.text());
        }
        assertEquals(List.of("RESTART:产出指标", "CONTINUE:", "CONTINUE:", "CONTINUE:", "RESTART:效益指标",
                "CONTINUE:", "CONTINUE:", "CONTINUE:", "NONE:满意度"), level1);
        assertEquals(DocxInspection.Merge.RESTART, rows.get(0).cellAt(0).merge(), "绩效指标 starts at the header");
        assertEquals("绩效指标", rows.get(0).cellAt(0).text());
        assertTrue(rows.subList(1, 10).stream().allMatch(row -> row.cellAt(0).merge() == DocxInspection.Merge.CONTINUE));
        assertEquals(DocxInspection.Merge.NONE, rows.get(10).cellAt(0).merge(), "总分 is not part of 绩效指标");
        assertEquals(6, rows.get(10).cellAt(0).columnSpan());
    }

    /**
     * The indicator header row repeats on every page. Indicator rows may break across pages, between two lines, as the
     * PDF's do; every other row moves to the next page whole, unless it is too long for that (here the 1,200-character
     * expected goal): Word would cut it off.
     */
    @Test
    void theIndicatorHeaderRepeatsOnEveryPageAndRowsBreakWhereThePdfsDo() throws Exception {
        Evaluation seed = SampleForms.longDeviation();
        String goal = Forms.prose(1200);
        Evaluation evaluation = new Evaluation(seed.year(), seed.projectName(), seed.department(),
                seed.implementingUnit(), seed.reportDate(), seed.funds(), new Goals(goal, seed.goals().actual()),
                seed.indicators(), seed.totalScore());
        FormLayout form = FormLayout.of(evaluation);
        List<Row> grid = FormGrid.rows(form);
        try (XWPFDocument document = DocxInspection.open(renderer.render(form))) {
            List<DocxInspection.TableRow> rows = DocxInspection.rows(document);
            assertEquals(grid.size(), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                DocxInspection.TableRow row = rows.get(r);
                var properties = row.row().getCtRow().getTrPr();
                boolean header = properties != null && properties.sizeOfTblHeaderArray() > 0;
                assertEquals(grid.get(r).kind() == RowKind.INDICATORS_HEADER, header,
                        "only the indicator header row repeats: " + grid.get(r).kind());
                boolean mayBreak = grid.get(r).kind() == RowKind.INDICATOR
                        || row.cells().stream().anyMatch(cell -> cell.text().equals(goal));
                boolean cantSplit = properties != null && properties.sizeOfCantSplitArray() > 0;
                assertEquals(mayBreak, !cantSplit, grid.get(r).kind() + " row " + r + " may break across pages");
            }
            String deviation = Forms.prose(1500);
            for (String text : List.of(deviation, goal)) {
                assertTrue(rows.stream().anyMatch(row -> row.cells().stream().anyMatch(c -> c.text().equals(text))),
                        "the long text is whole");
            }
        }
    }

    @Test
    void pageIsA4WithTheFormsMarginsAndTheTitleAndPeriodComeFirst() throws Exception {
        try (XWPFDocument document = DocxInspection.open(renderer.render(FormLayout.of(SampleForms.seedForm1())))) {
            CTSectPr section = document.getDocument().getBody().getSectPr();
            assertEquals("11906", section.getPgSz().getW().toString());
            assertEquals("16838", section.getPgSz().getH().toString());
            assertEquals("1020", section.getPgMar().getLeft().toString());
            assertEquals("1020", section.getPgMar().getRight().toString());
            assertEquals("860", section.getPgMar().getTop().toString());
            assertEquals("860", section.getPgMar().getBottom().toString());
            List<XWPFParagraph> paragraphs = document.getParagraphs();
            assertEquals(FormGrid.TITLE, paragraphs.get(0).getText());
            assertEquals("（2023年度）", paragraphs.get(1).getText());
            StringBuilder footer = new StringBuilder();
            document.getFooterList().get(0).getParagraphs().forEach(paragraph -> paragraph.getRuns()
                    .forEach(run -> footer.append(run.text())));
            assertEquals("第 1 页 共 1 页", footer.toString(), "page number fields with their cached results");
            String fields = document.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText();
            assertTrue(fields.contains(" PAGE ") && fields.contains(" NUMPAGES "), fields);
            assertEquals("政府批准聘用人员支出", document.getProperties().getCoreProperties().getTitle());
        }
    }

    @Test
    void everyInputStringIsInTheDocument() throws Exception {
        for (Evaluation evaluation : List.of(SampleForms.seedForm1(), SampleForms.fortyIndicators())) {
            String text;
            try (XWPFDocument document = DocxInspection.open(renderer.render(FormLayout.of(evaluation)))) {
                text = allText(document);
            }
            for (String input : inputStrings(evaluation)) {
                assertTrue(text.contains(input), "missing \"" + input + "\"");
            }
        }
    }

    @Test
    void everyRunIsSetInTheConfiguredFamilyForEveryScript() throws Exception {
        try (XWPFDocument document = DocxInspection.open(renderer.render(FormLayout.of(SampleForms.seedForm1())))) {
            List<XWPFRun> runs = new ArrayList<>();
            document.getParagraphs().forEach(paragraph -> runs.addAll(paragraph.getRuns()));
            document.getTables().forEach(table -> table.getRows().forEach(row -> row.getTableCells()
                    .forEach(cell -> cell.getParagraphs().forEach(paragraph -> runs.addAll(paragraph.getRuns())))));
            document.getFooterList().forEach(footer -> footer.getParagraphs()
                    .forEach(paragraph -> runs.addAll(paragraph.getRuns())));
            assertTrue(runs.size() > 100, "runs checked: " + runs.size());
            for (XWPFRun run : runs) {
                CTFonts fonts = run.getCTR().getRPr().getRFontsArray(0);
                for (String family : List.of(fonts.getEastAsia(), fonts.getAscii(), fonts.getHAnsi(), fonts.getCs())) {
                    assertEquals("Noto Serif SC", family, "font of \"" + run.text() + "\"");
                }
                assertFalse(fonts.isSetEastAsiaTheme() || fonts.isSetAsciiTheme(), "no theme font wins over it");
            }
        }
    }

    @Test
    void theUsedFacesAreEmbeddedAsObfuscatedSubsetsThatHoldEveryCharacter() throws Exception {
        try (XWPFDocument document = DocxInspection.open(renderer.render(FormLayout.of(SampleForms.seedForm1())))) {
            assertTrue(document.getSettings().getCTSettings().isSetEmbedTrueTypeFonts());
            assertTrue(document.getSettings().getCTSettings().isSetSaveSubsetFonts());
            PackagePart fontTable = FontTable.fontTable(document);
            org.w3c.dom.Document table;
            try (InputStream in = fontTable.getInputStream()) {
                DocumentBuilder builder = XMLHelper.newDocumentBuilder();
                table = builder.parse(in);
            }
            Font regular = embedded(table, fontTable, "embedRegular");
            Font bold = embedded(table, fontTable, "embedBold");
            assertEquals("Noto Serif SC", regular.getFamily(Locale.ENGLISH));
            assertTrue(bold.getFontName(Locale.ENGLISH).contains("Bold"), bold.getFontName(Locale.ENGLISH));
            for (int c : FormGrid.TITLE.codePoints().toArray()) {
                assertTrue(bold.canDisplay(c), "the bold title face lacks " + Character.toString(c));
            }
            String body = allText(document).replace(FormGrid.TITLE, "");
            body.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c ->
                    assertTrue(regular.canDisplay(c), "the regular face lacks " + Character.toString(c)));
            assertFalse(regular.canDisplay('龙'), "a character the form does not use is not embedded");
            assertEquals(2, fontTable.getRelationshipsByType(FONT_RELATION).size());
        }
    }

    /** The face an embed element points at, de-obfuscated with its key and loaded by Java. */
    private static Font embedded(org.w3c.dom.Document table, PackagePart fontTable, String element) throws Exception {
        NodeList embeds = table.getElementsByTagNameNS(DocumentFonts.W, element);
        assertEquals(1, embeds.getLength(), element);
        Element embed = (Element) embeds.item(0);
        String id = embed.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
        String key = embed.getAttributeNS(DocumentFonts.W, "fontKey");
        assertTrue(key.matches("\\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}}"), key);
        PackageRelationship relation = fontTable.getRelationship(id);
        PackagePart part = fontTable.getRelatedPart(relation);
        assertEquals("application/vnd.openxmlformats-officedocument.obfuscatedFont", part.getContentType());
        byte[] font;
        try (InputStream in = part.getInputStream()) {
            font = in.readAllBytes();
        }
        assertTrue(font.length < 200_000, "a subset, not the 15 MB font: " + font.length + " bytes");
        EmbeddedFont.obfuscate(font, key);
        return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(font));
    }

    @Test
    void theSameFormGivesTheSameBytes() throws Exception {
        FormLayout form = FormLayout.of(SampleForms.fortyIndicators());
        byte[] first = renderer.render(form);
        assertArrayEquals(first, renderer.render(form));
        assertArrayEquals(first, new DocxRenderer(TEMPLATE, FONTS, library).render(form), "also from a new renderer");
    }

    @Test
    void rendersFromManyThreadsAtOnce() throws Exception {
        FormLayout seed = FormLayout.of(SampleForms.seedForm1());
        FormLayout forty = FormLayout.of(SampleForms.fortyIndicators());
        byte[] seedBytes = renderer.render(seed);
        byte[] fortyBytes = renderer.render(forty);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            boolean even = t % 2 == 0;
            threads[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 3; i++) {
                        assertArrayEquals(even ? seedBytes : fortyBytes, renderer.render(even ? seed : forty));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aValueWithLineBreaksKeepsThemAndIsNeverReadAsAField() throws Exception {
        Evaluation seed = SampleForms.seedForm1();
        List<Indicator> indicators = new ArrayList<>(seed.indicators());
        Indicator first = indicators.get(0);
        indicators.set(0, new Indicator(first.level1(), first.level2(), "指标1：平台\n指标2：${projectName}",
                first.target(), first.actual(), first.weight(), first.score(), first.deviation()));
        Evaluation changed = new Evaluation(seed.year(), seed.projectName(), seed.department(),
                seed.implementingUnit(), null, seed.funds(), seed.goals(), indicators, new BigDecimal("93"));
        try (XWPFDocument document = DocxInspection.open(renderer.render(FormLayout.of(changed)))) {
            XWPFTableCell level3 = DocxInspection.rows(document).stream()
                    .filter(row -> row.table() == 1 && row.index() == 1).findFirst().orElseThrow()
                    .cellAt(3).cell();
            assertEquals("指标1：平台\n指标2：${projectName}", DocxInspection.text(level3));
            assertEquals(1, level3.getParagraphs().get(0).getRuns().get(0).getCTR().sizeOfBrArray());
        }
    }

    /** The title, period, every table cell and the footer, as one string. */
    static String allText(XWPFDocument document) {
        StringBuilder text = new StringBuilder();
        document.getParagraphs().forEach(paragraph -> text.append(paragraph.getText()).append('\n'));
        DocxInspection.rows(document).forEach(row -> row.cells().forEach(cell -> text.append(cell.text()).append('\n')));
        return text.toString();
    }

    /** Every string of the evaluation a reader must find on the form, as the form prints it. */
    static Set<String> inputStrings(Evaluation evaluation) {
        Set<String> strings = new HashSet<>();
        Stream.of(evaluation.projectName(), evaluation.department(), evaluation.implementingUnit(),
                evaluation.goals().expected(), evaluation.goals().actual()).forEach(strings::add);
        var total = evaluation.funds().total();
        Stream.of(total.initialBudget(), total.annualBudget(), total.executed())
                .filter(java.util.Objects::nonNull).forEach(amount -> strings.add(amount.toPlainString()));
        for (Indicator indicator : evaluation.indicators()) {
            Stream.of(indicator.level1(), indicator.level2(), indicator.level3(), indicator.target(),
                    indicator.actual(), indicator.deviation()).forEach(strings::add);
            Stream.of(indicator.weight(), indicator.score()).filter(java.util.Objects::nonNull)
                    .forEach(value -> strings.add(value.toString()));
        }
        strings.remove(null);
        return strings;
    }

    @Test
    void theIndicatorRowsAreOnePerInputIndicator() throws Exception {
        FormLayout form = FormLayout.of(SampleForms.fortyIndicators());
        try (XWPFDocument document = DocxInspection.open(renderer.render(form))) {
            long indicatorRows = FormGrid.rows(form).stream().filter(row -> row.kind() == RowKind.INDICATOR).count();
            assertEquals(40, indicatorRows);
            assertEquals(1 + 40 + 1, document.getTables().get(1).getRows().size(), "header, 40 indicators, 总分");
            assertNull(document.getTables().get(1).getRow(1).getCell(0).getParagraphs().get(0).getRuns()
                    .stream().findFirst().orElse(null), "a continued merge cell holds no text");
        }
    }
}
