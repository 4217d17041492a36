package cn.jixiao;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the code does in one place only: building JSON paths, writing zip archives. */
class OneHomeTest {

    /** A JSON path written out by hand: {@code "$.funds"}, {@code "$[0]"}, {@code ".score"} after an index. */
    private static final Pattern HAND_MADE_PATH = Pattern.compile("\"\\$[.\\[]|\"]\\.[a-z]");
    /** A zip archive written other than by the one writer: a stream class, or a local file header's signature. */
    private static final Pattern ZIP_WRITING = Pattern.compile("ZipOutputStream|ZipArchiveOutputStream|0x04034b50");

    @Test
    void jsonPathsAreBuiltByJsonPathOnly() throws IOException {
        assertEquals(List.of(), linesOutside(Path.of("diagnostics/JsonPath.java"), HAND_MADE_PATH));
    }

    @Test
    void zipArchivesAreWrittenByReproducibleZipOnly() throws IOException {
        assertEquals(List.of(), linesOutside(Path.of("io/ReproducibleZip.java"), ZIP_WRITING));
    }

    private static List<String> linesOutside(Path home, Pattern pattern) throws IOException {
        return SourceLines.of(SourceLines.MAIN).stream()
                .filter(line -> !line.file().equals(home) && pattern.matcher(line.text()).find())
                .map(line -> line.where() + ": " + line.text())
                .toList();
    }
}
