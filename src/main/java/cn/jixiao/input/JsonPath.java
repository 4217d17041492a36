package cn.jixiao.input;

import cn.jixiao.validation.Diagnostic;
import java.util.regex.Pattern;

/** JSON paths as messages print them: {@code $.indicators[2].weight}, {@code $["年度"]}. */
final class JsonPath {

    static final String ROOT = "$";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPath() {
    }

    /** The path of field {@code name} of the object at {@code parent}. */
    static String field(String parent, String name) {
        return IDENTIFIER.matcher(name).matches()
                ? parent + "." + name
                : parent + "[\"" + Diagnostic.printable(name, Diagnostic.NAME_LENGTH) + "\"]";
    }

    /** The path of entry {@code index} (0-based) of the array at {@code parent}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
