package cn.jixiao.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.render.pdf.PdfRenderer;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Forms;
import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.PdfFile;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The largest input the contract allows still renders, in seconds: a cell of 10,000 characters, a form of 1,000
 * indicators. What would run past {@value PdfRenderer#MAX_PAGES} pages (1,000 rows of long text fit the contract) is
 * stopped while filling and reported for its project; the others render.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderLimitsTest {

    private static final String LONGEST_CELL = Forms.prose(10_000);

    private Path input;
    private Path output;
    private Jixiao.Run run;
    private long seconds;

    @BeforeAll
    void render(@TempDir Path directory) throws IOException {
        ObjectNode longestCell = Workspace.project("万字偏差");
        ((ObjectNode) longestCell.path("indicators").get(0)).put("deviation", LONGEST_CELL);

        ObjectNode mostIndicators = Workspace.project("千项指标");
        ArrayNode rows = mostIndicators.putArray("indicators");
        for (int n = 1; n <= 1_000; n++) {
            rows.addObject().put("level1", n <= 500 ? "产出指标" : "效益指标").put("level2", "数量指标" + (n - 1) / 10)
                    .put("level3", "指标" + n).put("target", "目标" + n).put("actual", "完成" + n)
                    .put("weight", 0.1).put("score", 0.1);
        }

        ObjectNode tooLong = Workspace.project("超长表");
        ArrayNode longRows = tooLong.putArray("indicators");
        for (int n = 1; n <= 25; n++) {
            longRows.addObject().put("level3", "指标" + n).put("weight", 4).put("score", 4)
                    .put("deviation", LONGEST_CELL);
        }

        input = Workspace.writeJson(directory.resolve("limits.json"),
                Workspace.JSON.createArrayNode().add(longestCell).add(mostIndicators).add(tooLong));
        output = directory.resolve("out");
        long start = System.nanoTime();
        run = Jixiao.run("render", input.toString(), Examples.FILE.toString(), "-o", output.toString());
        seconds = (System.nanoTime() - start) / 1_000_000_000L;
    }

    @Test
    void aFormPastTheMostPagesIsReportedForItsProjectAndTheOthersRender() {
        assertEquals(List.of(input + ": project 3 \"超长表\": $: the form would run to more than 500 pages; shorten its"
                + " texts or split its indicators over several projects"), run.errors());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith("7 of 8 projects rendered"), run.out());
        assertTrue(Files.notExists(output.resolve("2023-超长表.pdf")));
    }

    @Test
    void theLongestCellRendersWhole() {
        try (PdfFile pdf = PdfFile.read(output.resolve("2023-万字偏差.pdf"))) {
            assertTrue(pdf.pageCount() > 20 && pdf.pageCount() < 40, pdf.pageCount() + " pages");
            String last = LONGEST_CELL.substring(LONGEST_CELL.lastIndexOf('第'));
            assertTrue(PdfFile.compact(pdf.pageText(pdf.pageCount())).contains(PdfFile.compact(last)),
                    "the last sentence is on the last page: " + last);
        }
    }

    @Test
    void theMostIndicatorsRender() {
        try (PdfFile pdf = PdfFile.read(output.resolve("2023-千项指标.pdf"))) {
            assertTrue(pdf.pageCount() > 20 && pdf.pageCount() < 40, pdf.pageCount() + " pages");
            assertTrue(pdf.pageText(pdf.pageCount()).contains("指标1000"), "the last row is on the last page");
        }
    }

    @Test
    void allOfItTakesSecondsNotMinutes() {
        assertTrue(seconds < 60, "rendering the limits took " + seconds + " s");
    }
}
