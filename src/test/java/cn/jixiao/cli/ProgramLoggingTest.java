package cn.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jixiao program sends JasperReports' commons-logging to SLF4J directly: a cold start never starts the Log4j API
 * (a tenth of a second), and prints nothing but its own messages. The engine alone leaves logging to the application
 * that embeds it ({@code UseFromJavaTest}).
 */
class ProgramLoggingTest {

    @TempDir
    Path directory;

    @Test
    void renderingOneFormStartsNoLog4jAndLogsNothing() throws Exception {
        Path classes = directory.resolve("classes.txt");
        Path err = directory.resolve("err.txt");
        Process render = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes, "-Djixiao.home=" + Path.of("").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "cn.jixiao.cli.Main",
                "render", "examples/jinfeng-2023.json", "-o", directory.resolve("out").toString())
                .redirectOutput(directory.resolve("out.txt").toFile()).redirectError(err.toFile()).start();

        assertEquals(0, render.waitFor(), Files.readString(err));
        assertEquals(List.of(), Files.readAllLines(err).stream().filter(line -> !line.startsWith("warning: "))
                .toList(), "nothing on the console but the program's own messages");
        List<String> log4j = Files.readAllLines(classes).stream().filter(line -> line.contains("org.apache.logging"))
                .toList();
        assertEquals(List.of(), log4j);
        assertTrue(Files.readAllLines(classes).stream()
                .anyMatch(line -> line.contains("org.apache.commons.logging.impl.Slf4jLogFactory")),
                "JasperReports logged, through SLF4J");
    }
}
