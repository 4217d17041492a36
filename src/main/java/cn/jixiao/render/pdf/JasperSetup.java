package cn.jixiao.render.pdf;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontSettings;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRTextElement;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.fill.JRSubreportRunnerFactory;
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
 * family, then the fallback faces, and JasperReports draws every character with the first of them that has it. Without
 * fallback faces the two names are the configured families themselves.
 */
final class JasperSetup {

    static final String BODY_FAMILY = "Form Body";
    static final String TITLE_FAMILY = "Form Title";
    private static final String FALLBACK_FAMILY = "Form Fallback ";
    /** Suffix of the font families behind the sets; {@code Form Body Font} is also what page anchors are set in. */
    private static final String FONT = " Font";

    private JasperSetup() {
    }

    /** The font files behind the body and title families, which OpenPDF must have read before the first export. */
    static Set<Path> fontFiles(FontLibrary fonts, FontSettings settings) throws FontException {
        Set<Path> files = new LinkedHashSet<>();
        for (String family : List.of(settings.bodyFamily(), settings.titleFamily())) {
            files.add(fonts.face(family, false).file());
            files.add(fonts.face(family, true).file());
        }
        return files;
    }

    /**
     * @param fallbacks the faces that draw what the body and title families lack, in the order they are tried (see
     *                  {@link cn.jixiao.fonts.GlyphCoverage#fallbacks})
     */
    static JasperReportsContext context(Path templates, FontLibrary fonts, FontSettings settings,
                                        List<FontLibrary.Face> fallbacks) throws FontException {
        SimpleJasperReportsContext context = new SettledContext();
        context.setExtensions(RepositoryService.class,
                List.of(new FileRepositoryService(context, templates.toAbsolutePath().toString(), false)));
        context.setExtensions(PersistenceServiceFactory.class,
                List.of(FileRepositoryPersistenceServiceFactory.getInstance()));
        context.setProperty(JRPdfExporter.PDF_PRODUCER_FACTORY_PROPERTY, FormPdfProducerFactory.class.getName());
        // The indicator table fills on threads every form shares, not on a new one per form.
        context.setProperty(JRSubreportRunnerFactory.SUBREPORT_RUNNER_FACTORY, SubreportThreads.class.getName());
        // Filling copies a property of a template's element to the elements it prints only when told to.
        context.setProperty(JasperPrint.PROPERTIES_PRINT_TRANSFER_PREFIX + "jixiao", PrintedTexts.SOURCE_PATH);
        // Filling keeps where it broke each text into lines, so that the PDF is drawn from those lines
        // (FormPdfExporter) instead of laying every text out a second time.
        context.setProperty(JRTextElement.PROPERTY_SAVE_LINE_BREAKS, "true");
        FontLibrary.Face body = fonts.face(settings.bodyFamily(), false);
        FontLibrary.Face title = fonts.face(settings.titleFamily(), false);
        List<FontFamily> families = new ArrayList<>(List.of(
                family(context, BODY_FAMILY + FONT, body.awtFont(), body, fonts.face(settings.bodyFamily(), true)),
                family(context, TITLE_FAMILY + FONT, title.awtFont(), title, fonts.face(settings.titleFamily(), true))));
        if (fallbacks.isEmpty()) {
            // Nothing to fall back to: the names the templates use are the families themselves, not sets of one.
            // JasperReports then takes a text as one run in its family, instead of asking the set, character by
            // character, which family draws it (a tenth of the fill's time); the pages are the same.
            families.add(family(context, BODY_FAMILY, body.awtFont(), body, fonts.face(settings.bodyFamily(), true)));
            families.add(family(context, TITLE_FAMILY, title.awtFont(), title,
                    fonts.face(settings.titleFamily(), true)));
            context.setExtensions(FontFamily.class, families);
            return context;
        }
        List<Font> tried = new ArrayList<>(List.of(body.awtFont()));
        for (int i = 0; i < fallbacks.size(); i++) {
            FontLibrary.Face fallback = fallbacks.get(i);
            families.add(family(context, FALLBACK_FAMILY + (i + 1) + FONT,
                    new FallbackFont(fallback.awtFont(), List.copyOf(tried)), fallback, fallback));
            tried.add(fallback.awtFont());
        }
        context.setExtensions(FontFamily.class, families);
        context.setExtensions(FontSet.class, List.of(
                fontSet(BODY_FAMILY, fallbacks.size()), fontSet(TITLE_FAMILY, fallbacks.size())));
        return context;
    }

    /** The set the templates name: its own family, then the fallback families. */
    private static FontSet fontSet(String name, int fallbacks) {
        SimpleFontSet set = new SimpleFontSet();
        set.setName(name);
        SimpleFontSetFamily primary = new SimpleFontSetFamily();
        primary.setFamilyName(name + FONT);
        primary.setPrimary(true);
        set.addFamily(primary);
        for (int i = 1; i <= fallbacks; i++) {
            SimpleFontSetFamily fallback = new SimpleFontSetFamily();
            fallback.setFamilyName(FALLBACK_FAMILY + i + FONT);
            set.addFamily(fallback);
        }
        return set;
    }

    /** @param awtFont the font JasperReports asks which characters the family draws */
    private static FontFamily family(JasperReportsContext context, String name, Font awtFont,
                                     FontLibrary.Face regular, FontLibrary.Face bold) {
        SimpleFontFamily fontFamily = new SimpleFontFamily(context);
        fontFamily.setName(name);
        fontFamily.setNormalFace(face(context, regular, awtFont));
        fontFamily.setBoldFace(face(context, bold, bold == regular ? awtFont : bold.awtFont()));
        fontFamily.setPdfEncoding("Identity-H");
        fontFamily.setPdfEmbedded(true);
        return fontFamily;
    }

    private static SimpleFontFace face(JasperReportsContext context, FontLibrary.Face face, Font awtFont) {
        LoadedFontFace fontFace = new LoadedFontFace(context, awtFont);
        fontFace.setTtf(face.file().toAbsolutePath().toString(), false);
        return fontFace;
    }

    /**
     * The run's context, on JasperReports' defaults, which nothing changes once a run has begun. JasperReports asks its
     * context for its properties and extensions for every element it fills, and its PDF exporter several times per
     * form (by prefix: export filters, glyph renderers): the plain context copies all of its properties into a new map
     * for every such question, and gathers the extensions from every registry (bench/results/2026-12-01-s5-fill.txt,
     * 2026-12-01-s5-export.txt). This one keeps the answers; setting a property or an extension here makes it gather
     * them again.
     */
    private static final class SettledContext extends SimpleJasperReportsContext {
        private volatile Map<String, String> properties;
        private final Map<Class<?>, List<?>> extensions = new ConcurrentHashMap<>();

        SettledContext() {
            super(DefaultJasperReportsContext.getInstance());
        }

        @Override
        public Map<String, String> getProperties() {
            Map<String, String> all = properties;
            if (all == null) {
                all = Collections.unmodifiableMap(new HashMap<>(super.getProperties()));
                properties = all;
            }
            return all;
        }

        @Override
        public String getProperty(String key) {
            return getProperties().get(key);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> List<T> getExtensions(Class<T> type) {
            // Not computeIfAbsent: gathering the extensions of one type may ask for those of another.
            List<?> list = extensions.get(type);
            if (list == null) {
                list = super.getExtensions(type);
                if (list != null) {
                    extensions.putIfAbsent(type, list);
                }
            }
            return (List<T>) list;
        }

        @Override
        public void setProperty(String key, String value) {
            super.setProperty(key, value);
            properties = null;
        }

        @Override
        public void removeProperty(String key) {
            super.removeProperty(key);
            properties = null;
        }

        @Override
        public void setPropertiesMap(Map<String, String> map) {
            super.setPropertiesMap(map);
            properties = null;
        }

        @Override
        public <T> void setExtensions(Class<T> type, List<? extends T> list) {
            super.setExtensions(type, list);
            extensions.clear();
        }

        @Override
        public void setExtensions(Map<Class<?>, List<?>> map) {
            super.setExtensions(map);
            extensions.clear();
        }
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

    /**
     * A fallback font that claims only the characters the fonts tried before it lack. JasperReports draws a run of
     * text with the first family of a set that has all of its characters, and keeps going with it as long as it can:
     * left to itself, a CJK fallback font would draw the whole of a cell that holds one 生僻字, common characters and
     * all. This way the fallback draws exactly the characters {@link cn.jixiao.fonts.GlyphCoverage} assigned to it.
     */
    private static final class FallbackFont extends Font {
        private final transient List<Font> tried;

        FallbackFont(Font font, List<Font> tried) {
            super(font);
            this.tried = tried;
        }

        @Override
        public boolean canDisplay(int codePoint) {
            return super.canDisplay(codePoint) && tried.stream().noneMatch(font -> font.canDisplay(codePoint));
        }

        @Override
        public boolean canDisplay(char c) {
            return canDisplay((int) c);
        }
    }
}
