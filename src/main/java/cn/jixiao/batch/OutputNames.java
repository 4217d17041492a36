package cn.jixiao.batch;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names for the forms of one output directory, such as {@code 2023-政府批准聘用人员支出}: safe on Windows, macOS and
 * Linux (no separators, no reserved device names, no trailing dots, at most {@value #MAX_BYTES} UTF-8 bytes) and
 * distinct even where the file system ignores case. Not thread-safe: one instance names one run's files in input
 * order, so that the same input always gives the same names.
 */
public final class OutputNames {

    /** Room for a {@code -12345} suffix and an extension within the 255 bytes most file systems allow. */
    static final int MAX_BYTES = 200;
    static final String UNNAMED = "未命名项目";

    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}<>:\"/\\\\|?*\\p{Cf}\\p{Zl}\\p{Zp}]");
    private static final Pattern RESERVED =
            Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\\..*)?");

    private final Set<String> taken = new HashSet<>();

    /** Keeps file names (with extension) that the run writes itself from being given to a form. */
    public void reserve(String... fileNames) {
        for (String fileName : fileNames) {
            String base = fileName.substring(0, fileName.lastIndexOf('.'));
            taken.add(base.toLowerCase(Locale.ROOT));
        }
    }

    /** A new name for a form of the given year and project; the extension is the caller's. */
    public String next(Integer year, String projectName) {
        String project = clean(projectName == null ? "" : projectName);
        String base = safe((year == null ? "" : year + "-") + (project.isEmpty() ? UNNAMED : project));
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /**
     * A name that every common file system accepts, made from any text; it never starts with {@code -}, which a shell
     * command given {@code *.pdf} would take for an option.
     */
    static String safe(String text) {
        String name = clean(text);
        if (name.isEmpty()) {
            return UNNAMED;
        }
        name = name.replaceFirst("^-", "_");
        return RESERVED.matcher(name).matches() ? "_" + name : name;
    }

    /** The text without unsafe characters and without leading or trailing dots and spaces; may be empty. */
    private static String clean(String text) {
        String name = Normalizer.normalize(text, Normalizer.Form.NFC);
        name = UNSAFE.matcher(name).replaceAll("_");
        name = name.strip().replaceAll("^[.\\s]+|[.\\s]+$", "");
        name = truncate(name);
        return name.replaceAll("[.\\s]+$", "");
    }

    private static String truncate(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BYTES) {
                break;
            }
            kept.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return kept.toString();
    }
}
