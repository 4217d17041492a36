package cn.jixiao.input;

import cn.jixiao.model.Evaluation;
import cn.jixiao.validation.Diagnostic;
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
 */
public record ProjectInput(String file, int index, String name, Evaluation evaluation, List<Diagnostic> diagnostics) {

    public ProjectInput {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
