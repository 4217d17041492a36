package cn.jixiao.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.OutputFormat;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.input.EvaluationReader;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.TextFields;
import cn.jixiao.model.TextFields.TextField;
import cn.jixiao.render.pdf.PdfRenderer;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle of {@link FuzzTest}: what a form's PDF draws in the cell of each input text. */
class CellTextsTest {

    @TempDir
    Path directory;

    @Test
    void eachTextOfTheSeedFormsIsFoundInItsOwnCell() throws Exception {
        PdfRenderer renderer = renderer(TestEngine.TEMPLATES, TestEngine.TEMPLATE_CACHE);
        for (Evaluation evaluation : Examples.evaluations()) {
            FormLayout layout = FormLayout.of(evaluation);
            Map<String, String> cells;
            try (PdfFile pdf = PdfFile.of(TestEngine.pdf().render(evaluation, null).documents()
                    .get(OutputFormat.PDF))) {
                cells = CellTexts.of(renderer.fill(layout), pdf);
            }
            for (TextField field : TextFields.of(evaluation)) {
                assertEquals(PdfFile.compact(field.text()), PdfFile.compact(cells.getOrDefault(field.path(), "")),
                        evaluation.projectName() + ": " + field.path());
            }
        }
    }

    /**
     * The blind spot of a check over the whole page: the cut 三级指标 prints 年度资金总额其中 only, yet the funds rows'
     * labels print every character of it. Its cell shows the loss.
     */
    @Test
    void aTextCutByTheTemplateIsCutInItsCellThoughThePageHasAllItsCharacters() throws Exception {
        String level3 = "年度资金总额其中当年财政拨款上年结转资金其他资金";
        Path templates = TestEngine.copyTemplates(directory.resolve("templates"));
        Workspace.cutText(templates.resolve("national").resolve("form-indicators.jrxml"), "level3");
        ObjectNode project = Workspace.project("标签的字");
        ((ObjectNode) project.path("indicators").get(0)).put("level3", level3);
        Evaluation evaluation = new EvaluationReader()
                .read(Workspace.writeJson(directory.resolve("project.json"), project)).get(0).evaluation();
        PdfRenderer renderer = renderer(templates, null);
        FormLayout layout = FormLayout.of(evaluation);

        try (PdfFile pdf = PdfFile.of(renderer.render(layout, null))) {
            Map<String, String> cells = CellTexts.of(renderer.fill(layout), pdf);

            assertEquals("年度资金总额其中", PdfFile.compact(cells.get("$.indicators[0].level3")));
            String page = pdf.compactText();
            assertTrue(level3.codePoints().allMatch(c -> page.codePoints().filter(d -> d == c).count()
                    >= level3.codePoints().filter(d -> d == c).count()), page);
        }
    }

    private static PdfRenderer renderer(Path templates, Path cache) throws Exception {
        return PdfRenderer.create(templates, cache, FontLibrary.scan(TestEngine.FONTS),
                FontSettings.shipped(TestEngine.FONTS), List.of(), false);
    }
}
