package cn.jixiao.validation;

/**
 * One finding about the input: where it is (file, project, JSON path) and what is wrong.
 *
 * @param project     1-based position of the project in its file; 0 when the finding is about the whole file
 * @param projectName the project's 项目名称 when known, else {@code null}
 * @param path        JSON path such as {@code $.indicators[2].weight}; {@code null} when the finding has no path
 *                    (malformed JSON, an unreadable file)
 */
public record Diagnostic(Severity severity, String file, int project, String projectName, String path,
                         String message) {

    public enum Severity {
        /** The project is not rendered. */
        ERROR,
        /** The project is rendered; the user should look. */
        WARNING
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code jinfeng.json: project 4 "办公经费": $.indicators[2].weight: expected a number or text, got an object}. */
    public String location() {
        StringBuilder text = new StringBuilder(file);
        if (project > 0) {
            text.append(": project ").append(project);
            if (projectName != null && !projectName.isBlank()) {
                text.append(" \"").append(projectName).append('"');
            }
        }
        if (path != null) {
            text.append(": ").append(path);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
