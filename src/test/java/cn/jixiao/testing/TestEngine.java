package cn.jixiao.testing;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.model.Form;
import cn.jixiao.render.RenderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The PDF engine of the shipped templates and fonts, as the command line sets it up. Starting one takes seconds, so it
 * is started on first use and shared by every test class of the run ({@link FormEngine#render} is thread-safe).
 * Compiled templates are kept in {@code target/}, so that a second test run need not compile them again.
 */
public final class TestEngine {

    public static final Path TEMPLATES = Path.of("templates");
    /** The national form's folder of the shipped templates. */
    public static final Path NATIONAL_TEMPLATES = TEMPLATES.resolve(Form.NATIONAL.id());
    public static final Path FONTS = Path.of("fonts");
    public static final Path TEMPLATE_CACHE = Path.of("target", "template-cache");

    private static FormEngine pdf;
    private static FormEngine allFormats;

    private TestEngine() {
    }

    public static synchronized FormEngine pdf() throws RenderException {
        if (pdf == null) {
            pdf = FormEngine.start(new FormEngine.Settings(TEMPLATES, TEMPLATE_CACHE, FontSettings.shipped(FONTS),
                    Set.of(OutputFormat.PDF)));
        }
        return pdf;
    }

    /** The engine of PDF and DOCX, as the service starts it. */
    public static synchronized FormEngine allFormats() throws RenderException {
        if (allFormats == null) {
            allFormats = FormEngine.start(new FormEngine.Settings(TEMPLATES, TEMPLATE_CACHE,
                    FontSettings.shipped(FONTS), EnumSet.allOf(OutputFormat.class)));
        }
        return allFormats;
    }

    /** A copy of the shipped templates, every form's folder and the summary, in {@code directory}: to edit one. */
    public static Path copyTemplates(Path directory) {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.toList()) {
                Path copy = directory.resolve(TEMPLATES.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
