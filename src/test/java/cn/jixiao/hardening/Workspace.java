package cn.jixiao.hardening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The input files and template copies the hardening tests write, and what a run left in a directory. */
final class Workspace {

    static final ObjectMapper JSON = new ObjectMapper();

    private Workspace() {
    }

    /** A valid project with one indicator: 分值 100, 得分 100, nothing to warn about. */
    static ObjectNode project(String name) {
        ObjectNode project = JSON.createObjectNode().put("year", 2023).put("projectName", name);
        project.putArray("indicators").addObject().put("level1", "产出指标").put("level2", "数量指标")
                .put("level3", "资金成本").put("weight", 100).put("score", 100);
        return project;
    }

    static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeJson(Path file, Object json) {
        try {
            return write(file, JSON.writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one occurrence of {@code from} in a text file; fails when there is not exactly one. */
    static void replaceOnce(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            int at = text.indexOf(from);
            if (at < 0 || text.indexOf(from, at + 1) >= 0) {
                throw new IllegalArgumentException(file + " does not hold \"" + from + "\" exactly once");
            }
            Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the cell that prints a field of the records ({@code $F{field}}) keep its height in a copied template:
     * JasperReports then cuts the text that does not fit ({@code textAdjust="CutText"}), as the shipped template never
     * does. Fails when the template has no such growing cell, or more than one.
     */
    static void cutText(Path template, String field) {
        try {
            Matcher cell = Pattern.compile("textAdjust=\"StretchHeight\"([^>]*>\\s*<expression><!\\[CDATA\\[\\$F\\{"
                    + field + "}]]>)").matcher(Files.readString(template));
            if (!cell.find() || cell.find()) {
                throw new IllegalArgumentException(template + " does not have exactly one growing cell of " + field);
            }
            Files.writeString(template, cell.replaceFirst("textAdjust=\"CutText\"$1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in a directory, hidden ones included, sorted. */
    static List<String> fileNames(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
