package cn.jixiao.batch;

import cn.jixiao.diagnostics.Diagnostic.Severity;
import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.io.AtomicFiles.PendingFile;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.json}: every project of a batch in input order, with its position in the input, its outputs, warnings
 * and errors, then the batch's own files and the totals. Written as the batch goes, so it holds no project in memory;
 * it appears under its name only when the batch is over. It has no times in it: the same input gives the same report.
 */
final class BatchReport implements AutoCloseable {

    static final String FILE_NAME = "report.json";

    private final PendingFile file;
    private final JsonGenerator json;
    private int projects;
    private final int[] byStatus = new int[ProjectResult.Status.values().length];
    private long warnings;
    private long errors;

    BatchReport(Path directory) throws IOException {
        file = PendingFile.open(directory.resolve(FILE_NAME));
        json = new JsonFactory().createGenerator(file.out(), JsonEncoding.UTF8).useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeStringField("report", "项目支出绩效自评表 batch");
        json.writeArrayFieldStart("projects");
    }

    void add(ProjectResult result) throws IOException {
        projects++;
        byStatus[result.status().ordinal()]++;
        json.writeStartObject();
        json.writeStringField("file", result.input().file().toString());
        json.writeNumberField("index", result.input().index());
        json.writeStringField("name", result.input().name());
        json.writeStringField("status", result.status().name().toLowerCase(Locale.ROOT));
        json.writeArrayFieldStart("outputs");
        for (Path output : result.outputs()) {
            json.writeString(output.getFileName().toString());
        }
        json.writeEndArray();
        writeDiagnostics("warnings", result, Severity.WARNING);
        writeDiagnostics("errors", result, Severity.ERROR);
        json.writeEndObject();
        warnings += result.count(Severity.WARNING);
        errors += result.count(Severity.ERROR);
    }

    /** Ends the report with the batch's own files (by role) and the totals, and gives it its name. */
    void commit(Map<String, Path> batchFiles) throws IOException {
        json.writeEndArray();
        json.writeObjectFieldStart("batchFiles");
        for (Map.Entry<String, Path> batchFile : batchFiles.entrySet()) {
            json.writeStringField(batchFile.getKey(), batchFile.getValue().getFileName().toString());
        }
        json.writeEndObject();
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
