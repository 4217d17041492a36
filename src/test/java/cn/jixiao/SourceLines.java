package cn.jixiao;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The code lines of Java sources (comment lines left out), with where each is, for tests of the code's rules. */
final class SourceLines {

    static final Path MAIN = Path.of("src/main/java/cn/jixiao");

    /**
     * @param file    the source file, relative to the root walked
     * @param pkg     its package below {@code cn.jixiao}, such as {@code render.pdf}
     * @param number  1-based
     * @param text    the line, stripped
     */
    record Line(Path file, String pkg, int number, String text) {
        String where() {
            return file + ":" + number;
        }
    }

    private SourceLines() {
    }

    static List<Line> of(Path root) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = root.relativize(file);
                String pkg = relative.getParent() == null ? "" : relative.getParent().toString().replace('/', '.');
                List<String> text = Files.readAllLines(file);
                for (int i = 0; i < text.size(); i++) {
                    String line = text.get(i).strip();
                    if (!line.startsWith("*") && !line.startsWith("/*") && !line.startsWith("//")) {
                        lines.add(new Line(relative, pkg, i + 1, line));
                    }
                }
            }
        }
        return lines;
    }
}
