package cn.jixiao.render.pdf;

import cn.jixiao.render.RenderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.xml.JRXmlLoader;

/** The form's JRXML templates, compiled once per run. */
final class FormTemplates {

    /** Subreport templates and the main report parameter that carries each compiled one. */
    private static final Map<String, String> SUBREPORTS = Map.of(
            "FUNDS_REPORT", "form-funds.jrxml",
            "LEVEL1_REPORT", "form-level1.jrxml",
            "LEVEL2_REPORT", "form-level2.jrxml",
            "ROWS_REPORT", "form-rows.jrxml");

    final JasperReport main;
    final Map<String, Object> subreports;

    private FormTemplates(JasperReport main, Map<String, Object> subreports) {
        this.main = main;
        this.subreports = Map.copyOf(subreports);
    }

    static FormTemplates load(JasperReportsContext context, Path directory) throws RenderException {
        JasperReport main = compile(context, directory.resolve("form.jrxml"));
        Map<String, Object> subreports = new HashMap<>();
        for (Map.Entry<String, String> subreport : SUBREPORTS.entrySet()) {
            subreports.put(subreport.getKey(), compile(context, directory.resolve(subreport.getValue())));
        }
        return new FormTemplates(main, subreports);
    }

    private static JasperReport compile(JasperReportsContext context, Path jrxml) throws RenderException {
        if (!Files.isRegularFile(jrxml)) {
            throw new RenderException("template " + jrxml + " does not exist");
        }
        try {
            return JasperCompileManager.getInstance(context).compile(JRXmlLoader.load(context, jrxml.toFile()));
        } catch (JRException e) {
            throw new RenderException("template " + jrxml + " cannot be compiled: " + e.getMessage(), e);
        }
    }
}
