package cn.jixiao.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A cache directory that nobody but its user can slip a file into, for content that runs as code when loaded (a
 * compiled template is read back by Java deserialization).
 *
 * <ul>
 * <li>The directory is the user's own and private (0700). A directory owned by someone else, or that others may
 *     write into, is refused: the cache is not used, and one warning says why. One that others may only read is
 *     made private.</li>
 * <li>Each file starts with an HMAC-SHA256 of its name and content under a per-user key: 32 random bytes in the
 *     file {@value #KEY}, 0600, created atomically on first use. A file that does not verify (damaged, tampered with,
 *     written by an older jixiao, or not the user's own 0600 file) is never returned: one warning names it, and the
 *     caller makes the content again and writes it over.</li>
 * </ul>
 * Files are written with {@link AtomicFiles#writePrivate} (0600 from their first byte). File systems without POSIX
 * permissions are not used.
 */
public final class PrivateCache {

    /** The key's file in the cache directory. */
    static final String KEY = "key";

    private static final int KEY_BYTES = 32;
    private static final int TAG_BYTES = 32;
    /** SHA-256's block, the length HMAC pads its key to. */
    private static final int BLOCK_BYTES = 64;
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final String contents;
    private final UserPrincipal user;
    private final byte[] key;
    private final Consumer<String> warnings;

    private PrivateCache(Path directory, String contents, UserPrincipal user, byte[] key,
                         Consumer<String> warnings) {
        this.directory = directory;
        this.contents = contents;
        this.user = user;
        this.key = key;
        this.warnings = warnings;
    }

    /**
     * The cache in {@code directory}, created if missing; empty, after one warning to {@code warnings}, when it cannot
     * be used safely.
     *
     * @param contents what the cache holds, for the warnings: {@code compiled templates}
     */
    public static Optional<PrivateCache> open(Path directory, String contents, Consumer<String> warnings) {
        String reason;
        try {
            UserPrincipal user = privateDirectory(directory);
            return Optional.of(new PrivateCache(directory, contents, user, key(directory, user), warnings));
        } catch (Refused e) {
            reason = e.getMessage();
        } catch (IOException e) {
            reason = reason(e);
        }
        warnings.accept("the cache of " + contents + " " + directory + " is not used: " + reason + "; the "
                + contents + " are made again on every run");
        return Optional.empty();
    }

    /** The content stored under {@code name}, when there is one and it verifies. */
    public Optional<byte[]> read(String name) {
        Path file = directory.resolve(name);
        byte[] stored;
        try {
            String foreign = notOwnPrivateFile(file, user, OWNER_ONLY_FILE);
            if (foreign != null) {
                return ignored(file, foreign);
            }
            stored = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return ignored(file, "it cannot be read: " + reason(e));
        }
        if (stored.length < TAG_BYTES) {
            return ignored(file, "it is too short to be a cache entry");
        }
        byte[] content = Arrays.copyOfRange(stored, TAG_BYTES, stored.length);
        if (!MessageDigest.isEqual(Arrays.copyOf(stored, TAG_BYTES), tag(name, content))) {
            return ignored(file, "it does not verify (damaged, tampered with, or written by an older jixiao)");
        }
        return Optional.of(content);
    }

    /** Stores {@code content} under {@code name}, replacing what was there. */
    public void write(String name, byte[] content) throws IOException {
        byte[] tag = tag(name, content);
        AtomicFiles.writePrivate(directory.resolve(name), out -> {
            out.write(tag);
            out.write(content);
        });
    }

    private Optional<byte[]> ignored(Path file, String reason) {
        warnings.accept("the cache of " + contents + ": " + file + " is ignored and made again: " + reason);
        return Optional.empty();
    }

    /**
     * The HMAC-SHA256 of a file's name and content: a valid file copied to another name does not verify either.
     *
     * <p>HMAC as RFC 2104 defines it, over {@link MessageDigest}'s SHA-256, rather than {@code javax.crypto.Mac}: to
     * find HmacSHA256, Java loads and starts every security provider listed before the one that has it (elliptic
     * curves, PKCS#11, smart cards, TLS), about a tenth of a second of a cold start that needs none of them, while
     * SHA-256 comes from the first. PrivateCacheTest checks the tags against {@code javax.crypto.Mac}.
     */
    private byte[] tag(String name, byte[] content) {
        MessageDigest inner = sha256();
        inner.update(padded((byte) 0x36));
        inner.update(name.getBytes(StandardCharsets.UTF_8));
        inner.update((byte) 0);
        inner.update(content);
        MessageDigest outer = sha256();
        outer.update(padded((byte) 0x5c));
        return outer.digest(inner.digest());
    }

    /** The key, shorter than a block, padded with zeros to a block and XORed with {@code pad}. */
    private byte[] padded(byte pad) {
        byte[] block = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES; i++) {
            block[i] = (byte) ((i < key.length ? key[i] : 0) ^ pad);
        }
        return block;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Creates the directory private, or checks that it is; the user, as the file system names owners. */
    private static UserPrincipal privateDirectory(Path directory) throws IOException, Refused {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            throw new Refused("its file system has no POSIX permissions to keep it private");
        }
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(directory.toAbsolutePath().getParent());
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } catch (FileAlreadyExistsException e) {
                // made by a run started at the same time; checked below like any other
            }
        }
        PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class);
        if (!attributes.isDirectory()) {
            throw new Refused("it is not a directory");
        }
        UserPrincipal user = currentUser(directory);
        if (!attributes.owner().equals(user)) {
            throw new Refused("it belongs to " + attributes.owner().getName() + ", not to " + user.getName());
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new Refused("others may write into it (" + PosixFilePermissions.toString(permissions)
                    + "); remove it or make it private with chmod 700");
        }
        if (!permissions.equals(OWNER_ONLY_DIRECTORY)) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
        }
        return user;
    }

    /**
     * Who runs this, as the owner of a file just made in the directory: the JDK has no portable call for the
     * current user's {@link UserPrincipal}, and {@code user.name} is {@code ?} for a user without a passwd entry.
     */
    private static UserPrincipal currentUser(Path directory) throws IOException, Refused {
        Path probe;
        try {
            probe = Files.createTempFile(directory, ".owner-", ".tmp");
        } catch (IOException e) {
            throw new Refused("it cannot be written: " + reason(e));
        }
        try {
            return Files.getOwner(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** The user's key, made on first use: written whole under a temporary name, then linked to its name. */
    private static byte[] key(Path directory, UserPrincipal user) throws IOException, Refused {
        Path file = directory.resolve(KEY);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] fresh = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            Path temporary = directory.resolve(AtomicFiles.TEMPORARY_PREFIX + UUID.randomUUID() + ".key");
            AtomicFiles.writePrivate(temporary, out -> out.write(fresh));
            try {
                Files.createLink(file, temporary); // fails when another run made the key first: then that one is used
            } catch (FileAlreadyExistsException e) {
                // read below
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        String foreign = notOwnPrivateFile(file, user, OWNER_ONLY_FILE);
        if (foreign != null) {
            throw new Refused("its key " + file + " is not to be trusted: " + foreign);
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != KEY_BYTES) {
            throw new Refused("its key " + file + " is damaged; remove the directory");
        }
        return bytes;
    }

    /** Why the file is not the user's own private regular file; {@code null} when it is. */
    private static String notOwnPrivateFile(Path file, UserPrincipal user, Set<PosixFilePermission> allowed)
            throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            return "it is not a regular file";
        }
        if (!attributes.owner().equals(user)) {
            return "it belongs to " + attributes.owner().getName();
        }
        if (!allowed.containsAll(attributes.permissions())) {
            return "others may read or write it (" + PosixFilePermissions.toString(attributes.permissions()) + ")";
        }
        return null;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException failure) {
            return failure.getFile() + ": " + (failure.getReason() != null ? failure.getReason()
                    : failure.getClass().getSimpleName());
        }
        return e.getMessage();
    }

    /** Why a cache directory is not used. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }
}
