package cn.jixiao.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.UUID;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in the same directory,
 * which is renamed over the target only when complete. A run that is killed leaves at most temporary files, which
 * {@link #removeLeftovers} deletes at the start of the next run. A write that fails (a full disk) deletes its
 * temporary file and throws a {@link FileSystemException} naming the target, such as
 * {@code out/2023-办公经费.pdf: No space left on device}, never the temporary file.
 *
 * <p>A power cut must not leave an empty or partial file under the final name either: the content is forced to the
 * disk (fsync) before the rename, and the directory, which holds the rename, after it.
 */
public final class AtomicFiles {

    /** Temporary files start with this, so that they are hidden and recognisable. */
    static final String TEMPORARY_PREFIX = ".jixiao-partial-";

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The steps that make a finished write last, in the order {@link PendingFile#commit} takes them. */
    interface Durability {
        /** Forces the temporary file's content to the disk. */
        void forceFile(FileChannel file) throws IOException;

        /** Gives the temporary file its final name, replacing a file of that name. */
        void rename(Path temporary, Path target) throws IOException;

        /** Forces the directory to the disk, so that the rename survives a power cut. */
        void forceDirectory(Path directory) throws IOException;
    }

    /** The file system's own fsync and rename. */
    static final Durability DISK = new Durability() {
        @Override
        public void forceFile(FileChannel file) throws IOException {
            file.force(true);
        }

        @Override
        public void rename(Path temporary, Path target) throws IOException {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        @Override
        public void forceDirectory(Path directory) throws IOException {
            FileChannel channel;
            try {
                channel = FileChannel.open(directory, StandardOpenOption.READ);
            } catch (IOException e) {
                return; // Windows cannot open a directory; its file system keeps renames without being asked
            }
            try (channel) {
                channel.force(true);
            }
        }
    };

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        write(target, content, false, DISK);
    }

    /**
     * Writes a file only its owner may read or write (0600 where the file system has POSIX permissions), from its
     * first byte on.
     */
    public static void writePrivate(Path target, Content content) throws IOException {
        write(target, content, true, DISK);
    }

    static void write(Path target, Content content, boolean ownerOnly, Durability durability) throws IOException {
        try (PendingFile file = PendingFile.open(target, ownerOnly, durability)) {
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
        private static final FileAttribute<?> OWNER_ONLY =
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

        private final Path target;
        private final Path temporary;
        private final Durability durability;
        private final FileChannel channel;
        private final OutputStream out;
        private boolean committed;

        private PendingFile(Path target, Path temporary, boolean ownerOnly, Durability durability)
                throws IOException {
            this.target = target;
            this.temporary = temporary;
            this.durability = durability;
            try {
                EnumSet<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                boolean posix = temporary.getFileSystem().supportedFileAttributeViews().contains("posix");
                this.channel = ownerOnly && posix ? FileChannel.open(temporary, options, OWNER_ONLY)
                        : FileChannel.open(temporary, options);
                this.out = new BufferedOutputStream(new NamedFailures(Channels.newOutputStream(channel), target),
                        64 * 1024);
            } catch (IOException e) {
                throw about(target, e);
            }
        }

        public static PendingFile open(Path target) throws IOException {
            return open(target, false, DISK);
        }

        static PendingFile open(Path target, boolean ownerOnly, Durability durability) throws IOException {
            Path directory = target.toAbsolutePath().getParent();
            // Not Files.createTempFile: its files are private to the owner, and the rename would keep that.
            Path temporary = directory.resolve(TEMPORARY_PREFIX + UUID.randomUUID() + ".tmp");
            return new PendingFile(target, temporary, ownerOnly, durability);
        }

        public OutputStream out() {
            return out;
        }

        /**
         * Completes the file: flushes it to the disk and gives it its name, replacing an earlier file of that name;
         * then forces the directory, so that after a power cut the name holds either the earlier file or this one.
         */
        public void commit() throws IOException {
            try {
                out.flush();
                durability.forceFile(channel);
                out.close();
                durability.rename(temporary, target);
                committed = true;
                durability.forceDirectory(target.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw about(target, e);
            }
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
