package cn.jixiao.batch;

import cn.jixiao.input.office.OfficeImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The input files named on the command line: a file is taken as it is (even without {@code .json}: the reader will
 * say what is wrong with it); a directory gives its {@code .json} files and its Word and Excel files
 * ({@link OfficeImport#handles}), by name. Nothing is left out silently: the other files and the sub-directories of a directory (which are not searched) are listed as skipped, and a directory
 * that gives no file at all is listed as empty.
 */
public record InputFiles(List<Path> files, List<Path> skipped, List<Path> emptyDirectories) {

    public static InputFiles expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        List<Path> emptyDirectories = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                files.add(input);
                continue;
            }
            int found = files.size();
            try (Stream<Path> entries = Files.list(input)) {
                for (Path entry : entries.sorted().toList()) {
                    boolean json = Files.isRegularFile(entry)
                            && (entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                                || OfficeImport.handles(entry));
                    (json ? files : skipped).add(entry);
                }
            }
            if (files.size() == found) {
                emptyDirectories.add(input);
            }
        }
        return new InputFiles(List.copyOf(files), List.copyOf(skipped), List.copyOf(emptyDirectories));
    }
}
