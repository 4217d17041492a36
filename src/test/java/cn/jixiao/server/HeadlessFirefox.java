package cn.jixiao.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.Keys;
import org.openqa.selenium.bidi.BiDi;
import org.openqa.selenium.bidi.BiDiException;
import org.openqa.selenium.bidi.Command;
import org.openqa.selenium.bidi.Connection;
import org.openqa.selenium.bidi.Event;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;

/**
 * Debian's Firefox ESR driven headless at 1280×800 over W3C WebDriver BiDi, as the browser tests need it: a fresh
 * profile, downloads into a directory of the test's, the console kept for inspection, and screenshots into
 * {@code target/screenshots/firefox-*.png}. Where Firefox is not installed the test is skipped, not passed.
 *
 * <p>Why not Selenium's {@code FirefoxDriver}: it drives Firefox through geckodriver, which Debian does not package,
 * Maven Central does not serve and Selenium Manager cannot download here. Firefox itself speaks WebDriver BiDi when it
 * is started with {@code --remote-debugging-port}, and Selenium's own BiDi transport ({@link Connection}, {@link BiDi},
 * {@link Command}) carries commands over that WebSocket without a WebDriver session. Selenium's higher-level modules
 * ({@code BrowsingContext}, {@code Script}, {@code Input}) want a {@code WebDriver} to hang on, so the few commands
 * the tests use are sent here by name, as the specification (w3.org/TR/webdriver-bidi) spells them.
 */
final class HeadlessFirefox implements Browser {

    private static final List<Path> FIREFOX = List.of(Path.of("/usr/bin/firefox-esr"), Path.of("/usr/bin/firefox"));
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path downloads;
    private final Process process;
    private final Path profile;
    private final Connection connection;
    private final BiDi bidi;
    private final String context;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    private HeadlessFirefox(Process process, Path profile, Path downloads, Connection connection, BiDi bidi,
            String context) {
        this.process = process;
        this.profile = profile;
        this.downloads = downloads;
        this.connection = connection;
        this.bidi = bidi;
        this.context = context;
    }

    /** Starts the browser and its one window; skips the calling test where Firefox is not installed. */
    static HeadlessFirefox start() throws IOException {
        Path binary = FIREFOX.stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(binary != null, "Firefox is not installed at " + FIREFOX);
        Path profile = Files.createTempDirectory("jixiao-firefox-profile");
        Path downloads = Files.createTempDirectory("jixiao-downloads");
        Files.writeString(profile.resolve("user.js"), preferences(downloads));

        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-remote", "--profile",
                profile.toString(), "--remote-debugging-port=0")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("firefox.log").toFile())
                .start();
        try {
            URI endpoint = bidiEndpoint(process, profile);
            Connection connection = new Connection(
                    HttpClient.Factory.createDefault().createClient(ClientConfig.defaultConfig().baseUri(endpoint)),
                    endpoint.resolve("/session").toString());
            BiDi bidi = new BiDi(connection, Duration.ofSeconds(30));
            bidi.send(command("session.new", Map.of("capabilities", Map.of())));
            // The tests work in a window of their own: the one Firefox opens at start never gets the focus in
            // headless mode (document.hasFocus() stays false, and leaving a cell fires no blur and no change).
            String first = (String) ((Map<?, ?>) list(bidi.send(command("browsingContext.getTree", Map.of()))
                    .get("contexts")).get(0)).get("context");
            String context = (String) bidi.send(command("browsingContext.create", Map.of("type", "window")))
                    .get("context");
            bidi.send(command("browsingContext.close", Map.of("context", first)));
            HeadlessFirefox firefox = new HeadlessFirefox(process, profile, downloads, connection, bidi, context);
            bidi.addListener(new Event<>("log.entryAdded", params -> params), firefox::logged);
            firefox.send("browsingContext.setViewport",
                    Map.of("context", context, "viewport", Map.of("width", WIDTH, "height", HEIGHT)));
            return firefox;
        } catch (RuntimeException | IOException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * The profile's preferences: downloads go into the test's directory without asking. Firefox's remote agent sets
     * the rest a test browser needs (no first-run pages, no updates).
     */
    private static String preferences(Path downloads) {
        return String.join("\n",
                "user_pref(\"browser.download.dir\", \"" + downloads.toAbsolutePath() + "\");",
                "user_pref(\"browser.download.folderList\", 2);",
                "user_pref(\"browser.download.useDownloadDir\", true);",
                "user_pref(\"browser.download.always_ask_before_handling_new_types\", false);",
                "");
    }

    /** Where Firefox listens: it writes WebDriverBiDiServer.json into the profile once its server is up. */
    private static URI bidiEndpoint(Process process, Path profile) throws IOException {
        Path announcement = profile.resolve("WebDriverBiDiServer.json");
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(announcement)) {
                try {
                    Map<?, ?> server = JSON.readValue(announcement.toFile(), Map.class);
                    return URI.create("ws://" + server.get("ws_host") + ":" + server.get("ws_port"));
                } catch (IOException halfWritten) {
                    // read again on the next round
                }
            }
            if (!process.isAlive()) {
                throw new IOException("Firefox ended at start: " + Files.readString(profile.resolve("firefox.log")));
            }
            pause(100);
        }
        throw new IOException("Firefox did not open its WebDriver BiDi port within " + START_LIMIT.toSeconds()
                + " s: " + Files.readString(profile.resolve("firefox.log")));
    }

    // ---- What a test does -----------------------------------------------------------------------------------------

    /**
     * Opens an address and waits until the page has loaded. Firefox sometimes aborts the navigation
     * ({@code NS_BINDING_ABORTED}) when the page it leaves is still busy (once in CI, in a test's first navigation after
     * the previous test); the address is then opened again, at most three times in all.
     */
    @Override
    public void navigate(String url) {
        for (int attempt = 1; ; attempt++) {
            try {
                send("browsingContext.navigate", Map.of("context", context, "url", url, "wait", "complete"));
                return;
            } catch (BiDiException aborted) {
                if (attempt == 3 || !String.valueOf(aborted.getMessage()).contains("NS_BINDING_ABORTED")) {
                    throw aborted;
                }
            }
        }
    }

    /**
     * Closes every tab but the tests' own and gives it the focus back: Firefox opens a downloaded PDF in a tab of its
     * own, and that tab keeps the focus (the page would then fire no blur or change when a cell is left).
     */
    void closeOtherTabs() {
        for (Object tab : list(send("browsingContext.getTree", Map.of("maxDepth", 0)).get("contexts"))) {
            String other = (String) ((Map<?, ?>) tab).get("context");
            if (!other.equals(context)) {
                send("browsingContext.close", Map.of("context", other));
            }
        }
        send("browsingContext.activate", Map.of("context", context));
    }

    @Override
    public void reload() {
        send("browsingContext.reload", Map.of("context", context, "wait", "complete"));
    }

    @Override
    public Object call(String function, String... arguments) {
        return callIn(context, function, arguments);
    }

    /**
     * Calls a JavaScript function in the document of the page's (first) frame, as {@link #call} does in the page:
     * for the PDF preview, Firefox's own PDF viewer (PDF.js), whose text layer holds the text of the shown PDF.
     */
    Object callInFrame(String function, String... arguments) {
        List<?> frames = list(((Map<?, ?>) list(send("browsingContext.getTree", Map.of("root", context, "maxDepth", 1))
                .get("contexts")).get(0)).get("children"));
        if (frames.isEmpty()) {
            throw new AssertionError("the page has no frame");
        }
        return callIn((String) ((Map<?, ?>) frames.get(0)).get("context"), function, arguments);
    }

    private Object callIn(String target, String function, String... arguments) {
        List<Map<String, String>> values = new ArrayList<>();
        for (String argument : arguments) {
            values.add(Map.of("type", "string", "value", argument));
        }
        Map<String, Object> answer = send("script.callFunction", Map.of(
                "functionDeclaration", Browser.returningJson(function),
                "arguments", values,
                "target", Map.of("context", target),
                "awaitPromise", true));
        if (!"success".equals(answer.get("type"))) {
            throw new AssertionError("the page's script failed: " + answer.get("exceptionDetails"));
        }
        return Browser.fromJson((String) ((Map<?, ?>) answer.get("result")).get("value"));
    }

    /** Clicks with the mouse, the element scrolled into view first. */
    @Override
    public void click(String selector) {
        Map<String, Object> element = element(selector);
        perform(Map.of("type", "pointer", "id", "mouse", "parameters", Map.of("pointerType", "mouse"),
                "actions", List.of(
                        Map.of("type", "pointerMove", "x", 0, "y", 0, "origin", Map.of("type", "element",
                                "element", element)),
                        Map.of("type", "pointerDown", "button", 0),
                        Map.of("type", "pointerUp", "button", 0))));
    }

    /** Clicks into the field, then selects all and types. */
    @Override
    public void type(String selector, String text) {
        click(selector);
        press(Keys.chord(Keys.CONTROL, "a") + text);
    }

    @Override
    public void press(String keys) {
        List<Map<String, String>> actions = new ArrayList<>();
        List<String> held = new ArrayList<>();
        keys.codePoints().mapToObj(Character::toString).forEach(key -> {
            if (key.equals(Keys.NULL.toString())) {
                held.forEach(modifier -> actions.add(Map.of("type", "keyUp", "value", modifier)));
                held.clear();
            } else if (isModifier(key)) {
                held.add(key);
                actions.add(Map.of("type", "keyDown", "value", key));
            } else {
                actions.add(Map.of("type", "keyDown", "value", key));
                actions.add(Map.of("type", "keyUp", "value", key));
            }
        });
        held.forEach(modifier -> actions.add(Map.of("type", "keyUp", "value", modifier)));
        perform(Map.of("type", "key", "id", "keyboard", "actions", actions));
    }

    private static boolean isModifier(String key) {
        return List.of(Keys.CONTROL, Keys.SHIFT, Keys.ALT, Keys.META).stream().anyMatch(k -> k.toString().equals(key));
    }

    @Override
    public void chooseFile(String selector, Path file) {
        send("input.setFiles", Map.of("context", context, "element", element(selector),
                "files", List.of(file.toAbsolutePath().toString())));
    }

    /** Saves what the viewport shows as {@code target/screenshots/firefox-STEP.png}, beside Chromium's STEP.png. */
    @Override
    public void screenshot(String step) {
        String png = (String) send("browsingContext.captureScreenshot", Map.of("context", context)).get("data");
        Browser.keepScreenshot("firefox-" + step, Base64.getDecoder().decode(png));
    }

    /**
     * The page's console errors and warnings since the last call: script errors, console.error and console.warn. Those
     * of the preview's frame are not the page's: Firefox's PDF viewer remarks there on the PDFs it shows.
     */
    @Override
    public List<String> consoleErrors() {
        List<String> errors = List.copyOf(consoleErrors);
        consoleErrors.removeAll(errors);
        return errors;
    }

    @Override
    public Path downloads() {
        return downloads;
    }

    private void logged(Map<String, Object> entry) {
        boolean ofThePage = context.equals(((Map<?, ?>) entry.get("source")).get("context"));
        if (ofThePage && ("error".equals(entry.get("level")) || "warn".equals(entry.get("level")))) {
            consoleErrors.add(entry.get("level") + ": " + entry.get("text"));
        }
    }

    /** A reference to the element the selector finds first (a BiDi shared id), scrolled into the middle of the view. */
    private Map<String, Object> element(String selector) {
        Map<String, Object> answer = send("script.callFunction", Map.of(
                "functionDeclaration", "(selector) => { const e = document.querySelector(selector);"
                        + " e?.scrollIntoView({block: 'center'}); return e; }",
                "arguments", List.of(Map.of("type", "string", "value", selector)),
                "target", Map.of("context", context),
                "awaitPromise", false));
        Map<?, ?> node = (Map<?, ?>) answer.get("result");
        if (node == null || !"node".equals(node.get("type"))) {
            throw new AssertionError("no element " + selector + " on the page");
        }
        return Map.of("sharedId", node.get("sharedId"));
    }

    private void perform(Map<String, Object> source) {
        send("input.performActions", Map.of("context", context, "actions", List.of(source)));
    }

    private Map<String, Object> send(String method, Map<String, Object> parameters) {
        return bidi.send(command(method, parameters));
    }

    private static Command<Map<String, Object>> command(String method, Map<String, Object> parameters) {
        return new Command<>(method, parameters, Map.class);
    }

    private static List<?> list(Object value) {
        return (List<?>) value;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            send("browser.close", Map.of());
        } catch (RuntimeException alreadyGone) {
            // the process is ended below in any case
        }
        connection.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RequestFiles.delete(profile);
        RequestFiles.delete(downloads);
    }
}
