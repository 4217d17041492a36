package cn.jixiao.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/** Where jixiao's own files are: the templates and fonts it ships, and its cache of compiled templates. */
final class Installation {

    private Installation() {
    }

    /**
     * The directory holding {@code templates/} and {@code fonts/}: the {@code jixiao.home} system property (the
     * launcher sets it), else the directory above the jar's ({@code target/jixiao.jar} in a checkout).
     *
     * @throws IOException when neither names one: templates are never taken from the working directory, where anyone
     *                     who gives a user a folder to run jixiao in could have put their own
     */
    static Path home() throws IOException {
        CodeSource source = Installation.class.getProtectionDomain().getCodeSource();
        Path codeSource = null;
        if (source != null && source.getLocation() != null) {
            try {
                codeSource = Path.of(source.getLocation().toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a file (a jar inside another): there is no directory above it
            }
        }
        return home(System.getProperty("jixiao.home"), codeSource);
    }

    /**
     * @param property   the {@code jixiao.home} system property, or {@code null}
     * @param codeSource the jar (or classes directory) this class was loaded from, or {@code null} when unknown
     */
    static Path home(String property, Path codeSource) throws IOException {
        if (property != null) {
            return Path.of(property);
        }
        Path candidate = codeSource == null || codeSource.getParent() == null ? null
                : codeSource.toAbsolutePath().getParent().getParent();
        if (candidate != null && Files.isDirectory(candidate.resolve("templates"))) {
            return candidate;
        }
        throw new IOException("cannot find the installation's templates/ and fonts/ (looked above " + codeSource
                + "): run jixiao through its launcher, set -Djixiao.home=DIR, or name --templates and --fonts");
    }

    /** {@code $XDG_CACHE_HOME/jixiao/templates}, by default {@code ~/.cache/jixiao/templates}. */
    static Path templateCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jixiao").resolve("templates");
    }
}
