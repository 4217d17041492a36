package cn.jixiao.diagnostics;

import java.util.regex.Pattern;

/**
 * The one place that builds JSON paths as messages print them: {@code $.indicators[2].weight}, {@code $["年度"]}.
 * Paths start at the project (or at the file's root when the file cannot be read as projects).
 */
public final class JsonPath {

    public static final String ROOT = "$";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPath() {
    }

    /** The path of field {@code name} of the object at {@code parent}. */
    public static String field(String parent, String name) {
        return IDENTIFIER.matcher(name).matches()
                ? parent + "." + name
                : parent + "[\"" + Diagnostic.printable(name, Diagnostic.NAME_LENGTH) + "\"]";
    }

    /** The path of entry {@code index} (0-based) of the array at {@code parent}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path through nested fields from the project: {@code of("funds", "total", "score")}. */
    public static String of(String... fields) {
        String path = ROOT;
        for (String name : fields) {
            path = field(path, name);
        }
        return path;
    }

    /** The path of field {@code name} of indicator {@code index} (0-based): {@code $.indicators[2].weight}. */
    public static String indicator(int index, String name) {
        return field(index(of("indicators"), index), name);
    }
}
