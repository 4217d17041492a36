package cn.jixiao;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages' dependencies point down only: diagnostics → model → input → validation → layout → renderers →
 * engine → batch, CLI, server. Each package lists what it may use; any other reference to a {@code cn.jixiao}
 * package in the code (not in comments) fails with the file, the line and the import.
 */
class LayeringTest {

    private static final Set<String> RENDERERS = Set.of("render", "render.pdf", "render.docx", "render.xlsx");
    private static final Set<String> BELOW_RENDERERS = Set.of("diagnostics", "io", "model", "fonts", "layout");
    private static final Set<String> BELOW_ENGINE = union(BELOW_RENDERERS, RENDERERS, Set.of("input", "input.office", "validation"));

    /** Package (below {@code cn.jixiao}) → the packages it may use besides itself. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("diagnostics", Set.of()),
            Map.entry("io", Set.of()),
            Map.entry("model", Set.of("diagnostics")),
            Map.entry("fonts", Set.of("diagnostics", "model")),
            Map.entry("input", Set.of("diagnostics", "model")),
            Map.entry("input.office", Set.of("diagnostics", "model", "input")),
            Map.entry("validation", Set.of("diagnostics", "model", "input")),
            Map.entry("layout", Set.of("diagnostics", "model")),
            Map.entry("render", Set.of("diagnostics")),
            Map.entry("render.pdf", union(BELOW_RENDERERS, Set.of("render"))),
            Map.entry("render.docx", union(BELOW_RENDERERS, Set.of("render"))),
            Map.entry("render.xlsx", union(BELOW_RENDERERS, Set.of("render"))),
            Map.entry("engine", BELOW_ENGINE),
            Map.entry("batch", union(BELOW_ENGINE, Set.of("engine"))),
            Map.entry("bench", union(BELOW_ENGINE, Set.of("engine", "batch", "server"))),
            Map.entry("server", union(BELOW_ENGINE, Set.of("engine", "batch"))),
            Map.entry("cli", union(BELOW_ENGINE, Set.of("engine", "batch", "bench", "server"))));

    /** {@code cn.jixiao.render.pdf.PdfRenderer} or {@code cn.jixiao.render.pdf.*}: the package is the lower-case part. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\bcn\\.jixiao\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z*]");

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
        assertEquals(List.of(), violations(SourceLines.MAIN));
    }

    @Test
    void theCheckNamesAnImportThatPointsUp(@TempDir Path root) throws IOException {
        Path reader = root.resolve("input/Reader.java");
        Files.createDirectories(reader.getParent());
        Files.writeString(reader, "package cn.jixiao.input;\n\n/** Uses {@link cn.jixiao.layout.FormLayout}. */\n"
                + "import cn.jixiao.model.Evaluation;\nimport cn.jixiao.validation.EvaluationRules;\n");

        assertEquals(List.of("input/Reader.java:5: input may not use validation: import cn.jixiao.validation"
                + ".EvaluationRules;"), violations(root));
    }

    private static List<String> violations(Path root) throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> unplaced = new TreeSet<>();
        for (SourceLines.Line line : SourceLines.of(root)) {
            Set<String> allowed = ALLOWED.get(line.pkg());
            if (allowed == null) {
                if (unplaced.add(line.pkg())) {
                    violations.add(line.file() + ": package " + line.pkg() + " has no place in the layers; add it to "
                            + LayeringTest.class.getSimpleName());
                }
                continue;
            }
            Matcher reference = REFERENCE.matcher(line.text());
            while (reference.find()) {
                String used = reference.group(1);
                if (!used.equals(line.pkg()) && !allowed.contains(used)) {
                    violations.add(line.where() + ": " + line.pkg() + " may not use " + used + ": " + line.text());
                }
            }
        }
        return violations;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }
}
