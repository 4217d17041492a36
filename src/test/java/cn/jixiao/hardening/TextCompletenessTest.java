package cn.jixiao.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.testing.Forms;
import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.PdfFile;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every render checks that each input text reached the filled pages. With a template whose 偏差原因分析及改进措施 cell
 * cannot grow, JasperReports cuts a long text without a word; the check turns that into an error naming the text's
 * JSON path, and the projects whose texts fit still render. The check sees the filled pages only; what the PDF
 * exporter loses after it is a known defect, pinned below.
 */
class TextCompletenessTest {

    /** The indicator rows' deviation cell, which the shipped template lets grow ({@code StretchHeight}). */
    private static final Pattern GROWING_DEVIATION_CELL = Pattern.compile(
            "textAdjust=\"StretchHeight\"([^>]*>\\s*<expression><!\\[CDATA\\[\\$F\\{deviation}]]>)");

    @TempDir
    Path directory;

    @Test
    void aTextTheTemplateCutsIsAnErrorAtItsPathAndTheOtherProjectsRender() throws IOException {
        Path templates = Workspace.copyTemplates(directory.resolve("templates"));
        cutDeviations(templates.resolve("form-indicators.jrxml"));
        ObjectNode cut = Workspace.project("偏差被截断");
        ((ObjectNode) cut.path("indicators").get(0)).put("deviation", Forms.prose(200));
        ArrayNode projects = Workspace.JSON.createArrayNode()
                .add(Workspace.project("第一个项目")).add(cut).add(Workspace.project("第三个项目"));
        Path input = Workspace.writeJson(directory.resolve("projects.json"), projects);
        Path output = directory.resolve("out");

        Jixiao.Run run = Jixiao.run("batch", input.toString(), "--templates", templates.toString(), "-o",
                output.toString(), "--quiet");

        assertEquals(List.of(input + ": project 2 \"偏差被截断\": $.indicators[0].deviation: the text does not fit on"
                + " the form: part of it would be lost"), run.errors());
        assertEquals(1, run.exitCode());
        assertEquals(List.of("2023-第一个项目.pdf", "2023-第三个项目.pdf", "report.json", "全部自评表.pdf",
                "项目支出绩效自评汇总表.pdf", "项目支出绩效自评汇总表.xlsx"), Workspace.fileNames(output));
        try (PdfFile combined = PdfFile.read(output.resolve("全部自评表.pdf"))) {
            assertEquals(2, combined.pageCount(), "the cut form is not in the combined PDF either");
        }
    }

    @Test
    void withTheShippedTemplateTheSameTextComesOutWhole() throws IOException {
        ObjectNode project = Workspace.project("偏差完整");
        ((ObjectNode) project.path("indicators").get(0)).put("deviation", Forms.prose(200));
        Path input = Workspace.writeJson(directory.resolve("project.json"), project);
        Path output = directory.resolve("out");

        Jixiao.Run run = Jixiao.run("render", input.toString(), "-o", output.toString());

        assertEquals(0, run.exitCode(), run.err());
        try (PdfFile pdf = PdfFile.read(output.resolve("2023-偏差完整.pdf"))) {
            assertTrue(pdf.compactText().contains(Forms.prose(200)), pdf.compactText());
        }
    }

    /**
     * The check above sees the filled pages; JasperReports' PDF exporter lays each text out again, with OpenPDF's line
     * breaking. For this text (found by {@link FuzzTest}: CJK symbols such as 〟〷〽 mixed with ASCII in the narrow 分值
     * column, over a page break) OpenPDF needs more lines than the fill did, and would drop the last ones without a
     * word. The engine checks every text as it is written: the project fails with an error at the text's path, and no
     * PDF is written for it.
     */
    @Test
    void aTextThePdfWriterCannotFitFailsItsProjectAtItsPath() throws IOException {
        String text;
        try (var in = TextCompletenessTest.class.getResourceAsStream("export-loss.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ObjectNode project = Workspace.project("导出丢行");
        ((ObjectNode) project.path("indicators").get(0)).put("weight", text);
        Path input = Workspace.writeJson(directory.resolve("project.json"), project);
        Path output = directory.resolve("out");

        Jixiao.Run run = Jixiao.run("render", input.toString(), "-o", output.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(List.of(input + ": project 1 \"导出丢行\": $.indicators[0].weight: "
                + "the text does not fit its cell in the PDF: part of it would be lost"), run.errors());
        assertFalse(Files.exists(output.resolve("2023-导出丢行.pdf")), "no PDF with a cut text");
    }

    /** Makes the deviation cell keep its height: JasperReports then cuts what does not fit. */
    private static void cutDeviations(Path template) throws IOException {
        String jrxml = Files.readString(template);
        Matcher cell = GROWING_DEVIATION_CELL.matcher(jrxml);
        assertTrue(cell.find(), "the template has a growing deviation cell");
        Files.writeString(template, cell.replaceFirst("textAdjust=\"CutText\"$1"));
    }
}
