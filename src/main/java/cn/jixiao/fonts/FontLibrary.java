package cn.jixiao.fonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The font files of one directory, found by family name in any of the languages the font names itself in
 * ({@code 仿宋_GB2312} and {@code FangSong_GB2312} find the same file).
 */
public final class FontLibrary {

    /** One font file: a family's regular or bold face. */
    public record Face(String family, Path file, boolean bold, Font awtFont) {
        /** Whether the font has a glyph for this character. */
        public boolean canDisplay(int codePoint) {
            return awtFont.canDisplay(codePoint);
        }
    }

    private final Path directory;
    private final List<Face> faces;

    private FontLibrary(Path directory, List<Face> faces) {
        this.directory = directory;
        this.faces = List.copyOf(faces);
    }

    /** Reads every .ttf, .otf and .ttc file directly in the directory. */
    public static FontLibrary scan(Path directory) throws FontException {
        if (!Files.isDirectory(directory)) {
            throw new FontException("font directory " + directory + " does not exist");
        }
        List<Face> faces = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".ttf") || name.endsWith(".otf") || name.endsWith(".ttc")) {
                    for (Font font : Font.createFonts(file.toFile())) {
                        faces.add(new Face(font.getFamily(Locale.ROOT), file, isBold(font), font));
                    }
                }
            }
        } catch (IOException | FontFormatException e) {
            throw new FontException("cannot read fonts in " + directory + ": " + e.getMessage());
        }
        return new FontLibrary(directory, faces);
    }

    /** The face of a family, its bold face when asked and present, else its regular face. */
    public Face face(String family, boolean bold) throws FontException {
        Face regular = null;
        for (Face face : faces) {
            if (names(face.awtFont()).contains(family)) {
                if (face.bold() == bold) {
                    return face;
                }
                if (!face.bold()) {
                    regular = face;
                }
            }
        }
        if (regular == null) {
            throw new FontException("font family \"" + family + "\" is not in " + directory + (faces.isEmpty()
                    ? " (it holds no .ttf, .otf or .ttc file)"
                    : " (families there: " + String.join(", ", families()) + ")"));
        }
        return regular;
    }

    /** Every family name found, in the font's own default language. */
    public Set<String> families() {
        Set<String> families = new LinkedHashSet<>();
        faces.forEach(face -> families.add(face.family()));
        return families;
    }

    private static Set<String> names(Font font) {
        return Stream.of(Locale.ROOT, Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE)
                .map(font::getFamily)
                .collect(Collectors.toSet());
    }

    private static boolean isBold(Font font) {
        String name = font.getFontName(Locale.ENGLISH).toLowerCase(Locale.ROOT);
        return name.contains("bold") || name.contains("heavy") || name.contains("black");
    }
}
