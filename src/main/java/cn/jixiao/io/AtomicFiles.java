package cn.jixiao.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in the same directory,
 * which is renamed over the target only when complete. A run that is killed leaves at most temporary files, which
 * {@link #removeLeftovers} deletes at the start of the next run. A write that fails (a full disk) deletes its
 * temporary file and throws a {@link FileSystemException} naming the target, such as
 * {@code out/2023-办公经费.pdf: No space left on device}, never the temporary file.
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

    /**
     * Fails as writing a file into the directory would fail, leaving nothing: a run learns at its start, not at its
     * first form, that it cannot write there.
     */
    public static void checkWritable(Path directory) throws IOException {
        try (PendingFile probe = PendingFile.open(directory.resolve("probe"))) {
            // closed without a commit, it leaves nothing
        } catch (FileSystemException e) {
            throw about(directory, e);
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
            try {
                this.out = new BufferedOutputStream(new NamedFailures(Files.newOutputStream(temporary,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), target), 64 * 1024);
            } catch (IOException e) {
                throw about(target, e);
            }
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
            } catch (FileSystemException e) {
                throw about(target, e);
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

    /** The failure as one of the target: a user knows the file they asked for, not its temporary name. */
    private static FileSystemException about(Path target, IOException e) {
        String reason = e instanceof FileSystemException failure ? failure.getReason() : e.getMessage();
        FileSystemException named = e instanceof AccessDeniedException
                ? new AccessDeniedException(target.toString(), null, reason)
                : new FileSystemException(target.toString(), null, reason);
        named.initCause(e);
        return named;
    }

    /** Passes writes through; a failure is thrown as one of the target file. */
    private static final class NamedFailures extends FilterOutputStream {
        private final Path target;

        NamedFailures(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw about(target, e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw about(target, e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw about(target, e);
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
