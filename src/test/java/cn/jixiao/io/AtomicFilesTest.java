package cn.jixiao.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path directory;

    @Test
    void aCompleteWriteLeavesOnlyTheTarget() throws Exception {
        Path target = directory.resolve("form.pdf");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of(target), list());
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNothingBehind() throws Exception {
        Path target = directory.resolve("form.pdf");
        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", failure.getMessage());
        assertEquals(List.of(), list());
    }

    @Test
    void aFailedRewriteKeepsTheEarlierCompleteFile() throws Exception {
        Path target = directory.resolve("form.pdf");
        AtomicFiles.write(target, new byte[] {7});
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[] {8, 8});
            throw new IOException("disk full");
        }));
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
        assertEquals(List.of(target), list());
    }

    @Test
    void leftoversOfAKilledRunAreRemovedAndOtherFilesKept() throws Exception {
        Files.write(directory.resolve(AtomicFiles.TEMPORARY_PREFIX + "123.tmp"), new byte[10]);
        Path kept = Files.writeString(directory.resolve("2023-办公经费.pdf"), "complete");
        assertEquals(1, AtomicFiles.removeLeftovers(directory));
        assertEquals(List.of(kept), list());
        assertFalse(Files.exists(directory.resolve(AtomicFiles.TEMPORARY_PREFIX + "123.tmp")));
    }

    private List<Path> list() throws IOException {
        try (var files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
