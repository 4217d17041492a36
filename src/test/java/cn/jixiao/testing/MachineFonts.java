package cn.jixiao.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.jixiao.fonts.SystemFonts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A machine's fonts for tests that must not depend on what else is installed: a directory of links to Debian's
 * HanaMinA and HanaMinB (fonts-hanazono, CJK Extension A to F) and DejaVu Sans regular and bold (fonts-dejavu-core).
 * Where those packages are missing, the calling test is reported as skipped.
 */
public final class MachineFonts {

    public static final Path HANAZONO = Path.of("/usr/share/fonts/truetype/hanazono");
    public static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");
    private static final List<Path> FILES = List.of(HANAZONO.resolve("HanaMinA.ttf"),
            HANAZONO.resolve("HanaMinB.ttf"), DEJAVU.resolve("DejaVuSans.ttf"), DEJAVU.resolve("DejaVuSans-Bold.ttf"));

    private MachineFonts() {
    }

    /** The fonts linked into the (empty) directory, as the machine's fonts. */
    public static SystemFonts hanazonoAndDejaVu(Path directory) throws IOException {
        assumeTrue(FILES.stream().allMatch(Files::isRegularFile), "fonts-hanazono or fonts-dejavu-core is not"
                + " installed");
        for (Path file : FILES) {
            Files.createSymbolicLink(directory.resolve(file.getFileName()), file);
        }
        return SystemFonts.in(List.of(directory));
    }
}
