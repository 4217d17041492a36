package cn.jixiao.render.pdf;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.render.RenderException;
import cn.jixiao.summary.SummaryTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.governors.MaxPagesGovernor;
import net.sf.jasperreports.governors.MaxPagesGovernorException;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders forms to PDF from the JRXML templates. Create one per run: it compiles the templates and registers the
 * fonts once; {@link #render} is then safe to call from several threads.
 */
public final class PdfRenderer {

    /**
     * A form that would run to more pages is stopped while it fills. The input's limits (10,000 characters a cell,
     * 1,000 indicators) keep real forms far below it, but 1,000 rows of long texts would still fill for many minutes.
     */
    public static final int MAX_PAGES = 500;

    private final JasperReportsContext context;
    private final FormTemplates templates;
    private final boolean archival;

    private PdfRenderer(JasperReportsContext context, FormTemplates templates, boolean archival) {
        this.context = context;
        this.templates = templates;
        this.archival = archival;
    }

    /**
     * @param templatesDirectory where {@code form.jrxml}, its subreport, {@code summary.jrxml} and {@code form.jrtx} are
     * @param templateCache      where compiled templates are kept between runs; {@code null} to compile every time
     * @param archival           write every PDF as PDF/A ({@link ArchivalPdf})
     */
    public static PdfRenderer create(Path templatesDirectory, Path templateCache, FontLibrary fonts,
                                     FontSettings settings, boolean archival) throws RenderException {
        try {
            JasperReportsContext context = JasperSetup.context(templatesDirectory, fonts, settings);
            // Reading each font for OpenPDF and loading the templates each take a good part of a second when the
            // JVM is fresh: done side by side, each font on a thread of its own.
            CompletableFuture<Void> pdfFonts = CompletableFuture.allOf(JasperSetup.fontFiles(fonts, settings).stream()
                    .map(file -> CompletableFuture.runAsync(() -> preload(file),
                            task -> new Thread(task, "font " + file.getFileName()).start()))
                    .toArray(CompletableFuture[]::new));
            FormTemplates templates = FormTemplates.load(context, templatesDirectory, templateCache);
            join(pdfFonts);
            templates.main.setProperty(MaxPagesGovernor.PROPERTY_MAX_PAGES, String.valueOf(MAX_PAGES));
            return new PdfRenderer(context, templates, archival);
        } catch (FontException e) {
            throw new RenderException(e.getMessage(), e);
        }
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

    /** Fills the templates with one form: the pages, not yet a PDF. */
    public JasperPrint fill(FormLayout form) throws RenderException {
        Map<String, Object> parameters = FormData.parameters(form);
        parameters.put("INDICATORS_REPORT", templates.indicators);
        parameters.put("FORM_STYLES", templates.styles);
        try {
            return JasperFillManager.getInstance(context).fill(templates.main, parameters, new JREmptyDataSource(1));
        } catch (MaxPagesGovernorException e) {
            throw new RenderException("$", "the form would run to more than " + MAX_PAGES + " pages; shorten its"
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
            return JasperFillManager.getInstance(context).fill(templates.summary(), parameters, SummaryData.rows(table));
        } catch (JRException e) {
            throw new RenderException("cannot fill the summary: " + e.getMessage(), e);
        }
    }

    /**
     * Writes filled forms as one PDF, in order. The document ID is a digest of the printed text, so the same forms
     * give the same bytes.
     *
     * @throws TextLostException when a text would not come out whole
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
        JRPdfExporter exporter = new JRPdfExporter(context);
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        ByteArrayOutputStream exported = new ByteArrayOutputStream(256 * 1024);
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(exported));
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
            throw new TextLostException(e.text(), e);
        } finally {
            PdfFonts.endDocument();
        }
        try {
            out.write(FontProgramTrimmer.trim(exported.toByteArray()));
        } catch (IOException e) {
            throw new RenderException("cannot write the PDF: " + e.getMessage(), e);
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
