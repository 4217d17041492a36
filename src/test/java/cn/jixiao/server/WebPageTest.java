package cn.jixiao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.render.xlsx.FormWorkbook;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.PdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The page's {@link PageScenarios} in headless Chromium through Selenium's WebDriver, and what only Chromium is asked:
 * an Excel form imported, an amount that is not a number, the ZIP of all projects, and the regional forms (衔接资金,
 * Sichuan's) laid out as printed. Each step leaves a screenshot in {@code target/screenshots/}.
 */
class WebPageTest extends PageScenarios {

    private static final Path SICHUAN_EXAMPLE = Path.of("examples", "sichuan-2023.json");
    private static final String SICHUAN_PROJECT = "51082423T000000123456-云溪县2023年农村供水保障工程";
    private static final Path XIANJIE_EXAMPLE = Path.of("examples", "xianjie-2023.json");
    private static final String XIANJIE_PROJECT = "2023年桃源镇桃树种植产业发展项目";

    private HeadlessChromium chromium;

    @Override
    Browser startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        return chromium;
    }

    /** Chromium's PDF viewer is a plugin outside the page's scripts: its text cannot be read. */
    @Override
    Optional<String> previewText() {
        return Optional.empty();
    }

    @Test
    void anExcelFormIsImportedAndItsWarningNamesTheCellOfTheWorkbook() throws IOException {
        // The workbook `jixiao template --xlsx --from examples/jinfeng-2023.json` writes, as a clerk would fill it.
        Path workbook = Files.createTempDirectory("jixiao-page").resolve("自评表.xlsx");
        try {
            Files.write(workbook, FormWorkbook.filled(Examples.evaluations()));
            chromium.chooseFile("#file-input", workbook);
            waitUntil(() -> projectStates().size() == 5 && !projectStates().contains("检查中…")
                    && !messages().isEmpty());
            waitUntil(() -> previewSource() != null && previewNote().equals("与当前数据一致"));
            screenshot("10-excel-form-imported");
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
        assertEquals("180.97212", value("$.funds.total.annualBudget"));
    }

    @Test
    void anAmountThatIsNotANumberIsAnErrorAndThePreviewKeepsTheLastGoodForm() {
        openExamples();
        String goodPreview = waitUntil(this::previewSource);
        waitUntil(() -> previewNote().equals("与当前数据一致"));

        type("$.funds.total.executed", "180万");
        waitUntil(() -> projectStates().get(0).equals("有错误"));
        screenshot("07-amount-error");
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("错误 · 年度资金总额 · 全年执行数 ($.funds.total.executed)")),
                messages()::toString);
        assertEquals("当前数据有错误，显示的是上次可以生成的版本", previewNote());
        assertEquals(goodPreview, previewSource(), "the last good preview stays");
        assertTrue(classOf("$.funds.total.executed").contains("has-error"), "the cell is marked");

        type("$.funds.total.executed", "180.97212");
        waitUntil(() -> projectStates().get(0).equals("有警告") && previewNote().equals("与当前数据一致"));
    }

    @Test
    void theZipOfAllProjectsHoldsWhatTheBatchWrites() throws IOException {
        openExamples();
        chromium.click("#download-zip");

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
        screenshot("20-sichuan-opened");

        assertEquals(List.of(SICHUAN_PROJECT), projectNames());
        assertTrue(texts("#project-list .project .source").get(0).startsWith("四川表"), "the list names the form");
        assertEquals("510000_0013zp", value("$.reportCode"));
        assertTrue(headerTexts().containsAll(List.of("实施单位（盖章）", "项目基本情况", "1.项目年度目标完成情况",
                "2.项目实施内容及过程概述", "预算执行情况（10分）", "年初预算", "调整后预算数", "预算执行数", "预算执行率",
                "原因", "财政专户管理资金", "单位资金", "绩效指标（90分）", "合计", "评价结论", "存在问题", "改进措施",
                "项目负责人：", "财务负责人：")), headerTexts()::toString);
        assertEquals(List.of("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分",
                "未完成原因分析"), indicatorHeader(), "the indicator columns in the form's order");
        assertTrue(!headerTexts().contains("上年结转资金") && !headerTexts().contains("分值"), headerTexts()::toString);
        assertEquals("建成集中供水工程3处，改造供水管网12.6公里，受益人口8450人，工程全部通过竣工验收。",
                value("$.overview.achieved"));
        assertEquals("27", value("$.funds.unit.executed"));
        assertEquals("5", rowspanOf("$.funds.reason"), "one 原因 cell beside the five rows");
        assertEquals("≥", value("$.indicators[0].nature"));
        assertEquals(List.of("", "=", "≥", "≤", "＞", "＜", "定性"), choices("$.indicators[0].nature"));
        assertEquals(List.of("产出指标", "效益指标", "满意度指标"), mergedCells("level1"));
        assertEquals("100", weightTotal(), "权重 of 总额 plus the indicators' make 合计 100");

        type("$.indicators[7].weight", "20"); // 工程设计使用年限: 15 → 20, so 合计 is 105 and the indicators' 95
        waitUntil(() -> messages().size() == 2);
        screenshot("21-sichuan-weight-changed");
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("警告 · 整张表 ($)")
                && m.endsWith("the 权重 add up to 105, not 100")), "in Sichuan's words: " + messages());
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("警告 · 绩效指标 ($.indicators)")
                && m.contains("绩效指标（90分）") && m.contains("95")), messages()::toString);
        assertEquals("105", weightTotal());
        assertEquals("有警告", projectStates().get(0));

        type("$.indicators[7].weight", "15");
        waitUntil(() -> messages().isEmpty() && checkState().equals("没有发现问题"));
        screenshot("22-sichuan-weight-restored");
        assertEquals("可以生成", projectStates().get(0));

        assertEquals("98.40%", placeholderOf("$.funds.total.executionRate"));
        type("$.funds.total.executionRate", "90");
        waitUntil(() -> messages().size() == 1);
        assertTrue(messages().get(0).startsWith("警告 · 总额 · 预算执行率 ($.funds.total.executionRate)"),
                "named by Sichuan's labels: " + messages());
        assertTrue(messages().get(0).endsWith("90.00% given, but 预算执行数 ÷ 调整后预算数 = 98.40%"),
                "in Sichuan's words: " + messages());
        chromium.click(message("$.funds.total.executionRate"));
        assertEquals("$.funds.total.executionRate", focusedPath(), "clicking the message opens its cell");
        screenshot("27-sichuan-rate-message-clicked");
        type("$.funds.total.executionRate", Keys.DELETE.toString());
        waitUntil(() -> messages().isEmpty() && checkState().equals("没有发现问题"));
    }

    @Test
    void aNewIndicatorRowOfAXianjieProjectIsInThePreviewAndTheDownloadedPdf() throws IOException {
        open(XIANJIE_EXAMPLE);
        waitForFirstPreview();
        String firstPreview = previewSource();
        screenshot("23-xianjie-opened");
        assertTrue(headerTexts().containsAll(List.of("项目负责人及电话", "资金情况（万元）", "全年预算数（A）", "全年执行数（B）",
                "执行率（B/A）", "其中：本年财政拨款", "年初设定目标", "年度总体目标完成情况综述", "总分")),
                headerTexts()::toString);
        assertTrue(!headerTexts().contains("年初预算数") && !headerTexts().contains("上年结转资金"),
                headerTexts()::toString);
        assertEquals(List.of("一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
                "未完成原因及拟采取的改进措施"), indicatorHeader(), "分值 before the values");
        assertEquals("王建华0558-6127340", value("$.projectLeader"));
        assertEquals("10", value("$.funds.fiscal.weight"));
        assertEquals("98.53%", placeholderOf("$.funds.fiscal.executionRate"),
                "an empty 执行率（B/A） shows what the form prints: 295.6 ÷ 300");
        assertTrue(texts("#project-list .project .source").get(0).startsWith("衔接资金表"), "the list names the form");

        chromium.click("button[title='在第9行下方插入一行（一级指标相同）']");
        assertEquals("$.indicators[9].level2", focusedPath(), "the new row's 二级指标 is the cell to fill");
        chromium.press("服务对象满意度指标" + Keys.TAB);
        type("$.indicators[9].level3", "新增调查户数");
        type("$.indicators[9].target", "≥200户");
        type("$.indicators[9].actual", "215户");
        waitUntil(() -> !firstPreview.equals(previewSource()) && previewNote().equals("与当前数据一致"));
        screenshot("24-xianjie-row-added");
        assertEquals(List.of("产出指标（50分）", "效益指标（30分）", "满意度指标（10分）"), mergedCells("level1"));
        assertEquals("2", rowspanOf("$.indicators[8].level2"),
                "the new row joins 服务对象满意度指标");

        chromium.click("#download-pdf");
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
        screenshot("25-xianjie-unprinted-field");
        assertTrue(messages().get(0).startsWith("警告 · 项目基本情况 ($.overview)"), messages()::toString);
        assertTrue(messages().get(0).contains("no place for it"), messages()::toString);

        type("$.projectLeader", "李宁0557-5788003");
        chromium.click("#save-json");
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
        choose("#new-form", "sichuan");
        chromium.click("#new-project");
        waitUntil(() -> !projectStates().isEmpty() && !projectStates().get(0).equals("检查中…"));
        screenshot("26-sichuan-new-project");
        assertEquals("510000_0013zp", value("$.reportCode"));
        assertTrue(headerTexts().contains("预算执行情况（10分）"), headerTexts()::toString);
        assertTrue(texts("#project-list .project .source").get(0).startsWith("四川表"));

        choose(cell("$.indicators[0].nature"), "定性");
        waitUntil(() -> "定性".equals(draftOfFirstProject("indicators[0].nature")));

        type("$.projectName", "云溪县农村供水保障工程"); // a project without a name has an error, and then no warnings
        choose("#project-form", "xianjie");
        waitUntil(() -> messages().stream().anyMatch(m -> m.startsWith("警告 · 报表编号 ($.reportCode)")));
        screenshot("28-new-project-moved-to-xianjie");
        assertTrue(headerTexts().contains("项目负责人及电话"), headerTexts()::toString);
        assertTrue(texts("#project-list .project .source").get(0).startsWith("衔接资金表"));
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("警告 · 绩效指标第1行 · 指标性质 ($.indicators[0].nature)")),
                messages()::toString);
        waitUntil(() -> "xianjie".equals(draftOfFirstProject("form")));
        assertEquals("定性", draftOfFirstProject("indicators[0].nature"), "what the form does not print is kept");
    }

    /** A value of the first project of the draft in localStorage, by its JavaScript path. */
    private Object draftOfFirstProject(String path) {
        return chromium.call("() => JSON.parse(JSON.parse(localStorage.getItem('jixiao.draft'))"
                + ".projects[0].json)." + path);
    }

    /**
     * Waits up to a minute for the first preview of a regional form: the service's first render of a form fills and
     * exports templates no earlier test used, which takes much longer than the page's other steps on a busy machine.
     */
    private void waitForFirstPreview() {
        waitUntil(() -> previewSource() != null && previewNote().equals("与当前数据一致"), Duration.ofSeconds(60));
    }

    private void open(Path file) {
        chromium.chooseFile("#file-input", file);
        waitUntil(() -> projectStates().size() == 1 && !projectStates().contains("检查中…"));
    }

    /** Chooses an option of a select by its value, as Selenium's {@link Select} does with the mouse. */
    private void choose(String selector, String value) {
        new Select(chromium.driver.findElement(By.cssSelector(selector))).selectByValue(value);
    }

    /** The printed labels of the form on the page (its th cells), top to bottom, left to right. */
    private List<String> headerTexts() {
        return texts("#form th");
    }

    /** The header of the indicator block, without the block's own label. */
    @SuppressWarnings("unchecked")
    private List<String> indicatorHeader() {
        return (List<String>) chromium.call("() => [...[...document.querySelectorAll('#form tr')]"
                + ".find(r => [...r.children].some(c => c.tagName === 'TH' && c.innerText === '一级指标'))"
                + ".querySelectorAll('th')].map(th => th.innerText).slice(1)");
    }

    private String weightTotal() {
        return texts("#form td.computed output").get(0);
    }

    @SuppressWarnings("unchecked")
    private List<String> choices(String path) {
        return (List<String>) chromium.call("(selector) => [...document.querySelector(selector).options]"
                + ".map(o => o.value)", cell(path));
    }

    private String checkState() {
        return texts("#check-state").get(0);
    }

    /** The hint an empty cell shows: what the form prints there. */
    private String placeholderOf(String path) {
        return (String) chromium.call("(selector) => document.querySelector(selector).getAttribute('placeholder')",
                cell(path));
    }
}
