package cn.jixiao.batch;

import cn.jixiao.input.ProjectInput;
import cn.jixiao.validation.Diagnostic;
import java.util.List;

/**
 * What became of one project of a run.
 *
 * @param outputs     the names of the files written for it, in format order
 * @param diagnostics its warnings and errors: the reader's, then the renderer's
 */
public record ProjectResult(ProjectInput input, Status status, List<String> outputs, List<Diagnostic> diagnostics) {

    public enum Status {
        /** Every requested document was written. */
        RENDERED,
        /** The project has errors; nothing was written for it. */
        FAILED,
        /** Not attempted: the run stopped at an earlier error ({@code --fail-fast}). */
        SKIPPED
    }

    public ProjectResult {
        outputs = List.copyOf(outputs);
        diagnostics = List.copyOf(diagnostics);
    }

    public long count(Diagnostic.Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
