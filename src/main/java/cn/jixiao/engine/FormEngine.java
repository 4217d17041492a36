package cn.jixiao.engine;

import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.diagnostics.Diagnostic.Severity;
import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.fonts.GlyphCoverage.MissingGlyph;
import cn.jixiao.fonts.GlyphCoverage;
import cn.jixiao.input.EvaluationReader;
import cn.jixiao.input.office.OfficeImport;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.layout.SummaryTable;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.Form;
import cn.jixiao.model.TextFields.TextField;
import cn.jixiao.model.TextFields;
import cn.jixiao.render.RenderException;
import cn.jixiao.render.docx.DocxException;
import cn.jixiao.render.docx.DocxRenderer;
import cn.jixiao.render.pdf.PdfDocumentInfo;
import cn.jixiao.render.pdf.PdfRenderer;
import cn.jixiao.render.pdf.TextCompleteness;
import cn.jixiao.render.pdf.TextLostException;
import cn.jixiao.validation.EvaluationRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * The engine: everything needed to turn evaluations into documents, set up once ({@link #start}: the reader with its
 * schema, the fonts, the compiled templates), then used for any number of projects. The command line, the batch and
 * the HTTP service all use it; it knows nothing of either.
 *
 * <p>Thread-safe: one engine serves many threads at once. Start it once per set of templates and fonts, as starting
 * takes seconds (compiling the templates, reading the fonts) and rendering a form takes milliseconds.
 * README.md, "Use it from Java", shows it at work.
 */
public final class FormEngine {

    /**
     * @param templates     the directory of the JRXML and DOCX templates
     * @param templateCache where compiled JRXML templates are kept between runs; {@code null} for none
     * @param archival      every PDF as PDF/A (per project, combined and summary)
     */
    public record Settings(Path templates, Path templateCache, FontSettings fonts, Set<OutputFormat> formats,
                           boolean archival) {
        public Settings {
            formats = Set.copyOf(formats);
        }

        /** Settings for PDFs that need not be PDF/A. */
        public Settings(Path templates, Path templateCache, FontSettings fonts, Set<OutputFormat> formats) {
            this(templates, templateCache, fonts, formats, false);
        }

        /**
         * The templates and fonts of an installation: {@code templates/} and {@code fonts/} (Noto Serif SC) under
         * {@code home}, without a cache of compiled templates.
         */
        public static Settings installation(Path home, Set<OutputFormat> formats) {
            return new Settings(home.resolve("templates"), null, FontSettings.shipped(home.resolve("fonts")), formats);
        }
    }

    /**
     * A form's documents, and what the reader should know about them.
     *
     * @param fonts the faces its documents are drawn with: the configured ones, then the fallback faces that draw a
     *              character of it
     */
    public record RenderedForm(Map<OutputFormat, byte[]> documents, List<MissingGlyph> missingGlyphs,
                               List<FontLibrary.Face> fonts) {
    }

    /** The Word template, in the templates directory. */
    public static final String DOCX_TEMPLATE = "form.docx";

    private final EvaluationReader reader;
    private final Settings settings;
    private final FontLibrary.Face bodyFace;
    private final List<FontLibrary.Face> configuredFaces;
    private final GlyphCoverage coverage;
    private final PdfRenderer pdf;
    private final DocxRenderer docx; // the national form's
    private final FontLibrary fonts;
    private final List<FontLibrary.Face> configuredFallbacks;
    private final Map<Form, DocxRenderer> otherFormsDocx = new EnumMap<>(Form.class);

    private FormEngine(EvaluationReader reader, Settings settings, FontLibrary.Face bodyFace,
                       List<FontLibrary.Face> configuredFaces, GlyphCoverage coverage, PdfRenderer pdf,
                       DocxRenderer docx, FontLibrary fonts, List<FontLibrary.Face> configuredFallbacks) {
        this.reader = reader;
        this.settings = settings;
        this.bodyFace = bodyFace;
        this.configuredFaces = configuredFaces;
        this.coverage = coverage;
        this.pdf = pdf;
        this.docx = docx;
        this.fonts = fonts;
        this.configuredFallbacks = configuredFallbacks;
    }

    public static FormEngine start(Settings settings) throws RenderException {
        // The reader's schema loads beside the fonts and templates: a fresh JVM needs every part of a second.
        CompletableFuture<EvaluationReader> reader = CompletableFuture.supplyAsync(EvaluationReader::new,
                task -> new Thread(task, "reader start").start());
        try {
            FontLibrary fonts = FontLibrary.scan(settings.fonts().directory());
            FontLibrary.Face body = fonts.face(settings.fonts().bodyFamily(), false);
            String fallbackFamily = settings.fonts().fallbackFamily();
            FontLibrary.Face fallback = fallbackFamily == null ? null : fonts.face(fallbackFamily, false);
            List<FontLibrary.Face> fallbacks = fallback == null ? List.of() : List.of(fallback);
            PdfRenderer pdf = PdfRenderer.create(settings.templates(), settings.templateCache(), fonts,
                    settings.fonts(), fallbacks, settings.archival());
            DocxRenderer docx = settings.formats().contains(OutputFormat.DOCX)
                    ? new DocxRenderer(Form.NATIONAL.templatesFolder(settings.templates()).resolve(DOCX_TEMPLATE),
                            settings.fonts(), fonts, fallbacks)
                    : null;
            List<FontLibrary.Face> configured = new ArrayList<>();
            for (String family : List.of(settings.fonts().bodyFamily(), settings.fonts().titleFamily())) {
                configured.add(fonts.face(family, false));
                configured.add(fonts.face(family, true));
            }
            return new FormEngine(reader.join(), settings, body, configured.stream().distinct().toList(),
                    new GlyphCoverage(body, fallback, settings.fonts().systemFonts()), pdf, docx, fonts, fallbacks);
        } catch (FontException | DocxException e) {
            throw new RenderException(e.getMessage(), e);
        }
    }

    /**
     * Reads and checks JSON: one evaluation object or an array of them, as a file holds them. Reading never fails on
     * what the content holds: every problem is a diagnostic naming the source, the project and the JSON path.
     *
     * @param source what messages call the content, such as a file or upload name
     * @throws IOException when the stream itself cannot be read
     * @see EvaluationReader
     */
    public List<ProjectInput> read(String source, InputStream json) throws IOException {
        return checked(reader.read(source, json));
    }

    /** {@link #read(String, InputStream)} of content already in memory. */
    public List<ProjectInput> read(String source, byte[] json) {
        return checked(reader.read(source, json));
    }

    /**
     * {@link #read(String, InputStream)} of a file: JSON, or a form in Word or Excel (imported, its diagnostics naming
     * cells); a file that cannot be read is a diagnostic too.
     */
    public List<ProjectInput> read(Path file) {
        return checked(OfficeImport.read(reader, file));
    }

    /**
     * {@link #read(Path)} of a file in memory, such as an upload: JSON, or a form in Word or Excel as the file's
     * extension says.
     *
     * @param fileName what the diagnostics call the file
     */
    public List<ProjectInput> readFile(String fileName, byte[] content) {
        return OfficeImport.handles(fileName) ? importForms(fileName, content).projects()
                : read(fileName, content);
    }

    /**
     * {@link #read(Path)} of a file stored under another name, such as an upload written to a temporary file: JSON, or
     * a form in Word or Excel as {@code fileName}'s extension says. A Word or Excel file is read from disk part by
     * part, not whole.
     *
     * @param fileName what the diagnostics call the file
     */
    public List<ProjectInput> readFile(String fileName, Path file) throws IOException {
        if (OfficeImport.handles(fileName)) {
            return importForms(fileName, file).projects();
        }
        try (InputStream json = Files.newInputStream(file)) {
            return read(fileName, json);
        }
    }

    /** {@link #importForms(String, byte[])} of a file stored under another name, read from disk part by part. */
    public OfficeImport.Imported importForms(String fileName, Path file) {
        OfficeImport.Imported imported = new OfficeImport(reader).read(fileName, file);
        return new OfficeImport.Imported(checked(imported.projects()), imported.json());
    }

    /**
     * The forms of a Word or Excel file in memory, checked as {@link #read(Path)} checks them, with the JSON of each
     * (the contract's, exact decimals kept) for a client to edit.
     */
    public OfficeImport.Imported importForms(String fileName, byte[] content) {
        OfficeImport.Imported imported = new OfficeImport(reader).read(fileName, content);
        return new OfficeImport.Imported(checked(imported.projects()), imported.json());
    }

    /** What was read, with the scoring rules' warnings (分值 adding up, 执行率 agreeing, ...) on each project. */
    private static List<ProjectInput> checked(List<ProjectInput> projects) {
        return projects.stream().map(EvaluationRules::check).toList();
    }

    /**
     * Renders a project as read by {@link #read} to every format of the settings. A project with errors is not
     * rendered; nor is one whose rendering fails (a text that does not fit on the form, a fault of a library with this
     * one form): its diagnostics then say why, at the path of the input where they can.
     *
     * @param date the documents' date where the project gives no {@code reportDate}; {@code null} for none
     */
    public ProjectDocuments render(ProjectInput project, LocalDate date) {
        return render(project, date, settings.formats());
    }

    /**
     * {@link #render(ProjectInput, LocalDate)} to some of the engine's formats only.
     *
     * @throws IllegalArgumentException when a format is not one of the settings'
     */
    public ProjectDocuments render(ProjectInput project, LocalDate date, Set<OutputFormat> formats) {
        if (!settings.formats().containsAll(formats)) {
            throw new IllegalArgumentException("the engine renders " + settings.formats() + ", not " + formats);
        }
        List<Diagnostic> diagnostics = new ArrayList<>(project.diagnostics());
        if (project.hasErrors()) {
            return new ProjectDocuments(project, Map.of(), diagnostics, List.of());
        }
        try {
            RenderedForm form = render(project.evaluation(), date, formats);
            for (MissingGlyph missing : form.missingGlyphs()) {
                diagnostics.add(diagnostic(project, Severity.WARNING, missing.path(), missing.describe()));
            }
            return new ProjectDocuments(project, form.documents(), diagnostics, form.fonts());
        } catch (RenderException e) {
            diagnostics.add(diagnostic(project, Severity.ERROR, e.path(), e.getMessage()));
        } catch (RuntimeException e) {
            // A fault of the engine or a library with this one form: it fails alone, the others still render.
            diagnostics.add(diagnostic(project, Severity.ERROR, null, "could not be rendered: " + e));
        }
        return new ProjectDocuments(project, Map.of(), diagnostics, List.of());
    }

    private static Diagnostic diagnostic(ProjectInput project, Severity severity, String path, String message) {
        return project.located(new Diagnostic(severity, project.file(), project.index(), project.name(), path,
                message));
    }

    /** The documents {@link #render} makes. */
    public Set<OutputFormat> formats() {
        return settings.formats();
    }

    /** How the engine was started. */
    public Settings settings() {
        return settings;
    }

    /** Whether every PDF is PDF/A. */
    public boolean archival() {
        return settings.archival();
    }

    /** The family the tables are set in, as the font names itself. */
    public String bodyFamily() {
        return bodyFace.family();
    }

    /**
     * Renders one form to every format of the settings.
     *
     * @param date the documents' date: the evaluation's own {@code reportDate} wins over this default; {@code null}
     *             for none
     * @throws RenderException when a document cannot be made, or when a text of the input did not reach the page
     */
    public RenderedForm render(Evaluation evaluation, LocalDate date) throws RenderException {
        return render(evaluation, date, settings.formats());
    }

    private RenderedForm render(Evaluation evaluation, LocalDate date, Set<OutputFormat> formats)
            throws RenderException {
        FormLayout layout = FormLayout.of(evaluation);
        List<TextField> texts = TextFields.of(evaluation);
        LocalDate creationDate = evaluation.reportDate() != null ? evaluation.reportDate() : date;
        List<MissingGlyph> missing = coverage.missing(texts);
        List<FontLibrary.Face> fallbacks = coverage.fallbacks(missing);
        Map<OutputFormat, byte[]> documents = new EnumMap<>(OutputFormat.class);
        if (formats.contains(OutputFormat.PDF)) {
            documents.put(OutputFormat.PDF, renderPdf(pdf.withFallbacks(fallbacks), layout, texts, creationDate));
        }
        if (formats.contains(OutputFormat.DOCX)) {
            try {
                documents.put(OutputFormat.DOCX, docx(evaluation.form()).render(layout, fallbacks));
            } catch (DocxException | FontException e) {
                throw new RenderException("cannot write the Word document: " + e.getMessage(), e);
            }
            missing = missing.stream().map(glyph -> glyph.fallback() == null ? glyph
                    : docx.lackingFormat(glyph.fallback()).map(glyph::lackingIn).orElse(glyph)).toList();
        }
        List<FontLibrary.Face> fonts = new ArrayList<>(configuredFaces);
        missing.stream().map(MissingGlyph::fallback).filter(face -> face != null && !fonts.contains(face))
                .forEach(fonts::add);
        return new RenderedForm(documents, missing, fonts);
    }

    /** The Word renderer of a form: another form's than the national is set up for its first project. */
    private DocxRenderer docx(Form form) throws DocxException, FontException {
        if (form == Form.NATIONAL) {
            return docx;
        }
        synchronized (otherFormsDocx) {
            DocxRenderer renderer = otherFormsDocx.get(form);
            if (renderer == null) {
                renderer = new DocxRenderer(form.templatesFolder(settings.templates()).resolve(DOCX_TEMPLATE), form,
                        settings.fonts(), fonts, configuredFallbacks);
                otherFormsDocx.put(form, renderer);
            }
            return renderer;
        }
    }

    /** The batch's 项目支出绩效自评汇总表 as a PDF, its names drawn with the fallback fonts their forms use. */
    public byte[] renderSummary(SummaryTable table, LocalDate date) throws RenderException {
        List<TextField> names = table.rows().stream()
                .flatMap(row -> Stream.of(row.projectName(), row.department()))
                .filter(Objects::nonNull)
                .map(text -> new TextField("$", text))
                .toList();
        PdfRenderer summary = pdf.withFallbacks(coverage.fallbacks(coverage.missing(names)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        summary.export(List.of(summary.fillSummary(table)), new PdfDocumentInfo(SummaryTable.TITLE, date), out);
        return out.toByteArray();
    }

    private static byte[] renderPdf(PdfRenderer pdf, FormLayout layout, List<TextField> texts,
                                    LocalDate creationDate)
            throws RenderException {
        JasperPrint print = pdf.fill(layout);
        TextCompleteness.check(print, texts);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            pdf.export(List.of(print), new PdfDocumentInfo(layout.projectName(), creationDate), out);
        } catch (TextLostException e) {
            throw new RenderException(e.path() == null ? "$" : e.path(), e.getMessage());
        }
        return out.toByteArray();
    }
}
