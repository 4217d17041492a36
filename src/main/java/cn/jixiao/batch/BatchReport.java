package cn.jixiao.batch;

import cn.jixiao.diagnostics.Diagnostic.Severity;
import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.io.AtomicFiles.PendingFile;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code report.json}: every project of a batch in input order, with its position in the input, its outputs, the
 * fonts they are drawn with, warnings and errors, then the batch's own files, every font the batch used and the
 * totals. The fonts (family and file) explain why another machine, with other fonts installed, draws a 生僻字
 * differently. Written as the batch goes, so it holds no project in memory;
 * it appears under its name only when the batch is over. It has no times in it: the same input gives the same report.
 */
final class BatchReport implements AutoCloseable {

    static final String FILE_NAME = "report.json";

    private final BatchOutput.Pending file;
    private final JsonGenerator json;
    private int projects;
    private final int[] byStatus = new int[ProjectResult.Status.values().length];
    private long warnings;
    private long errors;
    private final Set<FontLibrary.Face> usedFonts = new LinkedHashSet<>();

    BatchReport(BatchOutput output) throws IOException {
        file = output.open(FILE_NAME);
        json = new JsonFactory().createGenerator(file.out(), JsonEncoding.UTF8).useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeStringField("report", "项目支出绩效自评表 batch");
        json.writeArrayFieldStart("projects");
    }

    /** @param fonts the faces the project's documents are drawn with ({@link FormEngine.RenderedForm#fonts}) */
    void add(ProjectResult result, List<FontLibrary.Face> fonts) throws IOException {
        projects++;
        byStatus[result.status().ordinal()]++;
        json.writeStartObject();
        json.writeStringField("file", result.input().file());
        json.writeNumberField("index", result.input().index());
        json.writeStringField("name", result.input().name());
        json.writeStringField("status", result.status().name().toLowerCase(Locale.ROOT));
        json.writeArrayFieldStart("outputs");
        for (String output : result.outputs()) {
            json.writeString(output);
        }
        json.writeEndArray();
        writeFonts(fonts);
        usedFonts.addAll(fonts);
        writeDiagnostics("warnings", result, Severity.WARNING);
        writeDiagnostics("errors", result, Severity.ERROR);
        json.writeEndObject();
        warnings += result.count(Severity.WARNING);
        errors += result.count(Severity.ERROR);
    }

    /** Ends the report with the batch's own files (by role) and the totals, and gives it its name. */
    void commit(Map<String, String> batchFiles) throws IOException {
        json.writeEndArray();
        json.writeObjectFieldStart("batchFiles");
        for (Map.Entry<String, String> batchFile : batchFiles.entrySet()) {
            json.writeStringField(batchFile.getKey(), batchFile.getValue());
        }
        json.writeEndObject();
        writeFonts(usedFonts);
        json.writeObjectFieldStart("totals");
        json.writeNumberField("projects", projects);
        for (ProjectResult.Status status : ProjectResult.Status.values()) {
            json.writeNumberField(status.name().toLowerCase(Locale.ROOT), byStatus[status.ordinal()]);
        }
        json.writeNumberField("warnings", warnings);
        json.writeNumberField("errors", errors);
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
        file.commit();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private void writeFonts(Collection<FontLibrary.Face> fonts) throws IOException {
        json.writeArrayFieldStart("fonts");
        for (FontLibrary.Face font : fonts) {
            json.writeStartObject();
            json.writeStringField("family", font.family());
            json.writeStringField("file", font.file().toString());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeDiagnostics(String field, ProjectResult result, Severity severity) throws IOException {
        json.writeArrayFieldStart(field);
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (diagnostic.severity() == severity) {
                json.writeStartObject();
                json.writeStringField("path", diagnostic.path());
                json.writeStringField("message", diagnostic.message());
                json.writeStringField("text", diagnostic.toString());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
    }
}
