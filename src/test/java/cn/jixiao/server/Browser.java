package cn.jixiao.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a scenario of {@link PageScenarios} needs from a browser: one window at 1280×800 that opens an address, runs a
 * script, clicks, types, chooses a file and keeps screenshots, its console and its downloads. {@link HeadlessChromium}
 * does it through Selenium's WebDriver, {@link HeadlessFirefox} through WebDriver BiDi; the scenarios are written once
 * against this.
 *
 * <p>Elements are named by CSS selectors, the first match counts. Keys are Selenium's {@code Keys}: a
 * {@code Keys.chord} holds its modifiers down until the chord ends.
 */
interface Browser extends AutoCloseable {

    /** Opens an address and waits until the page has loaded. */
    void navigate(String url);

    /** Reloads the page as the reload button does, and waits until it has loaded. */
    void reload();

    /**
     * Calls a JavaScript function of the page, such as {@code (selector) => document.querySelector(selector).value},
     * with string arguments, and returns its (awaited) result as JSON gives it: a String, Number, Boolean, List, Map or
     * null. A function that throws fails the test with the page's message.
     */
    Object call(String function, String... arguments);

    /** Clicks the element in its middle, as the mouse does. */
    void click(String selector);

    /** Replaces a field's text as a user does: into the field, select all (Ctrl+A), type. */
    void type(String selector, String text);

    /** Types into the element that has the focus, key by key. */
    void press(String keys);

    /** Chooses a file in a file input, as the file dialog does. */
    void chooseFile(String selector, Path file);

    /** Saves what the window shows as a PNG in {@code target/screenshots/}, named after the step. */
    void screenshot(String step);

    /** The page's console errors and warnings since the last call. */
    List<String> consoleErrors();

    /** The directory the browser saves its downloads into, without asking. */
    Path downloads();

    /** Ends the browser and deletes its profile and downloads. */
    @Override
    void close() throws IOException;

    /**
     * A function for {@link #call} as both browsers run it: awaits the given function's result and hands it over as
     * one JSON string, so that both give the same Java values (WebDriver and BiDi serialize script values each their
     * own way).
     */
    static String returningJson(String function) {
        return "async (...args) => JSON.stringify(await (" + function + ")(...args) ?? null)";
    }

    /** Keeps a screenshot as {@code target/screenshots/NAME.png}. */
    static void keepScreenshot(String name, byte[] png) {
        Path screenshots = Path.of("target", "screenshots");
        try {
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of what {@link #returningJson} returned. */
    static Object fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one mapper of {@link #fromJson} (an interface has no private fields). */
    final class Json {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        private Json() {
        }
    }
}
