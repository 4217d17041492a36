package cn.jixiao.diagnostics;

/**
 * One finding about the input: where it is (file, project, JSON path) and what is wrong.
 *
 * @param project     1-based position of the project in its file; 0 when the finding is about the whole file
 * @param projectName the project's 项目名称 when known, else {@code null}; printed by {@link #location()} made safe
 * @param path        JSON path such as {@code $.indicators[2].weight}; {@code null} when the finding has no path
 *                    (malformed JSON, an unreadable file)
 */
public record Diagnostic(Severity severity, String file, int project, String projectName, String path,
                         String message) {

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
     * {@code jinfeng.json: project 4 "办公经费": $.indicators[2].weight}. The file and the project name are printed
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
        if (path != null) {
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
