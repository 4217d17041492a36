package cn.jixiao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;

/**
 * The page at {@code GET /} against the real server, as a finance clerk uses it with the five example forms in any
 * browser: open the examples and see the one warning, break and mend the weights, open a cell from its message, see
 * the preview follow the edits, keep a draft over a reload, download the PDF, merge indicator rows, give the token.
 * {@link WebPageTest} runs these in Chromium, {@link FirefoxPageTest} in Firefox, each browser's own scenarios beside
 * them; one browser and one service serve a class. Each step leaves a screenshot in {@code target/screenshots/}.
 *
 * <p>The page is read with scripts ({@link Browser#call}) and used with the browser's own mouse and keyboard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PageScenarios {

    static final String FIRST_PROJECT = "政府批准聘用人员支出";
    static final String RATE_WARNING = "警告 · 执行率 ($.funds.total.executionRate)";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Service service;
    private Browser browser;
    private String page;

    /** Starts the class's browser; skips the class where the browser is not installed. */
    abstract Browser startBrowser() throws IOException;

    /**
     * The text of the PDF the preview shows, as the browser's PDF viewer lays it out, without spaces and line breaks;
     * empty where no script can read it (then a scenario sees only that the preview shows another PDF).
     */
    abstract Optional<String> previewText();

    /**
     * Called before a step that leaves a cell: the page merges equal labels on change, which fires only in a focused
     * document. A browser that may not give its window the focus skips the rest of the scenario here.
     */
    void assumeThePageHasTheFocus() {
    }

    @BeforeAll
    void startServerAndBrowser() throws IOException, RenderException {
        browser = startBrowser();
        service = startService(null);
        page = "http://127.0.0.1:" + service.port() + "/";
    }

    /** The service as {@code jixiao serve} starts it, on a free port of the loopback, quiet. */
    static Service startService(String token) throws RenderException {
        return Service.start(TestEngine.allFormats(), ServiceTest.settings(token),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void freshPage() {
        // Storage is cleared from another address of the origin, where no page is left to save its draft again (not
        // from /health: Firefox shows JSON in its own viewer, which has no storage of the origin).
        browser.navigate(page + "favicon.svg");
        browser.call("() => { localStorage.clear(); sessionStorage.clear(); }");
        browser.navigate(page);
        browser.consoleErrors(); // what earlier tests left in the console is theirs
    }

    @AfterEach
    void noScriptErrorsOrPolicyViolations() {
        assertEquals(List.of(), browser.consoleErrors(), "errors in the browser console");
    }

    @Test
    void theExamplesAreListedWithTheirStateAndTheOneWarningOfThePublishedData() {
        openExamples();
        waitUntil(() -> previewSource() != null && previewNote().equals("与当前数据一致"));
        screenshot("01-examples-opened");

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

        type("$.indicators[2].weight", "5"); // 使用时间: 10 → 5, below its 得分 of 10
        waitUntil(() -> messages().size() == 3);
        screenshot("02-weight-changed");
        assertTrue(messages().stream().anyMatch(m -> m.contains("95") && m.contains("100")), messages()::toString);
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("警告 · 绩效指标第3行 · 得分 ($.indicators[2].score)")),
                messages()::toString);
        assertEquals("有警告", projectStates().get(0));

        type("$.indicators[2].weight", "10");
        waitUntil(() -> messages().size() == 1);
        screenshot("03-weight-restored");
        assertTrue(messages().get(0).startsWith(RATE_WARNING), messages()::toString);
    }

    @Test
    void clickingAMessageOpensItsCell() {
        openExamples();
        type("$.indicators[2].weight", "5");
        waitUntil(() -> messages().size() == 3);

        browser.click(message("$.indicators[2].score"));
        assertEquals("$.indicators[2].score", focusedPath());
        browser.click(message("$.funds.total.executionRate"));
        assertEquals("$.funds.total.executionRate", focusedPath());
        assertTrue(classOf("$.funds.total.executionRate").contains("flash"), "the cell flashes");
        screenshot("04-message-clicked");
    }

    @Test
    void thePreviewFollowsTheEditsAndTheDraftSurvivesAReload() {
        openExamples();
        waitUntil(() -> previewShows(FIRST_PROJECT + "主管部门"));
        String firstPreview = waitUntil(this::previewSource);
        type("$.projectName", FIRST_PROJECT + "（修订）");
        type("$.funds.fiscal.initialBudget", "51.10");
        waitUntil(() -> !firstPreview.equals(previewSource()) && previewNote().equals("与当前数据一致")
                && previewShows(FIRST_PROJECT + "（修订）", "51.10"));
        screenshot("05-preview-followed");

        browser.reload();
        waitUntil(() -> projectStates().size() == 5 && !projectStates().contains("检查中…"));
        screenshot("05-draft-restored");

        assertTrue(displayed("#draft-banner"), "the page says a draft was restored");
        assertEquals(FIRST_PROJECT + "（修订）", projectNames().get(0));
        assertEquals("51.10", value("$.funds.fiscal.initialBudget"), "the digits as typed");
        assertEquals("180.97212", value("$.funds.total.annualBudget"));

        browser.click("#discard-draft");
        screenshot("05-draft-discarded");
        assertEquals(List.of(), projectNames());
        browser.reload();
        assertEquals(List.of(), projectNames(), "the discarded draft is not restored");
    }

    @Test
    void theDownloadedPdfIsTheFormAsEdited() throws IOException {
        openExamples();
        type("$.funds.fiscal.initialBudget", "51.10");
        waitUntil(() -> previewNote().equals("与当前数据一致"));
        browser.click("#download-pdf");

        Path pdf = waitUntil(() -> downloaded(".pdf").orElse(null));
        screenshot("06-pdf-downloaded");
        assertTrue(pdf.getFileName().toString().contains(FIRST_PROJECT), pdf::toString);
        try (PdfFile file = PdfFile.read(pdf)) {
            String text = file.compactText();
            for (String expected : List.of("项目支出绩效自评表", FIRST_PROJECT, "180.97212", "51.10", "87.00%")) {
                assertTrue(text.contains(expected), () -> expected + " in " + text);
            }
        }
    }

    @Test
    void aServiceWithATokenIsAskedForItOnce() throws RenderException {
        Service guarded = startService("s3cret-token");
        try {
            browser.navigate("http://127.0.0.1:" + guarded.port() + "/");
            waitUntil(() -> displayed("#token-dialog"));
            screenshot("08-token-asked");
            browser.type("#token-input", "s3cret-token" + Keys.ENTER);

            openExamples();
            assertEquals(List.of("有警告", "可以生成", "可以生成", "可以生成", "可以生成"), projectStates());
            assertFalse(displayed("#token-dialog"), "asked once: the checks went through with the token");
        } finally {
            guarded.close();
        }
    }

    @Test
    void indicatorRowsAreInsertedAndRemovedAndEqualLabelsShareOneMergedCell() {
        openExamples();
        assertEquals(List.of("产出指标", "效益指标", "满意度"), mergedCells("level1"));
        assertEquals(9, mergedCells("level2").size());

        browser.click("button[title='在第3行下方插入一行（一级指标相同）']");
        assertEquals("$.indicators[3].level2", focusedPath(), "the new row's 二级指标 is the cell to fill");
        assertEquals(List.of("产出指标", "效益指标", "满意度"), mergedCells("level1"), "the new row joins 产出指标");
        assertEquals(10, mergedCells("level2").size());

        assumeThePageHasTheFocus();
        browser.press("时效指标" + Keys.TAB);
        waitUntil(() -> mergedCells("level2").size() == 9);
        screenshot("09-row-inserted");
        assertEquals("2", rowspanOf("$.indicators[2].level2"), "rows 3 and 4 share one 时效指标 cell");

        browser.click("button[title='删除第4行']");
        assertEquals(9, mergedCells("level2").size());
        assertEquals("1", rowspanOf("$.indicators[2].level2"));
        assertEquals("使用时间", value("$.indicators[2].level3"));
        assertEquals("资金成本", value("$.indicators[3].level3"));
        browser.call("() => document.querySelector('#form tfoot').scrollIntoView()");
        screenshot("10-end-of-form");
    }

    // ---- What a scenario does and reads on the page ----------------------------------------------------------------

    /** Opens the five example forms and waits until each is checked. */
    void openExamples() {
        browser.chooseFile("#file-input", Examples.FILE);
        waitUntil(() -> projectStates().size() == 5 && !projectStates().contains("检查中…")
                && !messages().isEmpty());
    }

    /** Replaces a cell's text as a user does: select all, type. */
    void type(String path, String text) {
        browser.type(cell(path), text);
    }

    void screenshot(String step) {
        browser.screenshot(step);
    }

    /** The input of the form for a JSON path, as a CSS selector. */
    static String cell(String path) {
        return "#form [data-path='" + path + "']";
    }

    /** The message of a JSON path in the list of the check's messages, as a CSS selector. */
    static String message(String path) {
        return "#message-list .message[data-path='" + path + "']";
    }

    String value(String path) {
        return (String) browser.call("(selector) => document.querySelector(selector).value", cell(path));
    }

    String classOf(String path) {
        return (String) browser.call("(selector) => document.querySelector(selector).className", cell(path));
    }

    /** How many rows the table cell of a path's input spans. */
    String rowspanOf(String path) {
        return (String) browser.call(
                "(selector) => document.querySelector(selector).parentElement.getAttribute('rowspan')", cell(path));
    }

    /** Whether the element is shown: rendered, not hidden, not transparent (as Selenium's isDisplayed sees it). */
    boolean displayed(String selector) {
        return (Boolean) browser.call("(selector) => document.querySelector(selector)"
                + ".checkVisibility({opacityProperty: true, visibilityProperty: true})", selector);
    }

    /** The texts of the merged 一级 or 二级 cells, top to bottom. */
    @SuppressWarnings("unchecked")
    List<String> mergedCells(String level) {
        return (List<String>) browser.call("(selector) => [...document.querySelectorAll(selector)].map(e => e.value)",
                "#form td.group textarea[data-path$='." + level + "']");
    }

    String focusedPath() {
        return (String) browser.call("() => document.activeElement.dataset.path");
    }

    List<String> projectNames() {
        return texts("#project-list .project .name");
    }

    List<String> projectStates() {
        return texts("#project-list .project .badge");
    }

    /** Each message as shown: where (label and path), then the server's text. */
    List<String> messages() {
        return texts("#message-list .message").stream().map(text -> text.replace('\n', ' ')).toList();
    }

    /** The texts of the elements as rendered, read in one go (the page redraws its lists as answers arrive). */
    @SuppressWarnings("unchecked")
    List<String> texts(String selector) {
        return (List<String>) browser.call(
                "(selector) => [...document.querySelectorAll(selector)].map(e => e.innerText)", selector);
    }

    /** The blob: URL of the PDF the preview shows, or null while there is none. */
    String previewSource() {
        return (String) browser.call("() => document.getElementById('preview-frame').getAttribute('src')");
    }

    String previewNote() {
        return texts("#preview-note").get(0);
    }

    /** Whether the preview shows each of the texts, as far as the browser lets a script read it. */
    private boolean previewShows(String... texts) {
        return previewText().map(text -> Stream.of(texts).allMatch(text::contains)).orElse(true);
    }

    Optional<Path> downloaded(String extension) {
        return downloaded(extension, "");
    }

    /** A finished download of this extension whose name contains the text (the browser's downloads of the class). */
    Optional<Path> downloaded(String extension, String nameContains) {
        try (var files = Files.list(browser.downloads())) {
            return files.filter(file -> file.getFileName().toString().endsWith(extension)
                    && file.getFileName().toString().contains(nameContains)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits for a condition of the page (a non-null, non-false value); when it does not come, keeps a screenshot and
     * fails with what the page shows.
     */
    <T> T waitUntil(Supplier<T> condition) {
        return waitUntil(condition, PATIENCE);
    }

    /** {@link #waitUntil(Supplier)} with a patience of its own. */
    <T> T waitUntil(Supplier<T> condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
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
        screenshot("failed-" + System.nanoTime());
        throw new AssertionError("the page did not get there in " + patience.toSeconds() + " s; it shows the projects "
                + projectNames() + " " + projectStates() + ", the messages " + messages() + ", the console "
                + browser.consoleErrors());
    }
}
