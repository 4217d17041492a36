package cn.jixiao.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Forms;
import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every render checks that each input text reached the filled pages whole, in its own cell. With a template whose
 * 偏差原因分析及改进措施 or 三级指标 cell cannot grow, JasperReports cuts a long text without a word; the check turns
 * that into an error naming the text's JSON path, and the projects whose texts fit still render. The same characters
 * printed elsewhere on the page, by the form's labels or by another cell, do not make up for a lost piece. What the
 * PDF writer would lose after filling is an error at the exact path too.
 */
class TextCompletenessTest {

    /** 年度资金总额, 其中：当年财政拨款, 上年结转资金 and 其他资金: every character of it is on the form's labels. */
    private static final String FUNDS_LABELS = "年度资金总额其中当年财政拨款上年结转资金其他资金";

    @TempDir
    Path directory;

    @Test
    void aTextTheTemplateCutsIsAnErrorAtItsPathAndTheOtherProjectsRender() throws IOException {
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        Workspace.cutText(templates.resolve("national").resolve("form-indicators.jrxml"), "deviation");
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
     * The case: the first example with every 三级指标 shortened to four characters, so that it fits the cell
     * that cannot grow, and the first one made of the funds rows' labels. The cell prints 年度资金总额其中; the rest is
     * cut, although the labels above print each of its characters.
     */
    @Test
    void aCutTextIsAnErrorEvenWhenTheLabelsPrintItsCharacters() throws IOException {
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        Workspace.cutText(templates.resolve("national").resolve("form-indicators.jrxml"), "level3");
        ObjectNode project = (ObjectNode) Workspace.JSON.readTree(Examples.FILE.toFile()).get(0);
        for (JsonNode indicator : project.path("indicators")) {
            String level3 = indicator.path("level3").asText();
            ((ObjectNode) indicator).put("level3", level3.codePoints().limit(4)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        }
        ((ObjectNode) project.path("indicators").get(0)).put("level3", FUNDS_LABELS);
        Path input = Workspace.writeJson(directory.resolve("project.json"), project);
        Path output = directory.resolve("out");

        Jixiao.Run run = Jixiao.run("render", input.toString(), "--templates", templates.toString(), "-o",
                output.toString());

        assertEquals(List.of(input + ": project 1 \"政府批准聘用人员支出\": $.indicators[0].level3: the text does not"
                + " fit on the form: part of it would be lost"), run.errors());
        assertEquals(1, run.exitCode());
        assertFalse(Files.exists(output.resolve("2023-政府批准聘用人员支出.pdf")), "no PDF with a cut text");
    }

    /**
     * A cut 三级指标 in the second row, whose whole text another row's 偏差原因分析 prints: the error is at the cut
     * cell, not at the cell that printed the same characters.
     */
    @Test
    void aCutTextIsAnErrorAtItsOwnRowWhenAnotherCellPrintsItsCharacters() throws IOException {
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        Workspace.cutText(templates.resolve("national").resolve("form-indicators.jrxml"), "level3");
        String longText = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉";
        ObjectNode project = Workspace.project("三级指标被截断");
        ArrayNode indicators = project.putArray("indicators");
        for (int row = 0; row < 4; row++) {
            indicators.addObject().put("level1", "产出指标").put("level2", "数量指标").put("level3", "资金成本")
                    .put("weight", 25).put("score", 25);
        }
        ((ObjectNode) indicators.get(1)).put("level3", longText);
        ((ObjectNode) indicators.get(3)).put("deviation", longText);
        Path input = Workspace.writeJson(directory.resolve("project.json"), project);
        Path output = directory.resolve("out");

        Jixiao.Run run = Jixiao.run("render", input.toString(), "--templates", templates.toString(), "-o",
                output.toString());

        assertEquals(List.of(input + ": project 1 \"三级指标被截断\": $.indicators[1].level3: the text does not fit"
                + " on the form: part of it would be lost"), run.errors());
        assertEquals(1, run.exitCode());
    }

    /**
     * A template whose 年度指标值 cell does not name the input it prints: the check cannot find the text's cell, and
     * says so rather than pass the text unchecked.
     */
    @Test
    void aTemplateCellThatDoesNotNameItsInputIsAnErrorAtThatInput() throws IOException {
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        Workspace.replaceOnce(templates.resolve("national").resolve("form-indicators.jrxml"), "<propertyExpression"
                + " name=\"cn.jixiao.source.path\"><![CDATA[$F{path} + \".target\"]]></propertyExpression>", "");
        ObjectNode project = Workspace.project("年度指标值无路径");
        ((ObjectNode) project.path("indicators").get(0)).put("target", "28人");
        Path input = Workspace.writeJson(directory.resolve("project.json"), project);

        Jixiao.Run run = Jixiao.run("render", input.toString(), "--templates", templates.toString(), "-o",
                directory.resolve("out").toString());

        assertEquals(List.of(input + ": project 1 \"年度指标值无路径\": $.indicators[0].target: no cell of the template"
                + " prints this text: the text field that prints it must name it in the property"
                + " cn.jixiao.source.path"), run.errors());
        assertEquals(1, run.exitCode());
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
        String text = exportLoss();
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

    /**
     * The same text in the 三级指标 cell of the row too, where it fits: the error is at the 分值 cell that the PDF
     * writer cuts, not at the first cell whose text holds what it was writing.
     */
    @Test
    void aTextThePdfWriterCannotFitIsAnErrorAtItsOwnCellWhenAnotherCellHoldsTheSameText() throws IOException {
        String text = exportLoss();
        ObjectNode project = Workspace.project("导出丢行");
        ((ObjectNode) project.path("indicators").get(0)).put("level3", text).put("weight", text);
        Path input = Workspace.writeJson(directory.resolve("project.json"), project);
        Path output = directory.resolve("out");

        Jixiao.Run run = Jixiao.run("render", input.toString(), "-o", output.toString());

        assertEquals(List.of(input + ": project 1 \"导出丢行\": $.indicators[0].weight: "
                + "the text does not fit its cell in the PDF: part of it would be lost"), run.errors());
        assertEquals(1, run.exitCode(), run.err());
    }

    private static String exportLoss() throws IOException {
        try (var in = TextCompletenessTest.class.getResourceAsStream("export-loss.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
