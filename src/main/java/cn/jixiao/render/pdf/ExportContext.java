package cn.jixiao.render.pdf;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperReportsContext;

/**
 * The run's JasperReports context as the PDF exporter sees it: the same in every respect, except that its properties
 * are merged once. JasperReports' {@code SimpleJasperReportsContext} merges its own properties with its parent's into
 * a new map each time it is asked for them, and the exporter asks several times per form, to look properties up by
 * prefix (export filters, glyph renderers): 2-3% of the batch workers' CPU (bench/results/2026-12-01-s5-export.txt).
 */
final class ExportContext implements JasperReportsContext {

    private final JasperReportsContext context;
    private Map<String, String> properties;

    ExportContext(JasperReportsContext context) {
        this.context = context;
        this.properties = merged(context);
    }

    private static Map<String, String> merged(JasperReportsContext context) {
        Map<String, String> properties = context.getProperties();
        return properties == null ? null : Collections.unmodifiableMap(properties);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public synchronized void setProperty(String key, String value) {
        context.setProperty(key, value);
        properties = merged(context);
    }

    @Override
    public synchronized void removeProperty(String key) {
        context.removeProperty(key);
        properties = merged(context);
    }

    @Override
    public String getProperty(String key) {
        return context.getProperty(key);
    }

    @Override
    public String getOwnProperty(String key) {
        return context.getOwnProperty(key);
    }

    @Override
    public Object getValue(String key) {
        return context.getValue(key);
    }

    @Override
    public Object getOwnValue(String key) {
        return context.getOwnValue(key);
    }

    @Override
    public void setValue(String key, Object value) {
        context.setValue(key, value);
    }

    @Override
    public <T> List<T> getExtensions(Class<T> extensionType) {
        return context.getExtensions(extensionType);
    }
}
