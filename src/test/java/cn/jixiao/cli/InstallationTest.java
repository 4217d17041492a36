package cn.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates come from the installation or from --templates, never from the working directory. */
class InstallationTest {

    @TempDir
    Path root;

    @Test
    void theInstallationIsTheDirectoryAboveTheJar() throws IOException {
        Files.createDirectories(root.resolve("templates"));
        assertEquals(root.toAbsolutePath(), Installation.home(null, root.resolve("target/jixiao.jar")));
    }

    @Test
    void theLaunchersPropertyNamesTheInstallation() throws IOException {
        assertEquals(root, Installation.home(root.toString(), null));
    }

    @Test
    void aWorkingDirectoryWithTemplatesIsNotTakenForTheInstallation() throws IOException {
        // The tests run in the checkout, whose working directory holds templates/ and fonts/.
        assertTrue(Files.isDirectory(Path.of("templates")));
        Path jar = root.resolve("lib/jixiao.jar");

        IOException failure = assertThrows(IOException.class, () -> Installation.home(null, jar));
        assertEquals("cannot find the installation's templates/ and fonts/ (looked above " + jar + "): run jixiao"
                + " through its launcher, set -Djixiao.home=DIR, or name --templates and --fonts",
                failure.getMessage());
    }
}
