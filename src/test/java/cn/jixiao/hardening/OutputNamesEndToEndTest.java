package cn.jixiao.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.PdfFile;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile project names through {@code jixiao render}: every form gets its own file, directly inside the output
 * directory, under a name that Windows, macOS and Linux all accept.
 */
class OutputNamesEndToEndTest {

    /** Characters no file name may hold on some common system, and control characters. */
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}<>:\"/\\\\|?*\\p{Cf}]");
    private static final Pattern DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");

    @TempDir
    Path directory;

    @Test
    void hostileProjectNamesBecomeDistinctSafeFilesInsideTheOutputDirectory() throws IOException {
        List<String> names = List.of("../../etc/passwd", "CON", "a/b:c", "甲".repeat(300), "   ", "同名项目", "同名项目",
                "A项目", "a项目", "C:\\Windows\\system32", "\u202EFDP.exe", "报告...");
        ArrayNode projects = Workspace.JSON.createArrayNode();
        names.forEach(name -> projects.add(Workspace.project(name)));
        ObjectNode withoutYear = Workspace.project("-rf");
        withoutYear.remove("year");
        projects.add(withoutYear);
        Path input = Workspace.writeJson(directory.resolve("names.json"), projects);
        Path output = directory.resolve("out");

        Jixiao.Run run = Jixiao.run("render", input.toString(), "-o", output.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Stream.of("2023-" + "甲".repeat(65) + ".pdf", "2023-_.._etc_passwd.pdf", "2023-A项目.pdf",
                        "2023-CON.pdf", "2023-C__Windows_system32.pdf", "2023-_FDP.exe.pdf", "2023-a_b_c.pdf",
                        "2023-a项目-2.pdf", "2023-同名项目-2.pdf", "2023-同名项目.pdf", "2023-报告.pdf", "2023-未命名项目.pdf",
                        "_rf.pdf").sorted().toList(),
                Workspace.fileNames(output));
        try (Stream<Path> everything = Files.walk(directory)) {
            assertEquals(List.of(directory, input, output), everything.filter(path -> !path.startsWith(output)
                    || path.equals(output)).sorted().toList(), "nothing is written outside the output directory");
        }
        List<String> files = Workspace.fileNames(output);
        files.forEach(OutputNamesEndToEndTest::assertSafe);
        assertEquals(files.size(), files.stream().map(file -> file.toLowerCase(Locale.ROOT)).distinct().count(),
                "distinct where a file system ignores case");
    }

    @Test
    void eachFileHoldsItsOwnProject() {
        ArrayNode projects = Workspace.JSON.createArrayNode()
                .add(Workspace.project("同名项目").put("department", "第一个部门"))
                .add(Workspace.project("同名项目").put("department", "第二个部门"));
        Path input = Workspace.writeJson(directory.resolve("twins.json"), projects);
        Path output = directory.resolve("out");

        Jixiao.run("render", input.toString(), "-o", output.toString());

        try (PdfFile first = PdfFile.read(output.resolve("2023-同名项目.pdf"));
             PdfFile second = PdfFile.read(output.resolve("2023-同名项目-2.pdf"))) {
            assertTrue(first.compactText().contains("第一个部门"));
            assertTrue(second.compactText().contains("第二个部门"));
        }
    }

    private static void assertSafe(String file) {
        String base = file.substring(0, file.lastIndexOf('.'));
        assertFalse(UNSAFE.matcher(file).find(), file + " holds a character some system refuses");
        assertFalse(DEVICE.matcher(base).matches(), file + " is a Windows device name");
        assertFalse(file.startsWith("-") || file.startsWith(".") || file.startsWith(" "), file);
        assertFalse(base.endsWith(".") || base.endsWith(" "), file);
        assertTrue(file.getBytes(StandardCharsets.UTF_8).length <= 255, file + " is too long for ext4 and NTFS");
    }
}
