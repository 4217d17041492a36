package cn.jixiao.engine;

import cn.jixiao.input.ProjectInput;
import cn.jixiao.validation.Diagnostic;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What became of one project: its documents, or the errors that kept it from being rendered.
 *
 * @param documents   one per format asked for when rendered; empty when the project has errors
 * @param diagnostics the reader's warnings and errors, then the renderer's (a character the font lacks, a text
 *                    that does not fit)
 */
public record ProjectDocuments(ProjectInput input, Map<OutputFormat, byte[]> documents,
                               List<Diagnostic> diagnostics) {
    public ProjectDocuments {
        documents = Collections.unmodifiableMap(documents.isEmpty()
                ? new EnumMap<>(OutputFormat.class) : new EnumMap<>(documents));
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean rendered() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    /** The document in the given format; the array is the caller's, made for this one render. */
    public byte[] document(OutputFormat format) {
        byte[] document = documents.get(format);
        if (document == null) {
            throw new IllegalStateException(rendered() ? "no " + format.extension + " was asked of the engine"
                    : "the project has errors and was not rendered");
        }
        return document;
    }
}
