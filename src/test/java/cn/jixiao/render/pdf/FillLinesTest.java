package cn.jixiao.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.input.EvaluationReader;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import cn.jixiao.render.RenderException;
import cn.jixiao.render.pdf.FillLines.Cell;
import cn.jixiao.render.pdf.FillLines.Line;
import cn.jixiao.render.pdf.FillLines.Placement;
import cn.jixiao.render.pdf.FillLines.Refusal;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Forms;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.PdfFile.DrawnCharacter;
import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lowagie.text.pdf.BaseFont;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF draws each plain text in the lines the fill broke it into, where JasperReports' exporter would have put
 * them; a text whose lines would be wider than the cell by the PDF font, or would reach below it, is set by OpenPDF as
 * before, and a cut there is still an error at the text's JSON path.
 */
class FillLinesTest {

    /** The body font at the templates' 9 pt: each CJK character is 9 pt wide, a Latin letter less. */
    private static final float SIZE = 9f;
    /** From one baseline to the next in the hand-made cells below. */
    private static final float LEADING = 12f;

    private static BaseFont font;
    private static PdfRenderer renderer;

    @TempDir
    Path directory;

    @BeforeAll
    static void readTheFontAndTemplates() throws Exception {
        font = BaseFont.createFont(TestEngine.FONTS.resolve("NotoSerifSC-Regular.ttf").toString(),
                BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        renderer = PdfRenderer.create(TestEngine.TEMPLATES, TestEngine.TEMPLATE_CACHE,
                FontLibrary.scan(TestEngine.FONTS), FontSettings.shipped(TestEngine.FONTS), List.of(), false);
    }

    /** A cell from x 100 to 145 (five CJK characters), its first line's leading starting at 500. */
    private static Cell cell(HorizontalTextAlignEnum alignment, int lines) {
        return new Cell(100, 145, 500, 400, LEADING, lines, alignment);
    }

    @Test
    void theLinesAreTheFillsOneBelowTheOther() {
        Placement placement = FillLines.place("甲乙丙丁戊己庚辛壬癸", new short[] {4, 3}, cell(HorizontalTextAlignEnum.LEFT, 3),
                font, SIZE);

        assertEquals(List.of(new Line("甲乙丙丁", 100, 488), new Line("戊己庚", 100, 476), new Line("辛壬癸", 100, 464)),
                placement.lines());
    }

    @Test
    void centredAndRightAlignedLinesArePlacedByTheirWidthInThePdfFont() {
        assertEquals(List.of(new Line("甲乙", 113.5f, 488), new Line("丙", 118, 476)),
                FillLines.place("甲乙\n丙", new short[0], cell(HorizontalTextAlignEnum.CENTER, 2), font, SIZE).lines());
        assertEquals(List.of(new Line("甲乙", 127, 488), new Line("丙", 136, 476)),
                FillLines.place("甲乙\n丙", new short[0], cell(HorizontalTextAlignEnum.RIGHT, 2), font, SIZE).lines());
    }

    /**
     * As OpenPDF sets them: the blank the fill left at the end of a broken line is not drawn, and an empty line (two
     * newlines) takes a line's height.
     */
    @Test
    void blanksAtBreaksAreDroppedAndAnEmptyLineTakesItsPlace() {
        assertEquals(List.of(new Line("ab", 100, 488), new Line("cd", 100, 476)),
                FillLines.place("ab cd", new short[] {3}, cell(HorizontalTextAlignEnum.LEFT, 2), font, SIZE).lines());
        assertEquals(List.of(new Line("甲", 100, 488), new Line("乙", 100, 464)),
                FillLines.place("甲\n\n乙", new short[0], cell(HorizontalTextAlignEnum.LEFT, 3), font, SIZE).lines());
    }

    @Test
    void aLineWiderThanTheCellByThePdfFontIsLeftToOpenPdf() {
        Cell narrow = new Cell(100, 144.9f, 500, 400, LEADING, 1, HorizontalTextAlignEnum.LEFT);
        Cell wide = new Cell(100, 145.1f, 500, 400, LEADING, 1, HorizontalTextAlignEnum.LEFT);

        assertEquals(Refusal.TOO_WIDE, FillLines.place("甲乙丙丁戊", new short[0], narrow, font, SIZE).refusal());
        assertTrue(FillLines.place("甲乙丙丁戊", new short[0], wide, font, SIZE).placed());
    }

    @Test
    void linesReachingBelowTheCellAreLeftToOpenPdf() {
        Cell low = new Cell(100, 145, 500, 465, LEADING, 3, HorizontalTextAlignEnum.LEFT);

        assertEquals(Refusal.TOO_TALL, FillLines.place("甲乙丙丁戊己庚辛壬癸", new short[] {4, 3}, low, font, SIZE)
                .refusal());
    }

    @Test
    void breaksThatDoNotGiveTheFillsLinesAreLeftToOpenPdf() {
        assertEquals(Refusal.NOT_THE_FILLS_LINES, FillLines.place("甲乙丙", new short[] {5},
                cell(HorizontalTextAlignEnum.LEFT, 2), font, SIZE).refusal());
        assertEquals(Refusal.NOT_THE_FILLS_LINES, FillLines.place("甲乙丙", new short[] {1},
                cell(HorizontalTextAlignEnum.LEFT, 3), font, SIZE).refusal(), "the fill measured three lines");
    }

    @Test
    void textsOpenPdfDoesMoreWithThanDrawCharacterAfterCharacterAreLeftToIt() {
        for (String text : List.of("甲\u200b乙", "甲\t乙", "שלום", "甲\uD840\uDC00乙")) {
            assertEquals(Refusal.NOT_PLAIN, FillLines.place(text, new short[0], cell(HorizontalTextAlignEnum.LEFT, 1),
                    font, SIZE).refusal(), text);
        }
        assertEquals(Refusal.NOT_PLAIN, FillLines.place("甲乙", new short[0],
                cell(HorizontalTextAlignEnum.JUSTIFIED, 1), font, SIZE).refusal());
    }

    /**
     * Every text of the example forms is drawn in the fill's lines. Where the fill and OpenPDF break differently they
     * show it: 预期目标 of 办公经费 fills its cell to the last point with 20 characters by OpenPDF's widths, one too
     * many by the fill's, which put 利 on the next line.
     */
    @Test
    void theExampleFormsPrintEachTextInTheLinesOfTheFill() throws RenderException {
        for (Evaluation evaluation : Examples.evaluations()) {
            JasperPrint print = renderer.fill(FormLayout.of(evaluation));
            Map<String, List<String>> drawn;
            try (PdfFile pdf = PdfFile.of(export(print))) {
                drawn = drawnLines(print, pdf);
            }
            Map<String, List<String>> filled = new LinkedHashMap<>();
            for (Placed text : texts(print)) {
                filled.computeIfAbsent(text.path() + "@" + text.page(), key -> new ArrayList<>())
                        .addAll(fillLines(text.element()));
            }
            filled.forEach((cell, lines) -> assertEquals(lines, drawn.getOrDefault(cell, List.of()),
                    evaluation.projectName() + ": " + cell));
        }
        Evaluation office = Examples.named("办公经费");
        JasperPrint print = renderer.fill(FormLayout.of(office));
        try (PdfFile pdf = PdfFile.of(export(print))) {
            assertEquals(List.of("确保智慧金凤社会治理综合平台各项工作顺", "利开展"),
                    drawnLines(print, pdf).get("$.goals.expected@1"));
        }
    }

    /**
     * A 偏差原因分析 whose cell is made a line lower than its text after filling: the fill's lines do not fit, the
     * text goes to OpenPDF, which cannot fit it either, and the project fails at the text's path.
     */
    @Test
    void aTextTallerThanItsCellIsLeftToOpenPdfAndItsCutIsAnErrorAtItsPath() throws RenderException {
        JasperPrint print = renderer.fill(FormLayout.of(
                Forms.withOnlyDeviation(Examples.named("政府批准聘用人员支出"), 0, Forms.prose(200))));
        Placed deviation = text(print, "$.indicators[0].deviation");
        JRPrintText element = deviation.element();
        element.setHeight(element.getLineBox().getTopPadding() + element.getLineBox().getBottomPadding()
                + (int) (element.getTextHeight() - SIZE * element.getLineSpacingFactor()));

        assertEquals(Refusal.TOO_TALL, placement(print, deviation).refusal());
        TextLostException lost = assertThrows(TextLostException.class, () -> export(print));
        assertEquals("$.indicators[0].deviation", lost.path());
    }

    /**
     * The same text with its first break moved two characters on and its second two back, as if the fill had measured
     * the characters narrower than they are: the first line is too wide for the cell, so the text is set by OpenPDF,
     * in lines that fit, and comes out whole.
     */
    @Test
    void aTextWhoseLineIsTooWideIsSetByOpenPdfInLinesThatFit() throws RenderException {
        String prose = Forms.prose(200);
        JasperPrint print = renderer.fill(FormLayout.of(
                Forms.withOnlyDeviation(Examples.named("政府批准聘用人员支出"), 0, prose)));
        Placed deviation = text(print, "$.indicators[0].deviation");
        short[] breaks = deviation.element().getLineBreakOffsets().clone();
        String tooWide = prose.substring(0, breaks[0] + 2);
        breaks[0] += 2;
        breaks[1] -= 2;
        deviation.element().setLineBreakOffsets(breaks);

        assertEquals(Refusal.TOO_WIDE, placement(print, deviation).refusal());
        try (PdfFile pdf = PdfFile.of(export(print))) {
            List<String> lines = drawnLines(print, pdf).get("$.indicators[0].deviation@1");
            assertFalse(lines.contains(tooWide), lines.toString());
            assertEquals(prose, String.join("", lines));
        }
    }

    /**
     * The text {@link cn.jixiao.hardening.TextCompletenessTest} found the PDF writer cutting (CJK symbols and ASCII in
     * the narrow 分值 cell, over a page break): by the PDF font a line of the fill is too wide for the cell, OpenPDF
     * sets it in more lines than the cell holds, and the project fails at the 分值's path.
     */
    @Test
    void aTextWhoseLinesThePdfFontMakesTooWideFailsAtItsPathWhenOpenPdfCannotFitIt() throws Exception {
        String weight;
        try (InputStream in = FillLinesTest.class.getResourceAsStream("/cn/jixiao/hardening/export-loss.txt")) {
            weight = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode project = json.createObjectNode().put("year", 2023).put("projectName", "导出丢行");
        project.putArray("indicators").addObject().put("level1", "产出指标").put("level2", "数量指标")
                .put("level3", "资金成本").put("weight", weight).put("score", 100);
        Path input = Files.writeString(directory.resolve("project.json"), json.writeValueAsString(project));
        JasperPrint print = renderer.fill(FormLayout.of(new EvaluationReader().read(input).get(0).evaluation()));

        List<Refusal> refusals = new ArrayList<>();
        for (Placed piece : texts(print)) {
            if (piece.path().equals("$.indicators[0].weight")) {
                refusals.add(placement(print, piece).refusal());
            }
        }
        assertTrue(refusals.contains(Refusal.TOO_WIDE), refusals.toString());
        TextLostException lost = assertThrows(TextLostException.class, () -> export(print));
        assertEquals("$.indicators[0].weight", lost.path());
    }

    /** A text element of the filled pages with the input it prints, its page (1-based) and where it is on it. */
    private record Placed(JRPrintText element, String path, int page, int x, int y) {
    }

    private static List<Placed> texts(JasperPrint print) {
        List<Placed> texts = new ArrayList<>();
        for (int page = 0; page < print.getPages().size(); page++) {
            collect(print.getPages().get(page).getElements(), page + 1, 0, 0, texts);
        }
        return texts;
    }

    private static void collect(List<JRPrintElement> elements, int page, int offsetX, int offsetY,
                                List<Placed> texts) {
        for (JRPrintElement element : elements) {
            int x = offsetX + element.getX();
            int y = offsetY + element.getY();
            if (element instanceof JRPrintFrame frame) {
                collect(frame.getElements(), page, x + frame.getLineBox().getLeftPadding(),
                        y + frame.getLineBox().getTopPadding(), texts);
            } else if (element instanceof JRPrintText text && PrintedTexts.sourcePath(text) != null) {
                texts.add(new Placed(text, PrintedTexts.sourcePath(text), page, x, y));
            }
        }
    }

    private static Placed text(JasperPrint print, String path) {
        return texts(print).stream().filter(text -> text.path().equals(path)).findFirst().orElseThrow();
    }

    private static Placement placement(JasperPrint print, Placed text) {
        Cell cell = Cell.of(text.element(), FillLines.Frame.of(text.element()), text.x(), text.y(),
                print.getPageHeight(), SIZE, false);
        return FillLines.place(text.element().getFullText(), text.element().getLineBreakOffsets(), cell, font, SIZE);
    }

    /** The text's lines as the fill broke it, without blanks, empty lines left out. */
    private static List<String> fillLines(JRPrintText text) {
        String content = text.getFullText() == null ? "" : text.getFullText();
        short[] breaks = text.getLineBreakOffsets() == null ? new short[0] : text.getLineBreakOffsets();
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (short offset : breaks) {
            lines.addAll(List.of(content.substring(start, start + offset).split("\n")));
            start += offset;
        }
        lines.addAll(List.of(content.substring(start).split("\n")));
        lines.replaceAll(PdfFile::compact);
        lines.removeIf(String::isEmpty);
        return lines;
    }

    /**
     * What the PDF draws in each text's cell, by path and page ({@code $.goals.expected@1}): the characters whose
     * centre is in the cell, a line for each baseline, without blanks.
     */
    private static Map<String, List<String>> drawnLines(JasperPrint print, PdfFile pdf) {
        List<Placed> texts = texts(print);
        Map<String, Map<Long, StringBuilder>> cells = new LinkedHashMap<>();
        for (DrawnCharacter character : pdf.drawnCharacters()) {
            for (Placed text : texts) {
                if (text.page() == character.page() && character.x() >= text.x()
                        && character.x() <= text.x() + text.element().getWidth() && character.y() >= text.y()
                        && character.y() <= text.y() + text.element().getHeight()) {
                    cells.computeIfAbsent(text.path() + "@" + text.page(), key -> new LinkedHashMap<>())
                            .computeIfAbsent(Math.round(character.y()), y -> new StringBuilder())
                            .append(character.text());
                    break;
                }
            }
        }
        Map<String, List<String>> lines = new LinkedHashMap<>();
        cells.forEach((cell, byBaseline) -> lines.put(cell, byBaseline.values().stream()
                .map(line -> PdfFile.compact(line.toString())).filter(line -> !line.isEmpty()).toList()));
        return lines;
    }

    private static byte[] export(JasperPrint print) throws RenderException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.export(List.of(print), new PdfDocumentInfo(print.getName(), null), out);
        return out.toByteArray();
    }
}
