package cn.jixiao.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * The page's {@link PageScenarios} in headless Firefox at 1280×800, through Firefox's own mouse and keyboard; the
 * preview is read in Firefox's PDF viewer. Each step leaves a screenshot {@code target/screenshots/firefox-*.png}.
 */
class FirefoxPageTest extends PageScenarios {

    private HeadlessFirefox firefox;

    @Override
    Browser startBrowser() throws IOException {
        firefox = HeadlessFirefox.start();
        return firefox;
    }

    @AfterEach
    void closeTheTabsOfDownloads() {
        firefox.closeOtherTabs(); // Firefox shows a downloaded PDF in a tab of its own, which keeps the focus
    }

    /** The text layer of Firefox's PDF viewer (PDF.js) in the preview's frame; empty while it has drawn no page. */
    @Override
    Optional<String> previewText() {
        String text = (String) firefox.callInFrame(
                "() => [...document.querySelectorAll('.textLayer')].map(layer => layer.textContent).join('')");
        return Optional.of(text == null ? "" : text.replaceAll("\\s+", ""));
    }

    /**
     * Alone, this class's window has the focus; in the whole suite headless Firefox sometimes never gives it
     * (document.hasFocus() stays false even with focusmanager.testmode, the cause not found): then the step is reported
     * skipped, and WebPageTest checks the same in Chromium.
     */
    @Override
    void assumeThePageHasTheFocus() {
        assumeTrue(Boolean.TRUE.equals(firefox.call("() => document.hasFocus()")),
                "headless Firefox did not give the page's window the focus in this run");
    }
}
