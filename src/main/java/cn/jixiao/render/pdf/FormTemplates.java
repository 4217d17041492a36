package cn.jixiao.render.pdf;

import cn.jixiao.io.PrivateCache;
import cn.jixiao.render.RenderException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import net.sf.jasperreports.engine.JRConstants;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.util.DeserializationClassFilter;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;

/**
 * The form's JRXML templates, compiled once per run. Compiling takes seconds, so a compiled template is kept in a
 * cache directory under the digest of its JRXML: the next run loads it in milliseconds, and an edited template is
 * compiled again because its digest changed. The styles ({@code form.jrtx}) are kept the same way, read: parsing them
 * loads an XML mapper that a run with everything cached then never needs. What is cached is read back by Java
 * deserialization, which runs code: the cache is a {@link PrivateCache}, so only a file this user's jixiao wrote is
 * ever loaded. A template's XML is checked ({@link TemplateXml}) before it is compiled or parsed; what comes from the
 * cache was made from the same bytes, checked when they were compiled.
 */
final class FormTemplates {

    static final String MAIN = "form.jrxml";
    static final String INDICATORS = "form-indicators.jrxml";
    static final String SUMMARY = "summary.jrxml";
    static final String STYLES = "form.jrtx";

    final JasperReport main;
    final JasperReport indicators;
    /** The styles, read once; the templates take them as the parameter {@code FORM_STYLES}. */
    final JRTemplate styles;
    private final JasperReportsContext context;
    private final PrivateCache cache;
    private JasperReport summary;

    private FormTemplates(JasperReport main, JasperReport indicators, JRTemplate styles,
                          JasperReportsContext context, PrivateCache cache) {
        this.main = main;
        this.indicators = indicators;
        this.styles = styles;
        this.context = context;
        this.cache = cache;
    }

    /**
     * The batch summary's template, loaded when first needed: a run of single forms never needs it. It is shared by
     * the forms, so it lies in the templates directory itself, beside their folders.
     */
    synchronized JasperReport summary(Path templatesDirectory) throws RenderException {
        if (summary == null) {
            summary = loadReport(context, templatesDirectory.resolve(SUMMARY), cache);
        }
        return summary;
    }

    /**
     * @param cache where compiled templates are kept between runs; {@code null} to compile every time
     */
    static FormTemplates load(JasperReportsContext context, Path directory, PrivateCache cache)
            throws RenderException {
        JRTemplate styles = loadStyles(context, directory.resolve(STYLES), cache);
        return new FormTemplates(loadReport(context, directory.resolve(MAIN), cache),
                loadReport(context, directory.resolve(INDICATORS), cache), styles, context, cache);
    }

    private static JRTemplate loadStyles(JasperReportsContext context, Path jrtx, PrivateCache cache)
            throws RenderException {
        byte[] source = read(jrtx);
        String name = jrtx.getFileName() + "-" + digest(source) + ".ser";
        Optional<JRTemplate> cached = fromCache(context, cache, name, JRTemplate.class);
        if (cached.isPresent()) {
            return cached.get();
        }
        TemplateXml.check(jrtx, source);
        JRTemplate styles;
        try {
            styles = JRXmlTemplateLoader.getInstance(context).loadTemplate(new ByteArrayInputStream(source));
        } catch (JRRuntimeException e) {
            throw new RenderException("template " + jrtx + " cannot be read: " + TemplateXml.reason(e), e);
        }
        toCache(cache, name, styles);
        return styles;
    }

    private static byte[] read(Path template) throws RenderException {
        try {
            return Files.readAllBytes(template);
        } catch (NoSuchFileException e) {
            throw new RenderException("template " + template + " does not exist", e);
        } catch (IOException e) {
            throw new RenderException("template " + template + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static JasperReport loadReport(JasperReportsContext context, Path jrxml, PrivateCache cache)
            throws RenderException {
        byte[] source = read(jrxml);
        String name = jrxml.getFileName() + "-" + digest(source) + ".jasper";
        Optional<JasperReport> cached = fromCache(context, cache, name, JasperReport.class);
        if (cached.isPresent()) {
            return cached.get();
        }
        TemplateXml.check(jrxml, source);
        JasperReport report = compile(context, jrxml, source);
        toCache(cache, name, report);
        return report;
    }

    private static <T> Optional<T> fromCache(JasperReportsContext context, PrivateCache cache, String name,
                                             Class<T> type) {
        Optional<byte[]> cached = cache == null ? Optional.empty() : cache.read(name);
        if (cached.isPresent()) {
            try {
                return Optional.of(type.cast(JRLoader.loadObject(unfiltered(context),
                        new ByteArrayInputStream(cached.get()))));
            } catch (JRException | ClassCastException e) {
                // Verified, yet not loadable (another JasperReports build): made again and overwritten.
            }
        }
        return Optional.empty();
    }

    /**
     * The context a cached template is read in: without JasperReports' list of the classes deserialization may make.
     * It builds that list anew for every stream (some hundred class-name patterns compiled, the function libraries
     * looked up among its extensions) and checks each class read against it: 28 of the 220 ms that reading the three
     * cached files takes in a fresh JVM (bench/results/2026-12-01-s6-cold.txt). The list guards nothing here: what
     * the cache returns, this user's jixiao wrote, as {@link PrivateCache} checks each file's HMAC before returning it.
     */
    private static JasperReportsContext unfiltered(JasperReportsContext context) {
        SimpleJasperReportsContext unfiltered = new SimpleJasperReportsContext(context);
        unfiltered.setProperty(DeserializationClassFilter.PROPERTY_CLASS_FILTER_ENABLED, "false");
        return unfiltered;
    }

    private static void toCache(PrivateCache cache, String name, Object made) {
        if (cache != null) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                JRSaver.saveObject(made, out);
                cache.write(name, out.toByteArray());
            } catch (IOException | JRException e) {
                // The cache only saves time: a run that cannot write it makes the content again next time.
            }
        }
    }

    private static JasperReport compile(JasperReportsContext context, Path jrxml, byte[] source)
            throws RenderException {
        try {
            return JasperCompileManager.getInstance(context)
                    .compile(JRXmlLoader.load(context, new ByteArrayInputStream(source)));
        } catch (JRException | JRRuntimeException e) {
            throw new RenderException("template " + jrxml + " cannot be compiled: " + TemplateXml.reason(e), e);
        }
    }

    /** Digest of the JRXML and of what the compiled form depends on: the JasperReports and Java versions. */
    private static String digest(byte[] source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(source);
            digest.update((JRConstants.SERIAL_VERSION_UID + "/" + Runtime.version().feature()).getBytes());
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
