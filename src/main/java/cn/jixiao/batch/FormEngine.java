package cn.jixiao.batch;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.fonts.GlyphCoverage.MissingGlyph;
import cn.jixiao.fonts.GlyphCoverage;
import cn.jixiao.input.EvaluationReader;
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
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
     */
    public record Settings(Path templates, Path templateCache, FontSettings fonts, Set<OutputFormat> formats) {
        public Settings {
            formats = Set.copyOf(formats);
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
    private final FontLibrary fonts;
    private final Map<Form, DocxRenderer> otherFormsDocx = new EnumMap<>(Form.class);

    private FormEngine(EvaluationReader reader, Settings settings, FontLibrary.Face bodyFace,
                       FontLibrary.Face fallbackFace, PdfRenderer pdf, DocxRenderer docx, FontLibrary fonts) {
        this.reader = reader;
        this.settings = settings;
        this.bodyFace = bodyFace;
        this.fallbackFace = fallbackFace;
        this.pdf = pdf;
        this.docx = docx;
        this.fonts = fonts;
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
                    settings.fonts());
            DocxRenderer docx = settings.formats().contains(OutputFormat.DOCX)
                    ? new DocxRenderer(Form.NATIONAL.templatesFolder(settings.templates()).resolve(DOCX_TEMPLATE),
                            settings.fonts(), fonts)
                    : null;
            return new FormEngine(reader.join(), settings, body, fallback, pdf, docx, fonts);
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
                documents.put(OutputFormat.DOCX, docx(evaluation.form()).render(layout));
            } catch (DocxException | FontException e) {
                throw new RenderException("cannot write the Word document: " + e.getMessage(), e);
            }
        }
        return new RenderedForm(documents, GlyphCoverage.missing(texts, bodyFace, fallbackFace));
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
                        settings.fonts(), fonts);
                otherFormsDocx.put(form, renderer);
            }
            return renderer;
        }
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
