package cn.jixiao.render.pdf;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.layout.FormLayout;
import cn.jixiao.render.RenderException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders forms to PDF from the JRXML templates. Create one per run: it compiles the templates and registers the
 * fonts once; {@link #render} is then safe to call from several threads.
 */
public final class PdfRenderer {

    private final JasperReportsContext context;
    private final FormTemplates templates;

    private PdfRenderer(JasperReportsContext context, FormTemplates templates) {
        this.context = context;
        this.templates = templates;
    }

    public static PdfRenderer create(Path templatesDirectory, FontLibrary fonts, FontSettings settings)
            throws RenderException {
        try {
            JasperReportsContext context = JasperSetup.context(templatesDirectory, fonts, settings);
            return new PdfRenderer(context, FormTemplates.load(context, templatesDirectory));
        } catch (FontException e) {
            throw new RenderException(e.getMessage(), e);
        }
    }

    /** Fills the templates with one form: the pages, not yet a PDF. */
    public JasperPrint fill(FormLayout form) throws RenderException {
        Map<String, Object> parameters = FormData.parameters(form);
        parameters.putAll(templates.subreports);
        try {
            return JasperFillManager.getInstance(context).fill(templates.main, parameters, new JREmptyDataSource(1));
        } catch (JRException e) {
            throw new RenderException("cannot fill the form: " + e.getMessage(), e);
        }
    }

    /** Writes filled pages as one PDF. */
    public void export(JasperPrint print, String title, OutputStream out) throws RenderException {
        JRPdfExporter exporter = new JRPdfExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(title);
        configuration.setMetadataCreator("jixiao");
        configuration.setCompressed(true);
        exporter.setConfiguration(configuration);
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new RenderException("cannot write the PDF: " + e.getMessage(), e);
        }
    }

    public byte[] render(FormLayout form) throws RenderException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        export(fill(form), form.projectName(), out);
        return out.toByteArray();
    }
}
