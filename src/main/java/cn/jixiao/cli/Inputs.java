package cn.jixiao.cli;

import cn.jixiao.batch.InputFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The INPUT arguments of a command, expanded, with a line for each thing that will not be read. */
final class Inputs {

    private Inputs() {
    }

    /**
     * Expands the inputs and prints a warning for each skipped entry of a directory and an error for each directory
     * without a {@code .json} file: a user who named a directory learns why its forms did not come out.
     */
    static InputFiles expand(List<Path> inputs, PrintWriter messages) throws IOException {
        InputFiles files = InputFiles.expand(inputs);
        for (Path skipped : files.skipped()) {
            messages.println("warning: " + skipped + (Files.isDirectory(skipped)
                    ? ": a sub-directory, not searched; name it as an input to include it"
                    : ": not a .json, Word or Excel file, skipped"));
        }
        for (Path empty : files.emptyDirectories()) {
            messages.println("error: " + empty + ": holds no .json, Word or Excel file");
        }
        return files;
    }
}
