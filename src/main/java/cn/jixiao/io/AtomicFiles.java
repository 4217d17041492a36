package cn.jixiao.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in the same directory,
 * which is renamed over the target only when complete. A run that is killed leaves at most temporary files, which
 * {@link #removeLeftovers} deletes at the start of the next run.
 */
public final class AtomicFiles {

    /** Temporary files start with this, so that they are hidden and recognisable. */
    static final String TEMPORARY_PREFIX = ".jixiao-partial-";

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        try (PendingFile file = PendingFile.open(target)) {
            content.writeTo(file.out());
            file.commit();
        }
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /**
     * A file being written over time, such as the combined PDF of a batch: it exists under its name only after
     * {@link #commit}; closed without a commit, it leaves nothing.
     */
    public static final class PendingFile implements AutoCloseable {
        private final Path target;
        private final Path temporary;
        private final OutputStream out;
        private boolean committed;

        private PendingFile(Path target, Path temporary) throws IOException {
            this.target = target;
            this.temporary = temporary;
            this.out = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 64 * 1024);
        }

        public static PendingFile open(Path target) throws IOException {
            Path directory = target.toAbsolutePath().getParent();
            // Not Files.createTempFile: its files are private to the owner, and the rename would keep that.
            Path temporary = directory.resolve(TEMPORARY_PREFIX + UUID.randomUUID() + ".tmp");
            return new PendingFile(target, temporary);
        }

        public OutputStream out() {
            return out;
        }

        /** Completes the file: flushes it and gives it its name, replacing an earlier file of that name. */
        public void commit() throws IOException {
            out.close();
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                try {
                    out.close();
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }

    /** Deletes the temporary files an interrupted run left in the directory; returns how many. */
    public static int removeLeftovers(Path directory) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, TEMPORARY_PREFIX + "*")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                removed++;
            }
        }
        return removed;
    }
}
