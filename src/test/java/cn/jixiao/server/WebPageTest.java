package cn.jixiao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.render.RenderException;
import cn.jixiao.render.xlsx.FormWorkbook;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page at {@code GET /}, driven in headless Chromium against the real server: what a finance clerk does with
 * the five example forms, and what they see. Each step leaves a screenshot in {@code target/screenshots/}.
 */
class WebPageTest {

    private static final String FIRST_PROJECT = "政府批准聘用人员支出";
    private static final String RATE_WARNING = "警告 · 执行率 ($.funds.total.executionRate)";
    private static final Path SICHUAN_EXAMPLE = Path.of("examples", "sichuan-2023.json");
    private static final String SICHUAN_PROJECT = "51082423T000000123456-云溪县2023年农村供水保障工程";
    private static final Path XIANJIE_EXAMPLE = Path.of("examples", "xianjie-2023.json");
    private static final String XIANJIE_PROJECT = "2023年桃源镇桃树种植产业发展项目";

    private static Service service;
    private static HeadlessChromium chromium;
    private static String page;

    private WebDriverWait wait;

    @BeforeAll
    static void startServerAndBrowser() throws IOException, RenderException {
        chromium = HeadlessChromium.start();
        service = startService(null);
        page = "http://127.0.0.1:" + service.port() + "/";
    }

    /** The service as {@code jixiao serve} starts it, on a free port of the loopback, quiet. */
    private static Service startService(String token) throws RenderException {
        return Service.start(TestEngine.allFormats(), ServiceTest.settings(token),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void freshPage() {
        wait = new WebDriverWait(chromium.driver, Duration.ofSeconds(15));
        // Storage is cleared from another address of the origin, where no page is left to save its draft again.
        chromium.driver.get(page + "health");
        chromium.driver.executeScript("localStorage.clear(); sessionStorage.clear();");
        chromium.driver.get(page);
        chromium.consoleErrors(); // what earlier tests left in the console is theirs
    }

    @AfterEach
    void noScriptErrorsOrPolicyViolations() {
        assertEquals(List.of(), chromium.consoleErrors(), "errors in the browser console");
    }

    @Test
    void theExamplesAreListedWithTheirStateAndTheOneWarningOfThePublishedData() {
        openExamples();
        waitUntil(() -> previewSource() != null && previewNote().equals("与当前数据一致"));
        chromium.screenshot("01-examples-opened");

        assertEquals(List.of(FIRST_PROJECT, "智慧金凤社会治理综合平台运行费", "社区网格员工作终端使用费", "办公经费",
                "互联网专线费"), projectNames());
        assertEquals(List.of("有警告", "可以生成", "可以生成", "可以生成", "可以生成"), projectStates());
        assertEquals(1, messages().size(), messages()::toString);
        assertTrue(messages().get(0).startsWith(RATE_WARNING), messages()::toString);
        assertTrue(messages().get(0).contains("87.00%"), messages()::toString);
        assertEquals(FIRST_PROJECT, cell("$.projectName").getAttribute("value"));
        assertEquals("180.97212", cell("$.funds.total.annualBudget").getAttribute("value"));
        assertTrue(cell("$.funds.total.executionRate").getAttribute("class").contains("has-warning"),
                "the cell of the warning is marked");
    }

    @Test
    void anExcelFormIsImportedAndItsWarningNamesTheCellOfTheWorkbook() throws IOException {
        // The workbook `jixiao template --xlsx --from examples/jinfeng-2023.json` writes, as a clerk would fill it.
        Path workbook = Files.createTempDirectory("jixiao-page").resolve("自评表.xlsx");
        try {
            Files.write(workbook, FormWorkbook.filled(Examples.evaluations()));
            chromium.driver.findElement(By.id("file-input")).sendKeys(workbook.toAbsolutePath().toString());
            waitUntil(() -> projectStates().size() == 5 && !projectStates().contains("检查中…")
                    && !messages().isEmpty());
            waitUntil(() -> previewSource() != null && previewNote().equals("与当前数据一致"));
            chromium.screenshot("10-excel-form-imported");
        } finally {
            Files.deleteIfExists(workbook);
            Files.delete(workbook.getParent());
        }
        assertEquals(List.of(FIRST_PROJECT, "智慧金凤社会治理综合平台运行费", "社区网格员工作终端使用费", "办公经费",
                "互联网专线费"), projectNames());
        assertEquals(List.of("有警告", "可以生成", "可以生成", "可以生成", "可以生成"), projectStates());
        assertEquals(1, messages().size(), messages()::toString);
        String warning = messages().get(0);
        assertTrue(warning.startsWith(RATE_WARNING + " sheet \"" + FIRST_PROJECT + "\" G6 (执行率)"), warning);
        assertTrue(warning.contains("87.00%"), warning);
        assertEquals("180.97212", cell("$.funds.total.annualBudget").getAttribute("value"));
    }

    @Test
    void weightsThatNoLongerAddUpTo100AreReportedUntilTheyDoAgain() {
        openExamples();

        type("$.indicators[2].weight", "5"); // 使用时间: 10 → 5, below its 得分 of 10
        waitUntil(() -> messages().size() == 3);
        chromium.screenshot("02-weight-changed");
        assertTrue(messages().stream().anyMatch(m -> m.contains("95") && m.contains("100")), messages()::toString);
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("警告 · 绩效指标第3行 · 得分 ($.indicators[2].score)")),
                messages()::toString);
        assertEquals("有警告", projectStates().get(0));

        type("$.indicators[2].weight", "10");
        waitUntil(() -> messages().size() == 1);
        chromium.screenshot("03-weight-restored");
        assertTrue(messages().get(0).startsWith(RATE_WARNING), messages()::toString);
    }

    @Test
    void anAmountThatIsNotANumberIsAnErrorAndThePreviewKeepsTheLastGoodForm() {
        openExamples();
        String goodPreview = waitUntil(this::previewSource);
        waitUntil(() -> previewNote().equals("与当前数据一致"));

        type("$.funds.total.executed", "180万");
        waitUntil(() -> projectStates().get(0).equals("有错误"));
        chromium.screenshot("07-amount-error");
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("错误 · 年度资金总额 · 全年执行数 ($.funds.total.executed)")),
                messages()::toString);
        assertEquals("当前数据有错误，显示的是上次可以生成的版本", previewNote());
        assertEquals(goodPreview, previewSource(), "the last good preview stays");
        assertTrue(cell("$.funds.total.executed").getAttribute("class").contains("has-error"), "the cell is marked");

        type("$.funds.total.executed", "180.97212");
        waitUntil(() -> projectStates().get(0).equals("有警告") && previewNote().equals("与当前数据一致"));
    }

    @Test
    void aServiceWithATokenIsAskedForItOnce() throws RenderException {
        Service guarded = startService("s3cret-token");
        try {
            chromium.driver.get("http://127.0.0.1:" + guarded.port() + "/");
            WebElement dialog = waitUntil(() -> {
                WebElement element = chromium.driver.findElement(By.id("token-dialog"));
                return element.isDisplayed() ? element : null;
            });
            chromium.screenshot("08-token-asked");
            dialog.findElement(By.id("token-input")).sendKeys("s3cret-token", Keys.ENTER);

            openExamples();
            assertEquals(List.of("有警告", "可以生成", "可以生成", "可以生成", "可以生成"), projectStates());
            assertTrue(!dialog.isDisplayed(), "asked once: the checks went through with the token");
        } finally {
            guarded.close();
        }
    }

    @Test
    void indicatorRowsAreInsertedAndRemovedAndEqualLabelsShareOneMergedCell() {
        openExamples();
        assertEquals(List.of("产出指标", "效益指标", "满意度"), mergedCells("level1"));
        assertEquals(9, mergedCells("level2").size());

        chromium.driver.findElement(By.cssSelector("button[title='在第3行下方插入一行（一级指标相同）']")).click();
        assertEquals("$.indicators[3].level2", focusedPath(), "the new row's 二级指标 is the cell to fill");
        assertEquals(List.of("产出指标", "效益指标", "满意度"), mergedCells("level1"), "the new row joins 产出指标");
        assertEquals(10, mergedCells("level2").size());

        chromium.driver.switchTo().activeElement().sendKeys("时效指标", Keys.TAB);
        waitUntil(() -> mergedCells("level2").size() == 9);
        chromium.screenshot("09-row-inserted");
        assertEquals("2", cell("$.indicators[2].level2").findElement(By.xpath("..")).getDomAttribute("rowspan"),
                "rows 3 and 4 share one 时效指标 cell");

        chromium.driver.findElement(By.cssSelector("button[title='删除第4行']")).click();
        assertEquals(9, mergedCells("level2").size());
        assertEquals("1", cell("$.indicators[2].level2").findElement(By.xpath("..")).getDomAttribute("rowspan"));
        assertEquals("使用时间", cell("$.indicators[2].level3").getAttribute("value"));
        assertEquals("资金成本", cell("$.indicators[3].level3").getAttribute("value"));
        chromium.driver.executeScript("document.querySelector('#form tfoot').scrollIntoView()");
        chromium.screenshot("10-end-of-form");
    }

    @Test
    void clickingAMessageOpensItsCell() {
        openExamples();
        type("$.indicators[2].weight", "5");
        waitUntil(() -> messages().size() == 3);

        message("$.indicators[2].score").click();
        assertEquals("$.indicators[2].score", focusedPath());
        message("$.funds.total.executionRate").click();
        assertEquals("$.funds.total.executionRate", focusedPath());
        assertTrue(cell("$.funds.total.executionRate").getAttribute("class").contains("flash"), "the cell flashes");
        chromium.screenshot("04-message-clicked");
    }

    @Test
    void thePreviewFollowsTheEditsAndTheDraftSurvivesAReload() {
        openExamples();
        String firstPreview = waitUntil(this::previewSource);
        type("$.projectName", FIRST_PROJECT + "（修订）");
        type("$.funds.fiscal.initialBudget", "51.10");
        waitUntil(() -> !firstPreview.equals(previewSource()) && previewNote().equals("与当前数据一致"));

        chromium.driver.navigate().refresh();
        waitUntil(() -> projectStates().size() == 5 && !projectStates().contains("检查中…"));
        chromium.screenshot("05-draft-restored");

        assertTrue(chromium.driver.findElement(By.id("draft-banner")).isDisplayed(), "the page says a draft was restored");
        assertEquals(FIRST_PROJECT + "（修订）", projectNames().get(0));
        assertEquals("51.10", cell("$.funds.fiscal.initialBudget").getAttribute("value"), "the digits as typed");
        assertEquals("180.97212", cell("$.funds.total.annualBudget").getAttribute("value"));

        chromium.driver.findElement(By.id("discard-draft")).click();
        chromium.screenshot("05-draft-discarded");
        assertEquals(List.of(), projectNames());
        chromium.driver.navigate().refresh();
        assertEquals(List.of(), projectNames(), "the discarded draft is not restored");
    }

    @Test
    void theDownloadedPdfIsTheFormAsEdited() throws IOException {
        openExamples();
        type("$.funds.fiscal.initialBudget", "51.10");
        waitUntil(() -> previewNote().equals("与当前数据一致"));
        chromium.driver.findElement(By.id("download-pdf")).click();

        Path pdf = waitUntil(() -> downloaded(".pdf").orElse(null));
        chromium.screenshot("06-pdf-downloaded");
        assertTrue(pdf.getFileName().toString().contains(FIRST_PROJECT), pdf::toString);
        try (PdfFile file = PdfFile.read(pdf)) {
            String text = file.compactText();
            for (String expected : List.of("项目支出绩效自评表", FIRST_PROJECT, "180.97212", "51.10", "87.00%")) {
                assertTrue(text.contains(expected), () -> expected + " in " + text);
            }
        }
    }

    @Test
    void theZipOfAllProjectsHoldsWhatTheBatchWrites() throws IOException {
        openExamples();
        chromium.driver.findElement(By.id("download-zip")).click();

        Path zip = waitUntil(() -> downloaded(".zip").orElse(null));
        List<String> entries;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            entries = file.stream().map(ZipEntry::getName).toList();
        }
        for (String expected : List.of("2023-政府批准聘用人员支出.pdf", "2023-政府批准聘用人员支出.docx",
                "2023-互联网专线费.pdf", "全部自评表.pdf", "report.json")) {
            assertTrue(entries.contains(expected), () -> expected + " in " + entries);
        }
    }

    // ---- The regional forms: the 衔接资金 form and Sichuan's, laid out as printed ---------------------------------

    @Test
    void sichuansFormIsLaidOutAsPrintedAndItsWeightsAreChecked() {
        open(SICHUAN_EXAMPLE);
        waitForFirstPreview();
        assertEquals("没有发现问题", checkState());
        chromium.screenshot("20-sichuan-opened");

        assertEquals(List.of(SICHUAN_PROJECT), projectNames());
        assertTrue(texts("#project-list .project .source").get(0).startsWith("四川表"), "the list names the form");
        assertEquals("510000_0013zp", cell("$.reportCode").getAttribute("value"));
        assertTrue(headerTexts().containsAll(List.of("实施单位（盖章）", "项目基本情况", "1.项目年度目标完成情况",
                "2.项目实施内容及过程概述", "预算执行情况（10分）", "年初预算", "调整后预算数", "预算执行数", "预算执行率",
                "原因", "财政专户管理资金", "单位资金", "绩效指标（90分）", "合计", "评价结论", "存在问题", "改进措施",
                "项目负责人：", "财务负责人：")), headerTexts()::toString);
        assertEquals(List.of("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分",
                "未完成原因分析"), indicatorHeader(), "the indicator columns in the form's order");
        assertTrue(!headerTexts().contains("上年结转资金") && !headerTexts().contains("分值"), headerTexts()::toString);
        assertEquals("建成集中供水工程3处，改造供水管网12.6公里，受益人口8450人，工程全部通过竣工验收。",
                cell("$.overview.achieved").getAttribute("value"));
        assertEquals("27", cell("$.funds.unit.executed").getAttribute("value"));
        assertEquals("5", cell("$.funds.reason").findElement(By.xpath("..")).getDomAttribute("rowspan"),
                "one 原因 cell beside the five rows");
        assertEquals("≥", cell("$.indicators[0].nature").getAttribute("value"));
        assertEquals(List.of("", "=", "≥", "≤", "＞", "＜", "定性"), choices("$.indicators[0].nature"));
        assertEquals(List.of("产出指标", "效益指标", "满意度指标"), mergedCells("level1"));
        assertEquals("100", weightTotal(), "权重 of 总额 plus the indicators' make 合计 100");

        type("$.indicators[7].weight", "20"); // 工程设计使用年限: 15 → 20, so 合计 is 105 and the indicators' 95
        waitUntil(() -> messages().size() == 2);
        chromium.screenshot("21-sichuan-weight-changed");
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("警告 · 整张表 ($)")
                && m.endsWith("the 权重 add up to 105, not 100")), "in Sichuan's words: " + messages());
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("警告 · 绩效指标 ($.indicators)")
                && m.contains("绩效指标（90分）") && m.contains("95")), messages()::toString);
        assertEquals("105", weightTotal());
        assertEquals("有警告", projectStates().get(0));

        type("$.indicators[7].weight", "15");
        waitUntil(() -> messages().isEmpty() && checkState().equals("没有发现问题"));
        chromium.screenshot("22-sichuan-weight-restored");
        assertEquals("可以生成", projectStates().get(0));

        assertEquals("98.40%", cell("$.funds.total.executionRate").getDomAttribute("placeholder"));
        type("$.funds.total.executionRate", "90");
        waitUntil(() -> messages().size() == 1);
        assertTrue(messages().get(0).startsWith("警告 · 总额 · 预算执行率 ($.funds.total.executionRate)"),
                "named by Sichuan's labels: " + messages());
        assertTrue(messages().get(0).endsWith("90.00% given, but 预算执行数 ÷ 调整后预算数 = 98.40%"),
                "in Sichuan's words: " + messages());
        message("$.funds.total.executionRate").click();
        assertEquals("$.funds.total.executionRate", focusedPath(), "clicking the message opens its cell");
        chromium.screenshot("27-sichuan-rate-message-clicked");
        cell("$.funds.total.executionRate").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        waitUntil(() -> messages().isEmpty() && checkState().equals("没有发现问题"));
    }

    @Test
    void aNewIndicatorRowOfAXianjieProjectIsInThePreviewAndTheDownloadedPdf() throws IOException {
        open(XIANJIE_EXAMPLE);
        waitForFirstPreview();
        String firstPreview = previewSource();
        chromium.screenshot("23-xianjie-opened");
        assertTrue(headerTexts().containsAll(List.of("项目负责人及电话", "资金情况（万元）", "全年预算数（A）", "全年执行数（B）",
                "执行率（B/A）", "其中：本年财政拨款", "年初设定目标", "年度总体目标完成情况综述", "总分")),
                headerTexts()::toString);
        assertTrue(!headerTexts().contains("年初预算数") && !headerTexts().contains("上年结转资金"),
                headerTexts()::toString);
        assertEquals(List.of("一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
                "未完成原因及拟采取的改进措施"), indicatorHeader(), "分值 before the values");
        assertEquals("王建华0558-6127340", cell("$.projectLeader").getAttribute("value"));
        assertEquals("10", cell("$.funds.fiscal.weight").getAttribute("value"));
        assertEquals("98.53%", cell("$.funds.fiscal.executionRate").getDomAttribute("placeholder"),
                "an empty 执行率（B/A） shows what the form prints: 295.6 ÷ 300");
        assertTrue(texts("#project-list .project .source").get(0).startsWith("衔接资金表"), "the list names the form");

        chromium.driver.findElement(By.cssSelector("button[title='在第9行下方插入一行（一级指标相同）']")).click();
        assertEquals("$.indicators[9].level2", focusedPath(), "the new row's 二级指标 is the cell to fill");
        chromium.driver.switchTo().activeElement().sendKeys("服务对象满意度指标", Keys.TAB);
        type("$.indicators[9].level3", "新增调查户数");
        type("$.indicators[9].target", "≥200户");
        type("$.indicators[9].actual", "215户");
        waitUntil(() -> !firstPreview.equals(previewSource()) && previewNote().equals("与当前数据一致"));
        chromium.screenshot("24-xianjie-row-added");
        assertEquals(List.of("产出指标（50分）", "效益指标（30分）", "满意度指标（10分）"), mergedCells("level1"));
        assertEquals("2", cell("$.indicators[8].level2").findElement(By.xpath("..")).getDomAttribute("rowspan"),
                "the new row joins 服务对象满意度指标");

        chromium.driver.findElement(By.id("download-pdf")).click();
        Path pdf = waitUntil(() -> downloaded(".pdf", XIANJIE_PROJECT).orElse(null));
        try (PdfFile file = PdfFile.read(pdf)) {
            String text = file.compactText();
            for (String expected : List.of("绩效目标自评表", "项目负责人及电话", "王建华0558-6127340", "新增调查户数",
                    "≥200户", "215户")) {
                assertTrue(text.contains(expected), () -> expected + " in " + text);
            }
        } finally {
            Files.delete(pdf);
        }
    }

    @Test
    void aFieldTheFormHasNoPlaceForIsReportedAndKeptInTheSavedJson() throws IOException {
        Path file = Files.createTempDirectory("jixiao-page").resolve("衔接资金.json");
        try {
            Files.writeString(file, Files.readString(XIANJIE_EXAMPLE).replaceFirst("\\{",
                    "{ \"overview\": { \"goal\": \"只有四川表印的项目年度目标\" },"));
            open(file);
            waitUntil(() -> messages().size() == 1);
        } finally {
            Files.delete(file);
            Files.delete(file.getParent());
        }
        chromium.screenshot("25-xianjie-unprinted-field");
        assertTrue(messages().get(0).startsWith("警告 · 项目基本情况 ($.overview)"), messages()::toString);
        assertTrue(messages().get(0).contains("no place for it"), messages()::toString);

        type("$.projectLeader", "李宁0557-5788003");
        chromium.driver.findElement(By.id("save-json")).click();
        Path saved = waitUntil(() -> downloaded(".json", XIANJIE_PROJECT).orElse(null));
        try {
            String text = waitUntil(() -> {
                try {
                    String written = Files.readString(saved);
                    return written.endsWith("\n") ? written : null;
                } catch (IOException e) {
                    return null;
                }
            });
            assertTrue(text.contains("只有四川表印的项目年度目标"), text);
            assertTrue(text.contains("李宁0557-5788003"), text);
        } finally {
            Files.delete(saved);
        }
    }

    @Test
    void aNewProjectIsStartedOnTheFormChosen() {
        new Select(chromium.driver.findElement(By.id("new-form"))).selectByValue("sichuan");
        chromium.driver.findElement(By.id("new-project")).click();
        waitUntil(() -> !projectStates().isEmpty() && !projectStates().get(0).equals("检查中…"));
        chromium.screenshot("26-sichuan-new-project");
        assertEquals("510000_0013zp", cell("$.reportCode").getAttribute("value"));
        assertTrue(headerTexts().contains("预算执行情况（10分）"), headerTexts()::toString);
        assertTrue(texts("#project-list .project .source").get(0).startsWith("四川表"));

        new Select(cell("$.indicators[0].nature")).selectByValue("定性");
        waitUntil(() -> "定性".equals(draftOfFirstProject("indicators[0].nature")));

        type("$.projectName", "云溪县农村供水保障工程"); // a project without a name has an error, and then no warnings
        new Select(chromium.driver.findElement(By.id("project-form"))).selectByValue("xianjie");
        waitUntil(() -> messages().stream().anyMatch(m -> m.startsWith("警告 · 报表编号 ($.reportCode)")));
        chromium.screenshot("28-new-project-moved-to-xianjie");
        assertTrue(headerTexts().contains("项目负责人及电话"), headerTexts()::toString);
        assertTrue(texts("#project-list .project .source").get(0).startsWith("衔接资金表"));
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("警告 · 绩效指标第1行 · 指标性质 ($.indicators[0].nature)")),
                messages()::toString);
        waitUntil(() -> "xianjie".equals(draftOfFirstProject("form")));
        assertEquals("定性", draftOfFirstProject("indicators[0].nature"), "what the form does not print is kept");
    }

    /** A value of the first project of the draft in localStorage, by its JavaScript path. */
    private Object draftOfFirstProject(String path) {
        return chromium.driver.executeScript("return JSON.parse(JSON.parse(localStorage.getItem('jixiao.draft'))"
                + ".projects[0].json)." + path);
    }

    /**
     * Waits up to a minute for the first preview of a regional form: the service's first render of a form fills and
     * exports templates no earlier test used, which takes much longer than the page's other steps on a busy machine.
     */
    private void waitForFirstPreview() {
        waitUntil(() -> previewSource() != null && previewNote().equals("与当前数据一致"),
                new WebDriverWait(chromium.driver, Duration.ofSeconds(60)));
    }

    private void open(Path file) {
        chromium.driver.findElement(By.id("file-input")).sendKeys(file.toAbsolutePath().toString());
        waitUntil(() -> projectStates().size() == 1 && !projectStates().contains("检查中…"));
    }

    /** The printed labels of the form on the page (its th cells), top to bottom, left to right. */
    private List<String> headerTexts() {
        return texts("#form th");
    }

    /** The header of the indicator block, without the block's own label. */
    private List<String> indicatorHeader() {
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) chromium.driver.executeScript("const row = [...document.querySelectorAll("
                + "'#form tr')].find(r => [...r.children].some(c => c.tagName === 'TH' && c.innerText === '一级指标'));"
                + "return [...row.querySelectorAll('th')].map(th => th.innerText).slice(1);");
        return values;
    }

    private String weightTotal() {
        return chromium.driver.findElement(By.cssSelector("#form td.computed output")).getText();
    }

    private List<String> choices(String path) {
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) chromium.driver.executeScript(
                "return [...arguments[0].options].map(o => o.value);", cell(path));
        return values;
    }

    private String checkState() {
        return chromium.driver.findElement(By.id("check-state")).getText();
    }

    /**
     * Waits for a condition of the page (a non-null, non-false value); when it does not come, keeps a screenshot and
     * fails with what the page shows.
     */
    private <T> T waitUntil(Supplier<T> condition) {
        return waitUntil(condition, wait);
    }

    /** {@link #waitUntil(Supplier)} with a wait of its own. */
    private <T> T waitUntil(Supplier<T> condition, WebDriverWait wait) {
        try {
            return wait.until(driver -> condition.get());
        } catch (TimeoutException e) {
            chromium.screenshot("failed-" + System.nanoTime());
            throw new AssertionError("the page did not get there; it shows the projects " + projectNames() + " "
                    + projectStates() + ", the messages " + messages() + ", the console " + chromium.consoleErrors(), e);
        }
    }

    private void openExamples() {
        chromium.driver.findElement(By.id("file-input")).sendKeys(Examples.FILE.toAbsolutePath().toString());
        waitUntil(() -> projectStates().size() == 5 && !projectStates().contains("检查中…")
                && !messages().isEmpty());
    }

    /** Replaces a cell's text as a user does: select all, type. */
    private void type(String path, String text) {
        WebElement cell = cell(path);
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    private WebElement cell(String path) {
        return chromium.driver.findElement(By.cssSelector("#form [data-path='" + path + "']"));
    }

    private WebElement message(String path) {
        return chromium.driver.findElement(By.cssSelector("#message-list .message[data-path='" + path + "']"));
    }

    /** The texts of the merged 一级 or 二级 cells, top to bottom. */
    private List<String> mergedCells(String level) {
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) chromium.driver.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.value);",
                "#form td.group textarea[data-path$='." + level + "']");
        return values;
    }

    private String focusedPath() {
        return (String) chromium.driver.executeScript("return document.activeElement.dataset.path;");
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

    /** The texts of the elements, read in one go (the page redraws its lists as answers arrive). */
    @SuppressWarnings("unchecked")
    private List<String> texts(String selector) {
        return (List<String>) chromium.driver.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText);", selector);
    }

    /** The blob: URL of the PDF the preview shows, or null while there is none. */
    private String previewSource() {
        return chromium.driver.findElement(By.id("preview-frame")).getDomAttribute("src");
    }

    private String previewNote() {
        return chromium.driver.findElement(By.id("preview-note")).getText();
    }

    private Optional<Path> downloaded(String extension) {
        return downloaded(extension, "");
    }

    /** A finished download of this extension whose name contains the text (the browser's downloads of the class). */
    private Optional<Path> downloaded(String extension, String nameContains) {
        try (var files = Files.list(chromium.downloads)) {
            return files.filter(file -> file.getFileName().toString().endsWith(extension)
                    && file.getFileName().toString().contains(nameContains)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
