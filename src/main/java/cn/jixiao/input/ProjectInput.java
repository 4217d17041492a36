package cn.jixiao.input;

import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.model.Evaluation;
import java.util.List;

/**
 * What reading gave for one project of a file.
 *
 * @param file        the file as the user named it, or what else the content is called (an upload's name)
 * @param index       1-based position of the project in its file; 0 when the whole file could not be read (then
 *                    the diagnostics say why, and there is no project)
 * @param name        the project's 项目名称 when it could be read, else {@code null}
 * @param evaluation  the project's form, or {@code null} when it has errors
 * @param diagnostics its errors, or the warnings of the business rules when it has none
 * @param sources     for a project imported from Word or Excel, the cell each JSON path came from
 */
public record ProjectInput(String file, int index, String name, Evaluation evaluation, List<Diagnostic> diagnostics,
                           Sources sources) {

    /** Where the values of an imported project came from in its file. */
    @FunctionalInterface
    public interface Sources {
        /** Read from JSON: the JSON path is the place. */
        Sources NONE = path -> null;

        /** The cell the value at this JSON path came from, such as {@code sheet "项目1" D6 (全年预算数)}; or null. */
        String of(String path);
    }

    public ProjectInput {
        diagnostics = List.copyOf(diagnostics);
    }

    /** A project read from JSON. */
    public ProjectInput(String file, int index, String name, Evaluation evaluation, List<Diagnostic> diagnostics) {
        this(file, index, name, evaluation, diagnostics, Sources.NONE);
    }

    /** The finding with the cell its path came from, for an imported project; as it is for JSON. */
    public Diagnostic located(Diagnostic finding) {
        String source = sources.of(finding.path() != null ? finding.path() : JsonPath.ROOT);
        return source == null ? finding : finding.withSource(source);
    }

    /** This project with these diagnostics instead of its own. */
    public ProjectInput withDiagnostics(List<Diagnostic> diagnostics) {
        return new ProjectInput(file, index, name, evaluation, diagnostics, sources);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
