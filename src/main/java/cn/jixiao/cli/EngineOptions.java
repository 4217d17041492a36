package cn.jixiao.cli;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.engine.OutputFormat;
import cn.jixiao.fonts.FontSettings;
import java.io.IOException;
import cn.jixiao.fonts.SystemFonts;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What the commands that render share: the documents to make, how many at once, the templates and the fonts. */
final class EngineOptions {

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "pdf",
            converter = FormatConverter.class,
            description = "Documents per project: pdf, docx or pdf,docx (default: ${DEFAULT-VALUE}).")
    List<OutputFormat> formats;

    @Option(names = "--threads", paramLabel = "N",
            description = "Forms rendered at once (default: one more than the number of processors).")
    Integer threads;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Directory of the templates: each form's form.jrxml, form-indicators.jrxml, form.jrtx and "
                    + "form.docx in DIR/FORM/ (DIR/national/, DIR/xianjie/, DIR/sichuan/), the batch summary's "
                    + "summary.jrxml in DIR; a DIR holding the national form's files itself is read as before "
                    + "(default: templates/ of the installation).")
    Path templates;

    @Option(names = "--fonts", paramLabel = "DIR",
            description = "Directory of the TrueType fonts to use (default: fonts/ of the installation, Noto Serif SC).")
    Path fonts;

    @Option(names = "--font", paramLabel = "FAMILY", defaultValue = FontSettings.DEFAULT_FAMILY,
            description = "Font family of the table, as the font names itself, e.g. 仿宋_GB2312 (default: ${DEFAULT-VALUE}).")
    String bodyFamily;

    @Option(names = "--title-font", paramLabel = "FAMILY",
            description = "Font family of the title, e.g. 方正小标宋简体 (default: the --font family).")
    String titleFamily;

    @Option(names = "--fallback-font", paramLabel = "FAMILY",
            description = "Font family, in the --fonts directory, that draws the characters the other fonts lack "
                    + "(生僻字 of CJK Extension B and later, symbols). Each such character is reported either way.")
    String fallbackFamily;

    @Option(names = "--no-system-fonts",
            description = "Do not look for a character the fonts lack among the fonts installed on this machine: "
                    + "the same documents on every machine, but such a character is left out.")
    boolean noSystemFonts;

    @Option(names = "--pdfa", description = "Write every PDF as PDF/A-2u, for archiving: the per-project PDFs, the "
            + "combined PDF and the summary.")
    boolean archival;

    @Option(names = "--debug", description = "Show the stack trace of a failure.")
    boolean debug;

    /** The documents asked for per project. */
    Set<OutputFormat> formats() {
        return EnumSet.copyOf(formats);
    }

    /**
     * One more than the processors by default: a form's worker waits while its indicator table is filled on another
     * thread, so with one worker per processor a tenth of the CPU stood idle (vmstat). A batch of 1,000 forms on 2
     * processors: 2 workers 14.2-17.4 s, 3 workers 13.1-15.4 s, 4 workers 12.2-14.4 s, alternated
     * (bench/results/2026-12-01-s6-threads.txt); not 4, which were no faster in the median (14.1 against 13.6 s) and
     * hold one more form in memory.
     */
    int threads() {
        return threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors() + 1;
    }

    /**
     * The engine's settings.
     *
     * @param formats the documents the engine makes: those asked for, and PDF where the batch needs it
     * @throws IOException when the templates or the fonts are not named and the installation cannot be found
     */
    FormEngine.Settings settings(Set<OutputFormat> formats) throws IOException {
        Path fontDirectory = fonts != null ? fonts : Installation.home().resolve("fonts");
        FontSettings fontSettings = new FontSettings(fontDirectory, bodyFamily,
                titleFamily != null ? titleFamily : bodyFamily, fallbackFamily,
                noSystemFonts ? null : SystemFonts.installed());
        return new FormEngine.Settings(templates != null ? templates : Installation.home().resolve("templates"),
                Installation.templateCache(), fontSettings, formats, archival);
    }

    /** {@code pdf} or {@code docx}, in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.of(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "unknown format \"" + value + "\": use pdf, docx or pdf,docx"));
        }
    }
}
