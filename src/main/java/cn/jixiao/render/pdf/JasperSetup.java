package cn.jixiao.render.pdf;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import java.awt.Font;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.SimpleFontFace;
import net.sf.jasperreports.engine.fonts.SimpleFontFamily;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.repo.FileRepositoryPersistenceServiceFactory;
import net.sf.jasperreports.repo.FileRepositoryService;
import net.sf.jasperreports.repo.PersistenceServiceFactory;
import net.sf.jasperreports.repo.RepositoryService;

/**
 * The JasperReports context of a run: the templates directory as the repository (so {@code form.jrtx} resolves) and
 * the two font families the templates name, {@value #BODY_FAMILY} and {@value #TITLE_FAMILY}, registered as a font
 * extension from the configured font files and embedded in every PDF; and the reproducible PDF producer.
 */
final class JasperSetup {

    static final String BODY_FAMILY = "Form Body";
    static final String TITLE_FAMILY = "Form Title";

    private JasperSetup() {
    }

    /** The font files behind the two families, which OpenPDF must have read before the first export. */
    static Set<Path> fontFiles(FontLibrary fonts, FontSettings settings) throws FontException {
        Set<Path> files = new LinkedHashSet<>();
        for (String family : List.of(settings.bodyFamily(), settings.titleFamily())) {
            files.add(fonts.face(family, false).file());
            files.add(fonts.face(family, true).file());
        }
        return files;
    }

    static JasperReportsContext context(Path templates, FontLibrary fonts, FontSettings settings)
            throws FontException {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        context.setExtensions(RepositoryService.class,
                List.of(new FileRepositoryService(context, templates.toAbsolutePath().toString(), false)));
        context.setExtensions(PersistenceServiceFactory.class,
                List.of(FileRepositoryPersistenceServiceFactory.getInstance()));
        context.setProperty(JRPdfExporter.PDF_PRODUCER_FACTORY_PROPERTY, ReproduciblePdfProducerFactory.class.getName());
        context.setExtensions(FontFamily.class, List.of(
                family(context, BODY_FAMILY, fonts, settings.bodyFamily()),
                family(context, TITLE_FAMILY, fonts, settings.titleFamily())));
        return context;
    }

    private static FontFamily family(JasperReportsContext context, String name, FontLibrary fonts, String family)
            throws FontException {
        SimpleFontFamily fontFamily = new SimpleFontFamily(context);
        fontFamily.setName(name);
        fontFamily.setNormalFace(face(context, fonts.face(family, false)));
        fontFamily.setBoldFace(face(context, fonts.face(family, true)));
        fontFamily.setPdfEncoding("Identity-H");
        fontFamily.setPdfEmbedded(true);
        return fontFamily;
    }

    private static SimpleFontFace face(JasperReportsContext context, FontLibrary.Face face) {
        LoadedFontFace fontFace = new LoadedFontFace(context, face.awtFont());
        fontFace.setTtf(face.file().toAbsolutePath().toString(), false);
        return fontFace;
    }

    /** A face whose AWT font the {@link FontLibrary} has already read, so JasperReports does not read it again. */
    private static final class LoadedFontFace extends SimpleFontFace {
        private final Font font;

        LoadedFontFace(JasperReportsContext context, Font font) {
            super(context);
            this.font = font;
        }

        @Override
        public Font getFont() {
            return font;
        }
    }
}
