package cn.jixiao.batch;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.fonts.GlyphCoverage;
import cn.jixiao.fonts.GlyphCoverage.MissingGlyph;
import cn.jixiao.input.EvaluationReader;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.model.Evaluation;
import cn.jixiao.model.TextFields;
import cn.jixiao.model.TextFields.TextField;
import cn.jixiao.render.RenderException;
import cn.jixiao.render.docx.DocxException;
import cn.jixiao.render.docx.DocxRenderer;
import cn.jixiao.render.pdf.PdfDocumentInfo;
import cn.jixiao.render.pdf.PdfRenderer;
import cn.jixiao.render.pdf.TextCompleteness;
import cn.jixiao.render.pdf.TextLostException;
import cn.jixiao.summary.SummaryTable;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * Everything a run needs to turn evaluations into documents, set up once: the reader with its schema, the fonts, the
 * compiled templates. {@link #render} is safe to call from several threads.
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
    }

    /** A form's documents, and what the reader should know about them. */
    public record RenderedForm(Map<OutputFormat, byte[]> documents, List<MissingGlyph> missingGlyphs) {
    }

    /** The Word template, in the templates directory. */
    public static final String DOCX_TEMPLATE = "form.docx";

    private final EvaluationReader reader;
    private final Settings settings;
    private final FontLibrary.Face bodyFace;
    private final FontLibrary.Face fallbackFace;
    private final PdfRenderer pdf;
    private final DocxRenderer docx;

    private FormEngine(EvaluationReader reader, Settings settings, FontLibrary.Face bodyFace,
                       FontLibrary.Face fallbackFace, PdfRenderer pdf, DocxRenderer docx) {
        this.reader = reader;
        this.settings = settings;
        this.bodyFace = bodyFace;
        this.fallbackFace = fallbackFace;
        this.pdf = pdf;
        this.docx = docx;
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
            PdfRenderer pdf = PdfRenderer.create(settings.templates(), settings.templateCache(), fonts,
                    settings.fonts(), settings.archival());
            DocxRenderer docx = settings.formats().contains(OutputFormat.DOCX)
                    ? new DocxRenderer(settings.templates().resolve(DOCX_TEMPLATE), settings.fonts(), fonts)
                    : null;
            return new FormEngine(reader.join(), settings, body, fallback, pdf, docx);
        } catch (FontException | DocxException e) {
            throw new RenderException(e.getMessage(), e);
        }
    }

    public EvaluationReader reader() {
        return reader;
    }

    /** The documents {@link #render} makes. */
    public Set<OutputFormat> formats() {
        return settings.formats();
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
        FormLayout layout = FormLayout.of(evaluation);
        List<TextField> texts = TextFields.of(evaluation);
        LocalDate creationDate = evaluation.reportDate() != null ? evaluation.reportDate() : date;
        Map<OutputFormat, byte[]> documents = new EnumMap<>(OutputFormat.class);
        if (settings.formats().contains(OutputFormat.PDF)) {
            documents.put(OutputFormat.PDF, renderPdf(layout, texts, creationDate));
        }
        if (docx != null) {
            try {
                documents.put(OutputFormat.DOCX, docx.render(layout));
            } catch (DocxException e) {
                throw new RenderException("cannot write the Word document: " + e.getMessage(), e);
            }
        }
        return new RenderedForm(documents, GlyphCoverage.missing(texts, bodyFace, fallbackFace));
    }

    /** The JSON path of the input text a printed text comes from; {@code $} when it is none of them. */
    private static String pathOf(List<TextField> texts, String printed) {
        String wanted = printed.replaceAll("\\s", "");
        return texts.stream()
                .filter(field -> field.text().replaceAll("\\s", "").contains(wanted))
                .map(TextField::path)
                .findFirst()
                .orElse("$");
    }

    /** The batch's 项目支出绩效自评汇总表 as a PDF. */
    public byte[] renderSummary(SummaryTable table, LocalDate date) throws RenderException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        pdf.export(List.of(pdf.fillSummary(table)), new PdfDocumentInfo(SummaryTable.TITLE, date), out);
        return out.toByteArray();
    }

    private byte[] renderPdf(FormLayout layout, List<TextField> texts, LocalDate creationDate)
            throws RenderException {
        JasperPrint print = pdf.fill(layout);
        Optional<TextField> lost = TextCompleteness.firstIncomplete(print, texts);
        if (lost.isPresent()) {
            throw new RenderException(lost.get().path(), "the text does not fit on the form: part of it would be lost");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            pdf.export(List.of(print), new PdfDocumentInfo(layout.projectName(), creationDate), out);
        } catch (TextLostException e) {
            throw new RenderException(pathOf(texts, e.text()), e.getMessage());
        }
        return out.toByteArray();
    }
}
