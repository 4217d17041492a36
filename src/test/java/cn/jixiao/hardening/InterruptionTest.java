package cn.jixiao.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.PdfFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch that is killed, cannot write its directory, or runs out of disk: a clear error, complete files or none,
 * no temporary file left behind, and what was complete before stays intact.
 */
class InterruptionTest {

    private static final String TEMPORARY = ".jixiao-partial-";

    @TempDir
    Path directory;

    @Test
    void aBatchKilledWithSigkillLeavesOnlyCompleteFilesAndTheNextRunRemovesItsLeftovers() throws Exception {
        Path input = Workspace.writeJson(directory.resolve("year.json"), projects(300));
        Path output = directory.resolve("out");
        Process batch = jixiaoInChildJvm(List.of(), directory.resolve("err.txt"), "batch", input.toString(), "-o",
                output.toString(), "--quiet");
        try {
            waitForPdfs(output, 3, batch);
        } finally {
            batch.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the batch
            batch.waitFor(30, TimeUnit.SECONDS);
        }

        List<String> left = Workspace.fileNames(output);
        assertTrue(left.stream().anyMatch(name -> name.startsWith(TEMPORARY)),
                "the combined PDF was being written when the batch was killed: " + left);
        for (String name : left) {
            assertTrue(name.startsWith(TEMPORARY) || name.startsWith("2023-") && name.endsWith(".pdf"), name);
            if (name.endsWith(".pdf")) {
                assertComplete(output.resolve(name));
            }
        }

        Jixiao.Run next = Jixiao.run("batch", Examples.FILE.toString(), "-o", output.toString(), "--quiet");

        assertEquals(0, next.exitCode(), next.err());
        assertFalse(Workspace.fileNames(output).stream().anyMatch(name -> name.startsWith(TEMPORARY)),
                "leftovers removed: " + Workspace.fileNames(output));
    }

    @Test
    void anOutputDirectoryThatCannotBeWrittenStopsTheRunBeforeTheFirstForm() throws IOException {
        Path output = Files.createDirectory(directory.resolve("out"));
        Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(output), "permissions do not bind this user (root)");

            Jixiao.Run run = Jixiao.run("render", Examples.FILE.toString(), "-o", output.toString());

            assertEquals(List.of("jixiao: " + output + ": permission denied"), run.errLines());
            assertEquals(3, run.exitCode());
            assertEquals(List.of(), Workspace.fileNames(output));
        } finally {
            Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFullDiskStopsTheRunWithOneLineAndKeepsWhatWasComplete() throws Exception {
        Path disk = Files.createDirectory(directory.resolve("disk"));
        assumeTrue(mount(disk, "size=400k"), "mounting a tmpfs needs root");
        try {
            Path output = disk.resolve("out");
            Path input = Workspace.writeJson(directory.resolve("year.json"), projects(20));

            Jixiao.Run run = Jixiao.run("batch", input.toString(), "-o", output.toString(), "--quiet");

            assertEquals(3, run.exitCode());
            String last = run.errLines().get(run.errLines().size() - 1);
            assertTrue(last.matches("jixiao: " + Pattern.quote(output.toString()) + "/\\S+: No space left on device"),
                    last);
            assertEquals(1, run.errLines().stream().filter(line -> line.startsWith("jixiao: ")).count(), run.err());
            assertOnlyCompleteForms(output);
        } finally {
            unmount(disk);
        }
    }

    @Test
    void aWriteTheSystemRefusesStopsTheRunWithOneLineAndKeepsWhatWasComplete() throws Exception {
        Path input = Workspace.writeJson(directory.resolve("year.json"), projects(40));
        Path output = directory.resolve("out");
        // Files may grow to 400 blocks (200 KB with sh's 512-byte blocks): every form fits, the combined PDF does not.
        Path errFile = directory.resolve("err.txt");
        Process batch = jixiaoInChildJvm(List.of("ulimit -f 400"), errFile, "batch", input.toString(), "-o",
                output.toString(), "--quiet");
        assertTrue(batch.waitFor(120, TimeUnit.SECONDS), "the batch ends");
        String err = Files.readString(errFile);

        assertEquals(3, batch.exitValue(), err);
        assertEquals(List.of("jixiao: " + output.resolve("全部自评表.pdf") + ": File too large"),
                err.lines().filter(line -> line.startsWith("jixiao: ")).toList());
        assertOnlyCompleteForms(output);
        assertTrue(Workspace.fileNames(output).size() > 3, "forms written before the failure stay");
    }

    /** Every file left is a complete form: no temporary file, no half-written batch file. */
    private static void assertOnlyCompleteForms(Path output) {
        for (String name : Workspace.fileNames(output)) {
            assertTrue(name.startsWith("2023-") && name.endsWith(".pdf"), name);
            assertComplete(output.resolve(name));
        }
    }

    /** The file ends as a PDF ends, and PDFBox reads its page. */
    private static void assertComplete(Path pdf) {
        try {
            byte[] bytes = Files.readAllBytes(pdf);
            String tail = new String(bytes, Math.max(0, bytes.length - 16), Math.min(16, bytes.length),
                    StandardCharsets.ISO_8859_1);
            assertTrue(tail.strip().endsWith("%%EOF"), pdf + " ends with %%EOF");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try (PdfFile file = PdfFile.read(pdf)) {
            assertEquals(1, file.pageCount(), pdf.toString());
        }
    }

    /** The seed forms over and over, each with a project name of its own. */
    private static ArrayNode projects(int count) throws IOException {
        JsonNode seeds = Workspace.JSON.readTree(Examples.FILE.toFile());
        ArrayNode projects = Workspace.JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            ObjectNode project = seeds.get(i % seeds.size()).deepCopy();
            projects.add(project.put("projectName", project.get("projectName").asText() + (i + 1)));
        }
        return projects;
    }

    /**
     * {@code jixiao} in a JVM of its own, on this test's class path, after the given shell commands; its standard
     * error goes to a file.
     */
    private static Process jixiaoInChildJvm(List<String> shellCommands, Path err, String... args) throws IOException {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "cn.jixiao.cli.Main"));
        java.addAll(Arrays.asList(args));
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                String.join("; ", shellCommands) + (shellCommands.isEmpty() ? "" : "; ") + "exec \"$0\" \"$@\""));
        command.addAll(java);
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
    }

    private static void waitForPdfs(Path output, int count, Process batch) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (Workspace.fileNames(output).stream().filter(name -> name.endsWith(".pdf")).count() < count) {
            assertTrue(batch.isAlive(), "the batch is still running");
            assertTrue(System.nanoTime() < deadline, "the batch wrote " + count + " forms within 2 minutes");
            Thread.sleep(20);
        }
    }

    private static boolean mount(Path directory, String options) throws InterruptedException {
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", directory.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void unmount(Path directory) throws IOException, InterruptedException {
        new ProcessBuilder("umount", directory.toString()).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }
}
