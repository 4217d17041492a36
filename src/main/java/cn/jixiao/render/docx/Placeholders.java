package cn.jixiao.render.docx;

import cn.jixiao.layout.FormLayout;
import cn.jixiao.layout.FormLayout.FundRow;
import cn.jixiao.layout.FormLayout.IndicatorRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;

/**
 * The template's fields, written {@code ${name}}, and how a paragraph's fields are found. Names follow the input
 * contract: {@code ${projectName}}, {@code ${funds.total.executionRate}}, {@code ${indicator.level3}}; the values are
 * those of {@link FormLayout}, already formatted as the PDF prints them. A value's line breaks and tabs become Word's
 * (see {@link PartWriter}).
 */
final class Placeholders {

    static final String INDICATOR_PREFIX = "indicator.";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^{}]*)}");
    private static final String[] FUND_ROWS = {"total", "fiscal", "carryover", "other"}; // FormLayout.funds() order
    private static final QName XML_SPACE = new QName("http://www.w3.org/XML/1998/namespace", "space");

    private Placeholders() {
    }

    /**
     * Every field outside the indicator rows, by name: those of {@link FormLayout#fields()}, the national form's funds
     * rows as it prints them (— where it does not score).
     */
    static Map<String, String> formValues(FormLayout form) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("period", form.period());
        values.put("projectName", form.projectName());
        values.put("department", form.department());
        values.put("implementingUnit", form.implementingUnit());
        for (int i = 0; i < form.funds().size(); i++) { // the national form's rows, as FormGrid prints them
            FundRow fund = form.funds().get(i);
            String prefix = "funds." + FUND_ROWS[i] + ".";
            values.put(prefix + "initialBudget", fund.initialBudget());
            values.put(prefix + "annualBudget", fund.annualBudget());
            values.put(prefix + "executed", fund.executed());
            values.put(prefix + "weight", fund.weight());
            values.put(prefix + "executionRate", fund.executionRate());
            values.put(prefix + "score", fund.score());
        }
        values.put("goals.expected", form.expectedGoal());
        values.put("goals.actual", form.actualGoal());
        values.put("totalWeight", form.totalWeight());
        values.put("totalScore", form.totalScore());
        form.fields().forEach(values::putIfAbsent);
        return values;
    }

    /** The fields of one indicator row, by name. */
    static Map<String, String> indicatorValues(String level1, String level2, IndicatorRow row) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(INDICATOR_PREFIX + "level1", level1);
        values.put(INDICATOR_PREFIX + "level2", level2);
        values.put(INDICATOR_PREFIX + "level3", row.level3());
        values.put(INDICATOR_PREFIX + "target", row.target());
        values.put(INDICATOR_PREFIX + "actual", row.actual());
        values.put(INDICATOR_PREFIX + "weight", row.weight());
        values.put(INDICATOR_PREFIX + "score", row.score());
        values.put(INDICATOR_PREFIX + "deviation", row.deviation());
        values.put(INDICATOR_PREFIX + "nature", row.nature());
        values.put(INDICATOR_PREFIX + "unit", row.unit());
        return values;
    }

    /** Whether the paragraph's text holds a field of the indicator row. */
    static boolean hasIndicatorField(CTP paragraph) {
        return text(runs(paragraph)).contains("${" + INDICATOR_PREFIX);
    }

    /**
     * Replaces every {@code ${name}} in the paragraph, also when Word has split it over several runs: the replacement
     * takes the place and the formatting of the run where the field starts, the rest of the field is cut from the runs
     * it spans, and runs left empty go. The template is read this way once, with each field replaced by a mark (see
     * {@link XmlTemplate}) where each form's value is written later; a value is never searched for fields.
     *
     * @param values the replacement of a field name, {@code null} for a name that is not a field
     */
    static void fill(CTP paragraph, Function<String, String> values, Set<String> known) throws DocxException {
        List<CTR> runs = runs(paragraph);
        List<String> texts = new ArrayList<>();
        for (CTR run : runs) {
            texts.add(runText(run));
        }
        String text = String.join("", texts);
        if (!text.contains("${")) {
            return;
        }
        if (PLACEHOLDER.matcher(text).replaceAll("").contains("${")) {
            throw new DocxException("field in \"" + text + "\" is not closed, or part of it is inside a hyperlink"
                    + " or a field");
        }
        List<MatchResultPosition> matches = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.apply(name);
            if (value == null) {
                throw new DocxException("unknown field ${" + name + "}" + knownFields(known));
            }
            matches.add(new MatchResultPosition(matcher.start(), matcher.end(), value));
        }
        int[] starts = new int[runs.size() + 1];
        for (int i = 0; i < runs.size(); i++) {
            starts[i + 1] = starts[i] + texts.get(i).length();
        }
        Set<Integer> emptied = new TreeSet<>();
        for (int m = matches.size() - 1; m >= 0; m--) { // last first: earlier offsets stay valid
            MatchResultPosition match = matches.get(m);
            int first = runAt(starts, match.start());
            int last = runAt(starts, match.end() - 1);
            String firstText = texts.get(first);
            String lastText = texts.get(last);
            String before = firstText.substring(0, match.start() - starts[first]);
            String after = lastText.substring(match.end() - starts[last]);
            if (first == last) {
                texts.set(first, before + match.value() + after);
            } else {
                texts.set(first, before + match.value());
                for (int i = first + 1; i < last; i++) {
                    texts.set(i, "");
                }
                texts.set(last, after);
            }
            for (int i = first; i <= last; i++) {
                setRunText(runs.get(i), texts.get(i));
                if (i > first && texts.get(i).isEmpty()) {
                    emptied.add(i);
                }
            }
        }
        List<Integer> removable = new ArrayList<>(emptied);
        for (int i = removable.size() - 1; i >= 0; i--) {
            CTR run = runs.get(removable.get(i));
            if (isOnlyText(run)) {
                try (XmlCursor cursor = run.newCursor()) {
                    cursor.removeXml();
                }
            }
        }
    }

    private record MatchResultPosition(int start, int end, String value) {
    }

    private static String knownFields(Set<String> known) {
        return known.isEmpty() ? "" : " (known fields: ${" + String.join("}, ${", known) + "})";
    }

    /** The paragraph's own runs, in order (runs inside hyperlinks or fields are not fields' hosts). */
    static List<CTR> runs(CTP paragraph) {
        return paragraph.getRList();
    }

    private static String text(List<CTR> runs) {
        StringBuilder text = new StringBuilder();
        runs.forEach(run -> text.append(runText(run)));
        return text.toString();
    }

    static String runText(CTR run) {
        StringBuilder text = new StringBuilder();
        for (CTText t : run.getTList()) {
            text.append(t.getStringValue());
        }
        return text.toString();
    }

    private static int runAt(int[] starts, int offset) {
        int run = 0;
        while (starts[run + 1] <= offset) {
            run++;
        }
        return run;
    }

    /** Replaces the run's text elements by one holding this text, none for an empty text. */
    private static void setRunText(CTR run, String text) {
        while (run.sizeOfTArray() > 0) {
            run.removeT(0);
        }
        if (!text.isEmpty()) {
            CTText t = run.addNewT();
            t.setStringValue(text);
            try (XmlCursor cursor = t.newCursor()) {
                cursor.setAttributeText(XML_SPACE, "preserve");
            }
        }
    }

    /** Whether the run holds nothing but its properties and text (so that an emptied run can go). */
    private static boolean isOnlyText(CTR run) {
        try (XmlCursor cursor = run.newCursor()) {
            for (boolean more = cursor.toFirstChild(); more; more = cursor.toNextSibling()) {
                String name = cursor.getName().getLocalPart();
                if (!name.equals("rPr") && !name.equals("t")) {
                    return false;
                }
            }
        }
        return true;
    }
}
