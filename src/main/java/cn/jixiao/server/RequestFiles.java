package cn.jixiao.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a request's upload and a large body are written, so that they are read from disk rather than held in memory:
 * a directory of its own ({@code rwx------}) inside the service's private directory, made on the first use and
 * deleted when the answer is sent (an {@code after} handler, which Javalin runs after errors too). The files of a
 * render that outlives its request (the time limit passed) are deleted under it; it reads on from what it has open.
 */
final class RequestFiles {

    private static final String ATTRIBUTE = "jixiao.requestFiles";
    private static final FileAttribute<?> PRIVATE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"));

    private RequestFiles() {
    }

    /** The service's directory for all requests' files: private to this user, deleted by {@link #delete}. */
    static Path serviceDirectory() {
        try {
            return Files.createTempDirectory("jixiao-uploads-", PRIVATE);
        } catch (UnsupportedOperationException e) {
            try {
                return Files.createTempDirectory("jixiao-uploads-"); // not POSIX: the system's temp dir rules
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request's own directory inside {@code serviceDirectory}, made now if it was not yet. */
    static Path of(Context ctx, Path serviceDirectory) throws IOException {
        Path directory = ctx.attribute(ATTRIBUTE);
        if (directory == null) {
            directory = Files.createTempDirectory(serviceDirectory, "request-", PRIVATE);
            ctx.attribute(ATTRIBUTE, directory);
        }
        return directory;
    }

    /** Deletes the request's directory, if it made one. */
    static void release(Context ctx) throws IOException {
        Path directory = ctx.attribute(ATTRIBUTE);
        if (directory != null) {
            delete(directory);
        }
    }

    /** Deletes a directory and everything in it. */
    static void delete(Path directory) throws IOException {
        List<Path> paths;
        try (Stream<Path> tree = Files.walk(directory)) {
            paths = tree.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
