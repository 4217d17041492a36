package cn.jixiao.render.pdf;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontSet;
import net.sf.jasperreports.engine.fonts.SimpleFontFace;
import net.sf.jasperreports.engine.fonts.SimpleFontFamily;
import net.sf.jasperreports.engine.fonts.SimpleFontSet;
import net.sf.jasperreports.engine.fonts.SimpleFontSetFamily;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.repo.FileRepositoryPersistenceServiceFactory;
import net.sf.jasperreports.repo.FileRepositoryService;
import net.sf.jasperreports.repo.PersistenceServiceFactory;
import net.sf.jasperreports.repo.RepositoryService;

/**
 * The JasperReports context of a run: the templates directory as the repository (so {@code form.jrtx} resolves); the
 * fonts, registered as a font extension from the configured files and embedded in every PDF; and the reproducible PDF
 * producer. The templates name two font sets, {@value #BODY_FAMILY} and {@value #TITLE_FAMILY}: each is the configured
 * family, then the fallback family if one is configured, and JasperReports draws every character with the first of
 * them that has it.
 */
final class JasperSetup {

    static final String BODY_FAMILY = "Form Body";
    static final String TITLE_FAMILY = "Form Title";
    private static final String FALLBACK_FAMILY = "Form Fallback";
    /** Suffix of the font families behind the sets; {@code Form Body Font} is also what page anchors are set in. */
    private static final String FONT = " Font";

    private JasperSetup() {
    }

    /** The font files behind the two families, which OpenPDF must have read before the first export. */
    static Set<Path> fontFiles(FontLibrary fonts, FontSettings settings) throws FontException {
        Set<Path> files = new LinkedHashSet<>();
        for (String family : families(settings)) {
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
        context.setProperty(JRPdfExporter.PDF_PRODUCER_FACTORY_PROPERTY, FormPdfProducerFactory.class.getName());
        // Filling copies a property of a template's element to the elements it prints only when told to.
        context.setProperty(JasperPrint.PROPERTIES_PRINT_TRANSFER_PREFIX + "jixiao", PrintedTexts.SOURCE_PATH);
        List<FontFamily> families = new ArrayList<>(List.of(
                family(context, BODY_FAMILY + FONT, fonts, settings.bodyFamily()),
                family(context, TITLE_FAMILY + FONT, fonts, settings.titleFamily())));
        if (settings.fallbackFamily() != null) {
            families.add(family(context, FALLBACK_FAMILY + FONT, fonts, settings.fallbackFamily()));
        }
        context.setExtensions(FontFamily.class, families);
        context.setExtensions(FontSet.class, List.of(
                fontSet(BODY_FAMILY, settings.fallbackFamily() != null), fontSet(TITLE_FAMILY, settings.fallbackFamily() != null)));
        return context;
    }

    private static List<String> families(FontSettings settings) {
        return settings.fallbackFamily() == null ? List.of(settings.bodyFamily(), settings.titleFamily())
                : List.of(settings.bodyFamily(), settings.titleFamily(), settings.fallbackFamily());
    }

    /** The set the templates name: its own family, then the fallback family if there is one. */
    private static FontSet fontSet(String name, boolean withFallback) {
        SimpleFontSet set = new SimpleFontSet();
        set.setName(name);
        SimpleFontSetFamily primary = new SimpleFontSetFamily();
        primary.setFamilyName(name + FONT);
        primary.setPrimary(true);
        set.addFamily(primary);
        if (withFallback) {
            SimpleFontSetFamily fallback = new SimpleFontSetFamily();
            fallback.setFamilyName(FALLBACK_FAMILY + FONT);
            set.addFamily(fallback);
        }
        return set;
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
