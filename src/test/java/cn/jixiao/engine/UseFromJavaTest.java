package cn.jixiao.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.input.ProjectInput;
import cn.jixiao.testing.PdfFile;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

/** The README's "Use it from Java" example, word for word, so that it stays true. */
class UseFromJavaTest {

    /** The README's lines, with the installation being this checkout. */
    static void renderPdf(Path home, InputStream json, OutputStream pdf) throws Exception {
        FormEngine engine = FormEngine.start(FormEngine.Settings.installation(home, Set.of(OutputFormat.PDF)));
        List<ProjectInput> projects = engine.read("request.json", json);  // one evaluation, or an array of them
        ProjectDocuments documents = engine.render(projects.get(0), null);
        documents.diagnostics().forEach(System.err::println);            // warnings, or why it has no PDF
        if (documents.rendered()) {
            pdf.write(documents.document(OutputFormat.PDF));
        }
    }

    @Test
    void theReadmeExampleRendersTheFirstExampleProjectToAPdf() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (InputStream json = Files.newInputStream(Path.of("examples", "jinfeng-2023.json"))) {
            renderPdf(Path.of(""), json, pdf);
        }
        try (PdfFile file = PdfFile.of(pdf.toByteArray())) {
            assertEquals(1, file.pageCount());
            assertTrue(PdfFile.compact(file.pageText(1)).contains("政府批准聘用人员支出"), file.pageText(1));
        }
    }

    /**
     * An application that embeds the engine keeps its own choice of logging: the engine names no commons-logging
     * factory, neither by a system property nor by a {@code commons-logging.properties} among its classes, which
     * commons-logging reads before it looks for a factory by itself and may prefer to the application's own (the
     * jixiao program names one, in its {@code main}).
     */
    @Test
    void theEngineLeavesTheChoiceOfLoggingToTheApplication() throws Exception {
        try (InputStream json = Files.newInputStream(Path.of("examples", "jinfeng-2023.json"))) {
            renderPdf(Path.of(""), json, new ByteArrayOutputStream()); // JasperReports logs while it fills
        }
        assertNull(System.getProperty(LogFactory.FACTORY_PROPERTY));
        assertNull(FormEngine.class.getClassLoader().getResource(LogFactory.FACTORY_PROPERTIES));
    }
}
