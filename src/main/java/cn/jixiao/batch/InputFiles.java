package cn.jixiao.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The input files named on the command line: a file is taken as it is (even without {@code .json}: the reader will
 * say what is wrong with it); a directory gives its {@code .json} files, by name, and the other files in it are
 * listed as skipped.
 */
public record InputFiles(List<Path> files, List<Path> skipped) {

    public static InputFiles expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                files.add(input);
                continue;
            }
            try (Stream<Path> entries = Files.list(input)) {
                for (Path entry : entries.sorted().toList()) {
                    if (!Files.isRegularFile(entry)) {
                        continue;
                    }
                    boolean json = entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
                    (json ? files : skipped).add(entry);
                }
            }
        }
        return new InputFiles(List.copyOf(files), List.copyOf(skipped));
    }
}
