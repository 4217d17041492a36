package cn.jixiao.fonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The fonts installed on this machine, asked for a character the configured fonts lack (a 生僻字 of CJK Extension B,
 * a symbol such as ⅓). The answer is the first font, in the order of the files' paths, that is a regular face with
 * TrueType outlines (so that both the PDF and the DOCX can embed a subset of it) and has the character; the same
 * machine always gives the same answer.
 *
 * <p>The fonts are listed by fontconfig ({@code fc-list}) where it is installed, else found in the standard font
 * directories. Nothing is read until the first character is asked for: a run whose texts its fonts cover never lists
 * them. Safe to use from any number of threads.
 */
public final class SystemFonts {

    /** Where fonts are installed when fontconfig is not there to say. */
    private static final List<Path> STANDARD_DIRECTORIES = List.of(Path.of("/usr/share/fonts"),
            Path.of("/usr/local/share/fonts"), Path.of(System.getProperty("user.home"), ".local", "share", "fonts"),
            Path.of(System.getProperty("user.home"), ".fonts"));

    private final List<Path> directories;
    private final boolean askFontconfig;
    private List<Path> files; // sorted; read on first use
    private final Map<Path, Optional<TrueTypeSubsetter>> opened = new ConcurrentHashMap<>();
    private final Map<Integer, Optional<FontLibrary.Face>> byCodePoint = new ConcurrentHashMap<>();
    private final Map<Path, FontLibrary.Face> faces = new ConcurrentHashMap<>();

    private SystemFonts(List<Path> directories, boolean askFontconfig) {
        this.directories = List.copyOf(directories);
        this.askFontconfig = askFontconfig;
    }

    /** The fonts fontconfig lists, or, without fontconfig, those of the standard font directories. */
    public static SystemFonts installed() {
        return new SystemFonts(STANDARD_DIRECTORIES, true);
    }

    /** The fonts in these directories and below them only (fontconfig is not asked). */
    public static SystemFonts in(List<Path> directories) {
        return new SystemFonts(directories, false);
    }

    /** The first installed font that draws the character, or empty when none does. */
    public Optional<FontLibrary.Face> drawing(int codePoint) {
        return byCodePoint.computeIfAbsent(codePoint, this::find);
    }

    private Optional<FontLibrary.Face> find(int codePoint) {
        for (Path file : files()) {
            Optional<TrueTypeSubsetter> font = opened.computeIfAbsent(file, SystemFonts::open);
            if (font.isPresent() && font.get().glyphId(codePoint) != 0) {
                FontLibrary.Face face = face(file);
                if (face != null) {
                    return Optional.of(face);
                }
            }
        }
        return Optional.empty();
    }

    /** The font as a face for the renderers; {@code null} when Java cannot read it. */
    private FontLibrary.Face face(Path file) {
        return faces.computeIfAbsent(file, path -> {
            try {
                Font font = Font.createFont(Font.TRUETYPE_FONT, path.toFile());
                return new FontLibrary.Face(font.getFamily(Locale.ROOT), path, false, font);
            } catch (IOException | FontFormatException e) {
                return null;
            }
        });
    }

    /** A regular TrueType face; empty for anything else (bold, italic, PostScript outlines, a collection, damage). */
    private static Optional<TrueTypeSubsetter> open(Path file) {
        try {
            TrueTypeSubsetter font = TrueTypeSubsetter.open(file);
            return font.isRegular() ? Optional.of(font) : Optional.empty();
        } catch (IOException | FontException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private synchronized List<Path> files() {
        if (files == null) {
            List<Path> listed = askFontconfig ? fontconfig() : List.of();
            if (listed.isEmpty()) {
                listed = directories.stream().flatMap(directory -> scan(directory).stream()).toList();
            }
            TreeSet<Path> found = new TreeSet<>(); // a link is known by its file: fonts-japanese-mincho.ttf is HanaMinA
            for (Path file : listed) {
                try {
                    found.add(file.toRealPath());
                } catch (IOException e) {
                    // gone since it was listed
                }
            }
            files = List.copyOf(found);
        }
        return files;
    }

    /** The font files fontconfig knows; none when it is not installed or fails. */
    private static List<Path> fontconfig() {
        try {
            Process process = new ProcessBuilder("fc-list", "--format", "%{file}\\n")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String listing;
            try (InputStream out = process.getInputStream()) {
                listing = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return List.of();
            }
            return listing.lines().filter(SystemFonts::isTrueType).map(Path::of).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static List<Path> scan(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> tree = Files.walk(directory)) {
            return tree.filter(file -> isTrueType(file.toString()) && Files.isRegularFile(file)).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static boolean isTrueType(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".ttf") || name.endsWith(".otf");
    }
}
