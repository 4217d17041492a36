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
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;

/**
 * The form's JRXML templates, compiled once per run. Compiling takes seconds, so a compiled template is kept in a
 * cache directory under the digest of its JRXML: the next run loads it in milliseconds, and an edited template is
 * compiled again because its digest changed. A compiled template is read back by Java deserialization, which runs
 * code: the cache is a {@link PrivateCache}, so only a file this user's jixiao wrote is ever loaded.
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
        Path styles = directory.resolve(STYLES);
        TemplateXml.check(styles, read(styles));
        try {
            return new FormTemplates(loadReport(context, directory.resolve(MAIN), cache),
                    loadReport(context, directory.resolve(INDICATORS), cache),
                    JRXmlTemplateLoader.getInstance(context).loadTemplate(styles.toFile()), context, cache);
        } catch (JRRuntimeException e) {
            throw new RenderException("template " + styles + " cannot be read: " + TemplateXml.reason(e), e);
        }
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
        TemplateXml.check(jrxml, source);
        String compiled = jrxml.getFileName() + "-" + digest(source) + ".jasper";
        Optional<byte[]> cached = cache == null ? Optional.empty() : cache.read(compiled);
        if (cached.isPresent()) {
            try {
                return (JasperReport) JRLoader.loadObject(context, new ByteArrayInputStream(cached.get()));
            } catch (JRException | ClassCastException e) {
                // Verified, yet not loadable (another JasperReports build): compiled again below and overwritten.
            }
        }
        JasperReport report = compile(context, jrxml, source);
        if (cache != null) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                JRSaver.saveObject(report, out);
                cache.write(compiled, out.toByteArray());
            } catch (IOException | JRException e) {
                // The cache only saves time: a run that cannot write it compiles again next time.
            }
        }
        return report;
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
