package cn.jixiao.batch;

import cn.jixiao.validation.Diagnostic;
import cn.jixiao.validation.Diagnostic.Severity;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.json}: every project of a batch in input order, with its position in the input, its outputs, warnings
 * and errors, then the batch's own files and the totals. Written as the batch goes, so it holds no project in memory;
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

    BatchReport(BatchOutput output) throws IOException {
        file = output.open(FILE_NAME);
        json = new JsonFactory().createGenerator(file.out(), JsonEncoding.UTF8).useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeStringField("report", "项目支出绩效自评表 batch");
        json.writeArrayFieldStart("projects");
    }

    void add(ProjectResult result) throws IOException {
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
