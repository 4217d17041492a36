package cn.jixiao.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the test's input files and reads them back as the user would see the messages. */
final class InputFiles {

    /** Shared by every test, as the CLI shares one reader. */
    static final EvaluationReader READER = new EvaluationReader();

    private InputFiles() {
    }

    static Path write(Path directory, String name, String json) {
        return write(directory, name, json.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path directory, String name, byte[] content) {
        try {
            return Files.write(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every diagnostic of every project of the file, as printed. */
    static List<String> messages(Path file) {
        return READER.read(file).stream()
                .flatMap(project -> project.diagnostics().stream())
                .map(Object::toString)
                .toList();
    }
}
