package cn.jixiao.diagnostics;

/**
 * One finding about the input: where it is (file, project, JSON path) and what is wrong.
 *
 * @param project     1-based position of the project in its file; 0 when the finding is about the whole file
 * @param projectName the project's 项目名称 when known, else {@code null}; printed by {@link #location()} made safe
 * @param path        JSON path such as {@code $.indicators[2].weight}; {@code null} when the finding has no path
 *                    (malformed JSON, an unreadable file)
 * @param source      for a project imported from Word or Excel, the cell the finding is about, such as
 *                    {@code sheet "项目1" D6 (全年预算数)}: printed by {@link #location()} instead of the path, which
 *                    names a JSON file the user never saw; {@code null} for JSON input
 */
public record Diagnostic(Severity severity, String file, int project, String projectName, String path,
                         String message, String source) {

    public Diagnostic(Severity severity, String file, int project, String projectName, String path, String message) {
        this(severity, file, project, projectName, path, message, null);
    }

    /** This finding, placed at a cell of the document it was imported from. */
    public Diagnostic withSource(String cell) {
        return new Diagnostic(severity, file, project, projectName, path, message, cell);
    }

    /** How many characters of a project name {@link #location()} prints before it cuts the name off with …. */
    public static final int NAME_LENGTH = 40;

    public enum Severity {
        /** The project is not rendered. */
        ERROR,
        /** The project is rendered; the user should look. */
        WARNING
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * {@code jinfeng.json: project 4 "办公经费": $.indicators[2].weight}, or with a source
     * {@code 自评表.xlsx: project 1 "办公经费": sheet "项目1" D6 (全年预算数)}. The file and the project name are printed
     * safely: control and formatting characters become {@code ?}, and a long name is cut off after
     * {@value #NAME_LENGTH} characters with {@code …}.
     */
    public String location() {
        StringBuilder text = new StringBuilder(printable(file, Integer.MAX_VALUE));
        if (project > 0) {
            text.append(": project ").append(project);
            if (projectName != null && !projectName.isBlank()) {
                text.append(" \"").append(printable(projectName, NAME_LENGTH)).append('"');
            }
        }
        if (source != null) {
            text.append(": ").append(printable(source, Integer.MAX_VALUE));
        } else if (path != null) {
            text.append(": ").append(path);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }

    /**
     * Text made safe to print on one line of a terminal or log: every control or formatting character (line breaks,
     * escape sequences, bidirectional overrides), the Unicode line and paragraph separators (U+2028, U+2029) and every
     * unpaired surrogate becomes {@code ?}, and text longer than {@code maxLength} code points is cut off with
     * {@code …}.
     */
    public static String printable(String text, int maxLength) {
        StringBuilder safe = new StringBuilder();
        int length = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (length == maxLength) {
                return safe.append('…').toString();
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            boolean unsafe = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            safe.appendCodePoint(unsafe ? '?' : codePoint);
            length++;
        }
        return safe.toString();
    }
}
