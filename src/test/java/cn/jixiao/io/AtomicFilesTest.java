package cn.jixiao.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
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

    @Test
    void theContentReachesTheDiskBeforeTheRenameAndTheRenameBeforeTheWriteReturns() throws Exception {
        Path target = directory.resolve("form.pdf");
        List<String> steps = new ArrayList<>();
        AtomicFiles.Durability recording = new AtomicFiles.Durability() {
            @Override
            public void forceFile(FileChannel file) throws IOException {
                steps.add("force the file, " + file.size() + " bytes, " + (Files.exists(target) ? "named" : "unnamed"));
                AtomicFiles.DISK.forceFile(file);
            }

            @Override
            public void rename(Path temporary, Path to) throws IOException {
                steps.add("rename to " + to.getFileName());
                AtomicFiles.DISK.rename(temporary, to);
            }

            @Override
            public void forceDirectory(Path parent) throws IOException {
                steps.add("force the directory " + (Files.isSameFile(parent, directory) ? "of the file" : parent)
                        + ", " + (Files.exists(target) ? "named" : "unnamed"));
                AtomicFiles.DISK.forceDirectory(parent);
            }
        };

        AtomicFiles.write(target, out -> out.write(new byte[100_000]), false, recording);

        assertEquals(List.of("force the file, 100000 bytes, unnamed", "rename to form.pdf",
                "force the directory of the file, named"), steps);
        assertEquals(100_000, Files.size(target));
    }

    @Test
    void aPrivateFileIsReadableAndWritableByItsOwnerOnly() throws Exception {
        Path key = directory.resolve("key");
        AtomicFiles.writePrivate(key, out -> out.write(new byte[32]));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }

    private List<Path> list() throws IOException {
        try (var files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
