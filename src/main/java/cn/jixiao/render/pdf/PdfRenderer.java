package cn.jixiao.render.pdf;

import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.io.PrivateCache;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.layout.SummaryTable;
import cn.jixiao.model.Form;
import cn.jixiao.render.RenderException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.governors.MaxPagesGovernor;
import net.sf.jasperreports.governors.MaxPagesGovernorException;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders forms to PDF from the JRXML templates. Create one per run: it compiles the templates and registers the
 * fonts once; {@link #render} is then safe to call from several threads. A form with characters that only fonts of
 * the machine draw is rendered by {@link #withFallbacks}, a renderer that shares the templates and adds those fonts.
 */
public final class PdfRenderer {

    /**
     * A form that would run to more pages is stopped while it fills. The input's limits (10,000 characters a cell,
     * 1,000 indicators) keep real forms far below it, but 1,000 rows of long texts would still fill for many minutes.
     */
    public static final int MAX_PAGES = 500;

    private final JasperReportsContext context;
    private final FormTemplates templates; // the national form's, and the summary's
    private final List<Path> fallbackFiles;
    private final RunSetup run;
    private final boolean archival;

    /**
     * What the renderers of one run share: what makes a renderer with other fallback fonts, and the templates of the
     * forms other than the national one, loaded when their first project is filled.
     */
    private record RunSetup(Path templatesDirectory, FontLibrary library, FontSettings settings,
                            Set<Path> preloaded, Map<List<Path>, PdfRenderer> byFallbacks, PrivateCache cache,
                            Map<Form, FormTemplates> otherForms) {
    }

    private PdfRenderer(JasperReportsContext context, FormTemplates templates, List<Path> fallbackFiles,
                        RunSetup run, boolean archival) {
        this.context = context;
        this.templates = templates;
        this.fallbackFiles = fallbackFiles;
        this.run = run;
        this.archival = archival;
    }

    /**
     * @param templatesDirectory where the forms' folders ({@link Form#templatesFolder}) and {@code summary.jrxml} are
     * @param templateCache      where compiled templates are kept between runs; {@code null} to compile every time
     * @param fallbacks          the faces that draw what the configured families lack, in the order they are tried
     * @param archival           write every PDF as PDF/A ({@link ArchivalPdf})
     */
    public static PdfRenderer create(Path templatesDirectory, Path templateCache, FontLibrary fonts,
                                     FontSettings settings, List<FontLibrary.Face> fallbacks, boolean archival)
            throws RenderException {
        // The engine has no way yet to hand a start-up warning to its caller: this one goes to standard error, where
        // the command line prints its own.
        return create(templatesDirectory, templateCache, fonts, settings, fallbacks, archival,
                warning -> System.err.println("warning: " + warning));
    }

    /** @param warnings told when the template cache is not used, or a cached template is not loaded */
    static PdfRenderer create(Path templatesDirectory, Path templateCache, FontLibrary fonts, FontSettings settings,
                              List<FontLibrary.Face> fallbacks, boolean archival, Consumer<String> warnings)
            throws RenderException {
        try {
            JasperReportsContext context = JasperSetup.context(templatesDirectory, fonts, settings, fallbacks);
            Set<Path> files = new LinkedHashSet<>(JasperSetup.fontFiles(fonts, settings));
            fallbacks.forEach(face -> files.add(face.file()));
            // Reading each font for OpenPDF and loading the templates each take a good part of a second when the
            // JVM is fresh: done side by side, each font on a thread of its own.
            CompletableFuture<Void> pdfFonts = CompletableFuture.allOf(files.stream()
                    .map(file -> CompletableFuture.runAsync(() -> preload(file),
                            task -> new Thread(task, "font " + file.getFileName()).start()))
                    .toArray(CompletableFuture[]::new));
            PrivateCache cache = templateCache == null ? null
                    : PrivateCache.open(templateCache, "compiled templates", warnings).orElse(null);
            FormTemplates templates = FormTemplates.load(context, Form.NATIONAL.templatesFolder(templatesDirectory),
                    cache);
            join(pdfFonts);
            templates.main.setProperty(MaxPagesGovernor.PROPERTY_MAX_PAGES, String.valueOf(MAX_PAGES));
            RunSetup setup = new RunSetup(templatesDirectory, fonts, settings, ConcurrentHashMap.newKeySet(),
                    new HashMap<>(), cache, new EnumMap<>(Form.class));
            setup.preloaded().addAll(files);
            return new PdfRenderer(context, templates, filesOf(fallbacks), setup, archival);
        } catch (FontException e) {
            throw new RenderException(e.getMessage(), e);
        }
    }

    /**
     * The renderer whose fallback faces are these (see {@link cn.jixiao.fonts.GlyphCoverage#fallbacks}): this one
     * when they are its own, else one made on first use and kept for the run.
     */
    public PdfRenderer withFallbacks(List<FontLibrary.Face> fallbacks) throws RenderException {
        List<Path> files = filesOf(fallbacks);
        if (files.equals(fallbackFiles)) {
            return this;
        }
        synchronized (run.byFallbacks()) {
            PdfRenderer renderer = run.byFallbacks().get(files);
            if (renderer == null) {
                for (Path file : files) {
                    if (run.preloaded().add(file)) {
                        PdfFonts.preload(file);
                    }
                }
                try {
                    renderer = new PdfRenderer(JasperSetup.context(run.templatesDirectory(), run.library(),
                            run.settings(), fallbacks), templates, files, run, archival);
                } catch (FontException e) {
                    throw new RenderException(e.getMessage(), e);
                }
                run.byFallbacks().put(files, renderer);
            }
            return renderer;
        }
    }

    private static List<Path> filesOf(List<FontLibrary.Face> faces) {
        return faces.stream().map(FontLibrary.Face::file).toList();
    }

    private static void preload(Path fontFile) {
        try {
            PdfFonts.preload(fontFile);
        } catch (RenderException e) {
            throw new CompletionException(e);
        }
    }

    private static void join(CompletableFuture<Void> task) throws RenderException {
        try {
            task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RenderException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * The templates of a form: the national form's were loaded at the start; another form's are loaded when its first
     * project is filled, so that a run without it does not compile them.
     */
    private FormTemplates templates(Form form) throws RenderException {
        if (form == Form.NATIONAL) {
            return templates;
        }
        synchronized (run.otherForms()) {
            FormTemplates loaded = run.otherForms().get(form);
            if (loaded == null) {
                loaded = FormTemplates.load(context, form.templatesFolder(run.templatesDirectory()), run.cache());
                loaded.main.setProperty(MaxPagesGovernor.PROPERTY_MAX_PAGES, String.valueOf(MAX_PAGES));
                run.otherForms().put(form, loaded);
            }
            return loaded;
        }
    }

    /** Fills the templates of the form's layout with one form: the pages, not yet a PDF. */
    public JasperPrint fill(FormLayout form) throws RenderException {
        FormTemplates templates = templates(form.form());
        Map<String, Object> parameters = FormData.parameters(form);
        parameters.put("INDICATORS_REPORT", templates.indicators);
        parameters.put("FORM_STYLES", templates.styles);
        try {
            return JasperFillManager.getInstance(context).fill(templates.main, parameters, new JREmptyDataSource(1));
        } catch (MaxPagesGovernorException e) {
            throw new RenderException(JsonPath.ROOT, "the form would run to more than " + MAX_PAGES + " pages; shorten its"
                    + " texts or split its indicators over several projects");
        } catch (JRException e) {
            throw new RenderException("cannot fill the form: " + e.getMessage(), e);
        }
    }

    /** Fills the batch summary 项目支出绩效自评汇总表. */
    public JasperPrint fillSummary(SummaryTable table) throws RenderException {
        try {
            Map<String, Object> parameters = SummaryData.parameters(table);
            parameters.put("FORM_STYLES", templates.styles);
            return JasperFillManager.getInstance(context).fill(templates.summary(run.templatesDirectory()), parameters,
                    SummaryData.rows(table));
        } catch (JRException e) {
            throw new RenderException("cannot fill the summary: " + e.getMessage(), e);
        }
    }

    /**
     * Writes filled forms as one PDF, in order. The document ID is a digest of the printed text, so the same forms
     * give the same bytes.
     * When it fails, {@code out} may hold the start of the PDF: give it a buffer or a file written atomically.
     *
     * @throws TextLostException when a text would not come out whole; at the JSON path of the input it prints
     */
    public void export(List<JasperPrint> prints, PdfDocumentInfo info, OutputStream out) throws RenderException {
        JasperPrint first = prints.get(0);
        String documentId = documentId(prints);
        first.setProperty(FormPdfProducerFactory.DOCUMENT_ID, documentId);
        if (info.creationDate() == null) {
            first.removeProperty(FormPdfProducerFactory.CREATION_DATE);
        } else {
            first.setProperty(FormPdfProducerFactory.CREATION_DATE, info.creationDate().toString());
        }
        if (archival) {
            first.setProperty(FormPdfProducerFactory.ARCHIVAL, "true");
        }
        JRPdfExporter exporter = new FormPdfExporter(context);
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(info.title());
        configuration.setMetadataCreator("jixiao");
        exporter.setConfiguration(configuration);
        PdfFonts.beginDocument(documentId);
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new RenderException("cannot write the PDF: " + e.getMessage(), e);
        } catch (TextCutException e) {
            throw new TextLostException(e.path(), e);
        } finally {
            PdfFonts.endDocument();
        }
    }

    /** One form as a PDF document. */
    public byte[] render(FormLayout form, LocalDate creationDate) throws RenderException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        export(List.of(fill(form)), new PdfDocumentInfo(form.projectName(), creationDate), out);
        return out.toByteArray();
    }

    private static String documentId(List<JasperPrint> prints) {
        MessageDigest digest = sha256();
        for (JasperPrint print : prints) {
            for (JRPrintText text : PrintedTexts.of(print)) {
                digest.update(text.getFullText().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            digest.update((byte) 1);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
