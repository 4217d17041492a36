package cn.jixiao.batch;

import cn.jixiao.io.AtomicFiles;
import cn.jixiao.io.AtomicFiles.PendingFile;
import cn.jixiao.io.ReproducibleZip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the files of a run go: a directory, each file appearing whole under its name ({@link #directory}), or one ZIP
 * archive written to a stream ({@link #zip}), the files in the order the run completes them. Used from the run's own
 * thread only, except {@link #write} where {@link #concurrentWrites} allows it.
 */
public interface BatchOutput {

    /** Writes a whole file. */
    void write(String name, AtomicFiles.Content content) throws IOException;

    /**
     * Whether {@link #write} may be called from several threads at once, each with a name of its own: a directory's
     * files are independent of each other, an archive's entries follow one another.
     */
    default boolean concurrentWrites() {
        return false;
    }

    /** Starts a file that is written over time; it is part of the output only once {@linkplain Pending#commit committed}. */
    Pending open(String name) throws IOException;

    /** Ends the output, once every file is written. */
    void finish() throws IOException;

    /** A file being written over time; closed without a commit, it leaves nothing. */
    interface Pending extends AutoCloseable {
        OutputStream out();

        void commit() throws IOException;

        @Override
        void close() throws IOException;
    }

    /**
     * Files in a directory, created if missing; the leftovers of an interrupted run are removed first.
     *
     * @throws IOException when the directory cannot be created or written: a run learns it before its first form
     */
    static BatchOutput directory(Path directory) throws IOException {
        Files.createDirectories(directory);
        AtomicFiles.removeLeftovers(directory);
        AtomicFiles.checkWritable(directory);
        return new BatchOutput() {
            @Override
            public void write(String name, AtomicFiles.Content content) throws IOException {
                AtomicFiles.write(directory.resolve(name), content);
            }

            @Override
            public boolean concurrentWrites() {
                return true;
            }

            @Override
            public Pending open(String name) throws IOException {
                PendingFile file = PendingFile.open(directory.resolve(name));
                return new Pending() {
                    @Override
                    public OutputStream out() {
                        return file.out();
                    }

                    @Override
                    public void commit() throws IOException {
                        file.commit();
                    }

                    @Override
                    public void close() throws IOException {
                        file.close();
                    }
                };
            }

            @Override
            public void finish() {
                // every file is complete when written
            }
        };
    }

    /**
     * A ZIP archive of the files, written to the stream (which stays open); the same files give the same bytes.
     * A file written over time is held in memory until it is committed, as an archive takes one entry at a time.
     */
    static BatchOutput zip(OutputStream out) {
        ReproducibleZip.Writer zip = ReproducibleZip.writer(out);
        return new BatchOutput() {
            @Override
            public void write(String name, AtomicFiles.Content content) throws IOException {
                zip.add(name, content);
            }

            @Override
            public Pending open(String name) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
                return new Pending() {
                    @Override
                    public OutputStream out() {
                        return buffer;
                    }

                    @Override
                    public void commit() throws IOException {
                        write(name, buffer::writeTo);
                    }

                    @Override
                    public void close() {
                        // the buffer is dropped with this object
                    }
                };
            }

            @Override
            public void finish() throws IOException {
                zip.finish();
            }
        };
    }
}
