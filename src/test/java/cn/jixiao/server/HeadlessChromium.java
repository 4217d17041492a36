package cn.jixiao.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium driven headless at 1280×800, as the browser tests need it: a fresh profile, downloads into a
 * directory of the test's, the console kept for inspection, and screenshots into {@code target/screenshots/}.
 * Selenium Manager cannot download drivers here, so the binary and the driver are named explicitly; where either
 * is missing the test is skipped, not passed.
 */
final class HeadlessChromium implements Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Selenium's driver, for what only a Chromium test does (choosing in a select, as Selenium's Select does). */
    final ChromeDriver driver;
    private final Path downloads;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** Starts the browser; skips the calling test where Chromium or its driver is not installed. */
    static HeadlessChromium start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is not installed at " + CHROMEDRIVER);
        Path profile = Files.createTempDirectory("jixiao-chromium-profile");
        Path downloads = Files.createTempDirectory("jixiao-downloads");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "download.directory_upgrade", true));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new HeadlessChromium(driver, profile, downloads);
    }

    @Override
    public void navigate(String url) {
        driver.get(url);
    }

    @Override
    public void reload() {
        driver.navigate().refresh();
    }

    @Override
    public Object call(String function, String... arguments) {
        return Browser.fromJson((String) driver.executeScript(
                "return (" + Browser.returningJson(function) + ")(...arguments);", (Object[]) arguments));
    }

    @Override
    public void click(String selector) {
        driver.findElement(By.cssSelector(selector)).click();
    }

    /** Focuses the field, then selects all and types. */
    @Override
    public void type(String selector, String text) {
        driver.findElement(By.cssSelector(selector)).sendKeys(Keys.chord(Keys.CONTROL, "a") + text);
    }

    @Override
    public void press(String keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    @Override
    public void chooseFile(String selector, Path file) {
        driver.findElement(By.cssSelector(selector)).sendKeys(file.toAbsolutePath().toString());
    }

    /** Saves what the window shows as {@code target/screenshots/STEP.png}. */
    @Override
    public void screenshot(String step) {
        Browser.keepScreenshot(step, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The console's errors since the last call: script errors, refused resources, Content-Security-Policy violations. */
    @Override
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public Path downloads() {
        return downloads;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        RequestFiles.delete(profile);
        RequestFiles.delete(downloads);
    }
}
