package cn.jixiao.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.OutputFormat;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.io.AtomicFiles;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.PdfFile;
import cn.jixiao.testing.TestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's file that cannot be written into a directory (written beside the collecting thread, see {@link
 * BatchRun}) stops the run with the file system's own error, as when the collecting thread wrote it: the projects
 * before it are written and told, the batch's own files are not left behind.
 */
class BatchWriteFailureTest {

    @TempDir
    Path directory;

    @Test
    void theThirdProjectsFileRefusedStopsTheRunWithThatErrorAndKeepsTheTwoBefore() throws Exception {
        List<ProjectInput> projects = Examples.projects();
        String refused = projects.get(2).evaluation().projectName();
        BatchOutput output = refusing(BatchOutput.directory(directory), refused);
        List<String> told = new ArrayList<>();

        IOException error = assertThrows(IOException.class, () -> new BatchRun(TestEngine.pdf(),
                new BatchRun.Settings(Set.of(OutputFormat.PDF), null, false, true, 2))
                .run(projects, output, new BatchRun.Listener() {
                    @Override
                    public void planned(int count) {
                    }

                    @Override
                    public void finished(ProjectResult result) {
                        told.add(result.input().evaluation().projectName());
                    }
                }));

        assertEquals("No space left on device", error.getMessage());
        assertEquals(List.of(projects.get(0).evaluation().projectName(), projects.get(1).evaluation().projectName()),
                told, "the listener hears of the projects before the refused one, in order, and of no other");
        for (int i = 0; i < 2; i++) {
            String name = projects.get(i).evaluation().projectName();
            Path pdf = pdfNamed(name);
            assertTrue(PdfFile.compact(PdfFile.read(pdf).pageText(1)).contains(PdfFile.compact(name)),
                    pdf + " is the whole form of " + name);
        }
        assertFalse(Files.exists(directory.resolve(BatchRun.COMBINED_PDF)), "no combined PDF of a run that stopped");
        assertFalse(Files.exists(directory.resolve(BatchReport.FILE_NAME)), "no report of a run that stopped");
    }

    /** The directory's output, except that the file of the named project cannot be written: the disk is full. */
    private static BatchOutput refusing(BatchOutput directory, String projectName) {
        return new BatchOutput() {
            @Override
            public void write(String name, AtomicFiles.Content content) throws IOException {
                if (name.contains(projectName)) {
                    throw new IOException("No space left on device");
                }
                directory.write(name, content);
            }

            @Override
            public boolean concurrentWrites() {
                return directory.concurrentWrites();
            }

            @Override
            public Pending open(String name) throws IOException {
                return directory.open(name);
            }

            @Override
            public void finish() throws IOException {
                directory.finish();
            }
        };
    }

    private Path pdfNamed(String projectName) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().contains(projectName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no file of " + projectName + " in " + directory));
        }
    }
}
