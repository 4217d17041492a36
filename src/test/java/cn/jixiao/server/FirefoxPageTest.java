package cn.jixiao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.jixiao.render.RenderException;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The page at {@code GET /} in headless Firefox at 1280×800, against the real server: what {@link WebPageTest} does
 * in Chromium — open the examples, see the one warning, break and mend the weights, open a cell from its message, see
 * the preview follow the edits, keep a draft over a reload, download the PDF, merge indicator rows, give the token —
 * through Firefox's own mouse and keyboard. One Firefox serves the whole class; each step leaves a screenshot
 * {@code target/screenshots/firefox-*.png}.
 */
class FirefoxPageTest {

    private static final String FIRST_PROJECT = "政府批准聘用人员支出";
    private static final String RATE_WARNING = "警告 · 执行率 ($.funds.total.executionRate)";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Service service;
    private static HeadlessFirefox firefox;
    private static String page;

    @BeforeAll
    static void startServerAndBrowser() throws IOException, RenderException {
        firefox = HeadlessFirefox.start();
        service = Service.start(TestEngine.allFormats(), ServiceTest.settings(null),
                new PrintStream(OutputStream.nullOutputStream()));
        page = "http://127.0.0.1:" + service.port() + "/";
    }

    @AfterAll
    static void stop() throws IOException {
        if (firefox != null) {
            firefox.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void freshPage() {
        firefox.closeOtherTabs(); // the PDF an earlier test downloaded
        // Storage is cleared from another address of the origin, where no page is left to save its draft again (not
        // from /health: Firefox shows JSON in its own viewer, which has no storage of the origin).
        firefox.navigate(page + "favicon.svg");
        firefox.call("() => { localStorage.clear(); sessionStorage.clear(); }");
        firefox.navigate(page);
        firefox.consoleErrors(); // what earlier tests left in the console is theirs
    }

    @AfterEach
    void noScriptErrors() {
        assertEquals(List.of(), firefox.consoleErrors(), "errors in the browser console");
    }

    @Test
    void theExamplesAreListedWithTheirStateAndTheOneWarningOfThePublishedData() {
        openExamples();
        waitUntil(() -> previewSource() != null && previewNote().equals("与当前数据一致"));
        firefox.screenshot("firefox-01-examples-opened");

        assertEquals(List.of(FIRST_PROJECT, "智慧金凤社会治理综合平台运行费", "社区网格员工作终端使用费", "办公经费",
                "互联网专线费"), projectNames());
        assertEquals(List.of("有警告", "可以生成", "可以生成", "可以生成", "可以生成"), projectStates());
        assertEquals(1, messages().size(), messages()::toString);
        assertTrue(messages().get(0).startsWith(RATE_WARNING), messages()::toString);
        assertTrue(messages().get(0).contains("87.00%"), messages()::toString);
        assertEquals(FIRST_PROJECT, value("$.projectName"));
        assertEquals("180.97212", value("$.funds.total.annualBudget"));
        assertTrue(classOf("$.funds.total.executionRate").contains("has-warning"), "the cell of the warning is marked");
    }

    @Test
    void weightsThatNoLongerAddUpTo100AreReportedUntilTheyDoAgain() {
        openExamples();

        firefox.type(cell("$.indicators[2].weight"), "5"); // 使用时间: 10 → 5, below its 得分 of 10
        waitUntil(() -> messages().size() == 3);
        firefox.screenshot("firefox-02-weight-changed");
        assertTrue(messages().stream().anyMatch(m -> m.contains("95") && m.contains("100")), messages()::toString);
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("警告 · 绩效指标第3行 · 得分 ($.indicators[2].score)")),
                messages()::toString);
        assertEquals("有警告", projectStates().get(0));

        firefox.type(cell("$.indicators[2].weight"), "10");
        waitUntil(() -> messages().size() == 1);
        firefox.screenshot("firefox-03-weight-restored");
        assertTrue(messages().get(0).startsWith(RATE_WARNING), messages()::toString);
    }

    @Test
    void clickingAMessageOpensItsCell() {
        openExamples();
        firefox.type(cell("$.indicators[2].weight"), "5");
        waitUntil(() -> messages().size() == 3);

        firefox.click(message("$.indicators[2].score"));
        assertEquals("$.indicators[2].score", focusedPath());
        firefox.click(message("$.funds.total.executionRate"));
        assertEquals("$.funds.total.executionRate", focusedPath());
        assertTrue(classOf("$.funds.total.executionRate").contains("flash"), "the cell flashes");
        firefox.screenshot("firefox-04-message-clicked");
    }

    @Test
    void thePreviewShowsTheFormAsEditedAndTheDraftSurvivesAReload() {
        openExamples();
        waitUntil(() -> previewText().contains(FIRST_PROJECT + "主管部门"));
        firefox.type(cell("$.projectName"), FIRST_PROJECT + "（修订）");
        firefox.type(cell("$.funds.fiscal.initialBudget"), "51.10");
        waitUntil(() -> previewText().contains(FIRST_PROJECT + "（修订）") && previewText().contains("51.10"));
        firefox.screenshot("firefox-05-preview-followed");

        firefox.reload();
        waitUntil(() -> projectStates().size() == 5 && !projectStates().contains("检查中…"));
        firefox.screenshot("firefox-06-draft-restored");

        assertEquals(Boolean.FALSE, firefox.call("() => document.getElementById('draft-banner').hidden"),
                "the page says a draft was restored");
        assertEquals(FIRST_PROJECT + "（修订）", projectNames().get(0));
        assertEquals("51.10", value("$.funds.fiscal.initialBudget"), "the digits as typed");
        assertEquals("180.97212", value("$.funds.total.annualBudget"));

        firefox.click("#discard-draft");
        assertEquals(List.of(), projectNames());
        firefox.reload();
        assertEquals(List.of(), projectNames(), "the discarded draft is not restored");
    }

    @Test
    void theDownloadedPdfIsTheFormAsEdited() throws IOException {
        openExamples();
        firefox.type(cell("$.funds.fiscal.initialBudget"), "51.10");
        waitUntil(() -> previewNote().equals("与当前数据一致"));
        firefox.click("#download-pdf");

        Path pdf = waitUntil(() -> downloaded(".pdf").orElse(null));
        firefox.screenshot("firefox-07-pdf-downloaded");
        assertTrue(pdf.getFileName().toString().contains(FIRST_PROJECT), pdf::toString);
        try (PdfFile file = PdfFile.read(pdf)) {
            String text = file.compactText();
            for (String expected : List.of("项目支出绩效自评表", FIRST_PROJECT, "180.97212", "51.10", "87.00%")) {
                assertTrue(text.contains(expected), () -> expected + " in " + text);
            }
        }
    }

    @Test
    void indicatorRowsAreInsertedAndRemovedAndEqualLabelsShareOneMergedCell() {
        openExamples();
        assertEquals(List.of("产出指标", "效益指标", "满意度"), mergedCells("level1"));
        assertEquals(9, mergedCells("level2").size());

        firefox.click("button[title='在第3行下方插入一行（一级指标相同）']");
        assertEquals("$.indicators[3].level2", focusedPath(), "the new row's 二级指标 is the cell to fill");
        assertEquals(List.of("产出指标", "效益指标", "满意度"), mergedCells("level1"), "the new row joins 产出指标");
        assertEquals(10, mergedCells("level2").size());

        // Leaving a cell fires change only in a focused document. Alone, this class's window has the focus; in the
        // whole suite headless Firefox sometimes never gives it (document.hasFocus() stays false even with
        // focusmanager.testmode, the cause not found): then this step is reported skipped, and WebPageTest checks the
        // same merge in Chromium.
        assumeTrue(Boolean.TRUE.equals(firefox.call("() => document.hasFocus()")),
                "headless Firefox did not give the page's window the focus in this run");
        firefox.press("时效指标" + Keys.TAB);
        waitUntil(() -> mergedCells("level2").size() == 9);
        firefox.screenshot("firefox-08-row-inserted");
        assertEquals("2", rowspanOf("$.indicators[2].level2"), "rows 3 and 4 share one 时效指标 cell");

        firefox.click("button[title='删除第4行']");
        assertEquals(9, mergedCells("level2").size());
        assertEquals("1", rowspanOf("$.indicators[2].level2"));
        assertEquals("使用时间", value("$.indicators[2].level3"));
        assertEquals("资金成本", value("$.indicators[3].level3"));
    }

    @Test
    void aServiceWithATokenIsAskedForItOnce() throws RenderException {
        Service guarded = Service.start(TestEngine.allFormats(), ServiceTest.settings("s3cret-token"),
                new PrintStream(OutputStream.nullOutputStream()));
        try {
            firefox.navigate("http://127.0.0.1:" + guarded.port() + "/");
            waitUntil(() -> firefox.call("() => document.getElementById('token-dialog').open"));
            firefox.screenshot("firefox-09-token-asked");
            firefox.type("#token-input", "s3cret-token" + Keys.ENTER);

            openExamples();
            assertEquals(List.of("有警告", "可以生成", "可以生成", "可以生成", "可以生成"), projectStates());
            assertEquals(Boolean.FALSE, firefox.call("() => document.getElementById('token-dialog').open"),
                    "asked once: the checks went through with the token");
        } finally {
            guarded.close();
        }
    }

    /**
     * Waits for a condition of the page (a non-null, non-false value); when it does not come, keeps a screenshot and
     * fails with what the page shows.
     */
    private <T> T waitUntil(Supplier<T> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        do {
            T value = condition.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        firefox.screenshot("firefox-failed-" + System.nanoTime());
        throw new AssertionError("the page did not get there in " + PATIENCE.toSeconds() + " s; it shows the projects "
                + projectNames() + " " + projectStates() + ", the messages " + messages() + ", the console "
                + firefox.consoleErrors());
    }

    private void openExamples() {
        firefox.chooseFile("#file-input", Examples.FILE);
        waitUntil(() -> projectStates().size() == 5 && !projectStates().contains("检查中…")
                && !messages().isEmpty());
    }

    private static String cell(String path) {
        return "#form [data-path='" + path + "']";
    }

    private static String message(String path) {
        return "#message-list .message[data-path='" + path + "']";
    }

    private String value(String path) {
        return (String) firefox.call("(selector) => document.querySelector(selector).value", cell(path));
    }

    private String classOf(String path) {
        return (String) firefox.call("(selector) => document.querySelector(selector).className", cell(path));
    }

    /** The texts of the merged 一级 or 二级 cells, top to bottom. */
    @SuppressWarnings("unchecked")
    private List<String> mergedCells(String level) {
        return (List<String>) firefox.call("(selector) => [...document.querySelectorAll(selector)].map(e => e.value)",
                "#form td.group textarea[data-path$='." + level + "']");
    }

    /** How many rows the table cell of a path's input spans. */
    private String rowspanOf(String path) {
        return (String) firefox.call("(selector) => document.querySelector(selector).parentElement.getAttribute('rowspan')",
                cell(path));
    }

    private String focusedPath() {
        return (String) firefox.call("() => document.activeElement.dataset.path");
    }

    private List<String> projectNames() {
        return texts("#project-list .project .name");
    }

    private List<String> projectStates() {
        return texts("#project-list .project .badge");
    }

    /** Each message as shown: where (label and path), then the server's text. */
    private List<String> messages() {
        return texts("#message-list .message").stream().map(text -> text.replace('\n', ' ')).toList();
    }

    /** The texts of the elements as rendered, read in one go (the page redraws its lists as answers arrive). */
    @SuppressWarnings("unchecked")
    private List<String> texts(String selector) {
        return (List<String>) firefox.call(
                "(selector) => [...document.querySelectorAll(selector)].map(e => e.innerText)", selector);
    }

    /** The blob: URL of the PDF the preview shows, or null while there is none. */
    private String previewSource() {
        return (String) firefox.call("() => document.getElementById('preview-frame').getAttribute('src')");
    }

    /**
     * The text of the PDF the preview shows, as Firefox's PDF viewer lays it out in its text layer (without spaces and
     * line breaks); empty while it has drawn no page.
     */
    private String previewText() {
        String text = (String) firefox.callInFrame(
                "() => [...document.querySelectorAll('.textLayer')].map(layer => layer.textContent).join('')");
        return text == null ? "" : text.replaceAll("\\s+", "");
    }

    private String previewNote() {
        return (String) firefox.call("() => document.getElementById('preview-note').textContent");
    }

    private Optional<Path> downloaded(String extension) {
        try (var files = Files.list(firefox.downloads)) {
            return files.filter(file -> file.getFileName().toString().endsWith(extension)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
