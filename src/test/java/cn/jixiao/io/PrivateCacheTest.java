package cn.jixiao.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a file this user's jixiao wrote comes out of the cache; anything else is reported and made again. */
class PrivateCacheTest {

    private static final byte[] COMPILED = "compiled template".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void aNewCacheIsPrivateAndGivesBackWhatWasStored() throws Exception {
        Path directory = root.resolve("cache/jixiao/templates");
        PrivateCache cache = open(directory);
        cache.write("form.jasper", COMPILED);

        assertArrayEquals(COMPILED, cache.read("form.jasper").orElseThrow());
        assertArrayEquals(COMPILED, open(directory).read("form.jasper").orElseThrow());
        assertEquals("rwx------", permissions(directory));
        assertEquals("rw-------", permissions(directory.resolve("form.jasper")));
        assertEquals("rw-------", permissions(directory.resolve(PrivateCache.KEY)));
        assertEquals(32, Files.size(directory.resolve(PrivateCache.KEY)));
        assertEquals(List.of(), warnings);
    }

    @Test
    void eachFileStartsWithTheHmacSha256OfItsNameAndContentUnderTheUsersKey() throws Exception {
        PrivateCache cache = open(root);
        cache.write("form.jasper", COMPILED);

        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(Files.readAllBytes(root.resolve(PrivateCache.KEY)), "HmacSHA256"));
        hmac.update("form.jasper".getBytes(StandardCharsets.UTF_8));
        hmac.update((byte) 0);
        byte[] expected = hmac.doFinal(COMPILED);
        byte[] stored = Files.readAllBytes(root.resolve("form.jasper"));
        assertArrayEquals(expected, Arrays.copyOf(stored, 32));
        assertArrayEquals(COMPILED, Arrays.copyOfRange(stored, 32, stored.length));
    }

    @Test
    void aChangedFileIsNotGivenBackAndOneWarningNamesIt() throws Exception {
        PrivateCache cache = open(root);
        cache.write("form.jasper", COMPILED);
        Path file = root.resolve("form.jasper");
        byte[] stored = Files.readAllBytes(file);
        stored[stored.length - 1] ^= 1;
        Files.write(file, stored);

        assertEquals(Optional.empty(), cache.read("form.jasper"));
        assertEquals(List.of("the cache of compiled templates: " + file + " is ignored and made again: it does not"
                + " verify (damaged, tampered with, or written by an older jixiao)"), warnings);

        cache.write("form.jasper", COMPILED);
        assertArrayEquals(COMPILED, cache.read("form.jasper").orElseThrow());
        assertEquals(1, warnings.size());
    }

    @Test
    void aFileWrittenWithoutTheKeyIsNotGivenBack() throws Exception {
        PrivateCache cache = open(root);
        Files.write(root.resolve("form.jasper"), COMPILED, StandardOpenOption.CREATE_NEW);
        Files.setPosixFilePermissions(root.resolve("form.jasper"), PosixFilePermissions.fromString("rw-------"));

        assertEquals(Optional.empty(), cache.read("form.jasper"));
        assertEquals(1, warnings.size());
    }

    @Test
    void aValidFileCopiedOverAnotherNameDoesNotVerify() throws Exception {
        PrivateCache cache = open(root);
        cache.write("summary.jasper", "the summary".getBytes(StandardCharsets.UTF_8));
        cache.write("form.jasper", COMPILED);
        Files.copy(root.resolve("summary.jasper"), root.resolve("form.jasper"), StandardCopyOption.REPLACE_EXISTING);

        assertEquals(Optional.empty(), cache.read("form.jasper"));
        assertEquals(1, warnings.size());
    }

    @Test
    void aFileOthersMayWriteIsNotGivenBackEvenWithAValidTag() throws Exception {
        PrivateCache cache = open(root);
        cache.write("form.jasper", COMPILED);
        Files.setPosixFilePermissions(root.resolve("form.jasper"), PosixFilePermissions.fromString("rw-rw-rw-"));

        assertEquals(Optional.empty(), cache.read("form.jasper"));
        assertEquals(List.of("the cache of compiled templates: " + root.resolve("form.jasper") + " is ignored and"
                + " made again: others may read or write it (rw-rw-rw-)"), warnings);
    }

    @Test
    void aDirectoryOthersMayWriteIntoIsNotUsed() throws Exception {
        Path shared = Files.createDirectory(root.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertEquals(Optional.empty(), PrivateCache.open(shared, "compiled templates", warnings::add));
        assertEquals(List.of("the cache of compiled templates " + shared + " is not used: others may write into it"
                + " (rwxrwxrwx); remove it or make it private with chmod 700; the compiled templates are made again"
                + " on every run"), warnings);
        assertTrue(Files.notExists(shared.resolve(PrivateCache.KEY)));
    }

    @Test
    void aDirectoryOthersMayOnlyReadIsMadePrivate() throws Exception {
        Path older = Files.createDirectory(root.resolve("older"));
        Files.setPosixFilePermissions(older, PosixFilePermissions.fromString("rwxr-xr-x"));

        open(older);
        assertEquals("rwx------", permissions(older));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aKeyOthersMayReadIsNotTrusted() throws Exception {
        open(root);
        Files.setPosixFilePermissions(root.resolve(PrivateCache.KEY), PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals(Optional.empty(), PrivateCache.open(root, "compiled templates", warnings::add));
        assertEquals(List.of("the cache of compiled templates " + root + " is not used: its key "
                + root.resolve(PrivateCache.KEY) + " is not to be trusted: others may read or write it (rw-r--r--);"
                + " the compiled templates are made again on every run"), warnings);
    }

    @Test
    void aDirectoryOfAnotherUserIsNotUsed() throws Exception {
        // Only root can give a directory to another user.
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to make a directory of another user");
        Path theirs = Files.createDirectory(root.resolve("theirs"));
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwx------"));
        UserPrincipal nobody = theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);

        assertEquals(Optional.empty(), PrivateCache.open(theirs, "compiled templates", warnings::add));
        assertEquals(List.of("the cache of compiled templates " + theirs + " is not used: it belongs to nobody, not"
                + " to root; the compiled templates are made again on every run"), warnings);
    }

    private PrivateCache open(Path directory) {
        return PrivateCache.open(directory, "compiled templates", warnings::add).orElseThrow();
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
