package cn.jixiao.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where jixiao's own files are: the templates and fonts it ships, and its cache of compiled templates. */
final class Installation {

    private Installation() {
    }

    /**
     * The directory holding {@code templates/} and {@code fonts/}: the {@code jixiao.home} system property (the
     * launcher sets it), else the directory above the jar's ({@code target/jixiao.jar} in a checkout), else the
     * working directory.
     */
    static Path home() {
        String property = System.getProperty("jixiao.home");
        if (property != null) {
            return Path.of(property);
        }
        try {
            Path jar = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent() == null ? null : jar.getParent().getParent();
            if (candidate != null && Files.isDirectory(candidate.resolve("templates"))) {
                return candidate;
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of("");
    }

    /** {@code $XDG_CACHE_HOME/jixiao/templates}, by default {@code ~/.cache/jixiao/templates}. */
    static Path templateCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jixiao").resolve("templates");
    }
}
