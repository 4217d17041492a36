package cn.jixiao.input;

import static java.util.Comparator.comparingInt;

import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.diagnostics.JsonPath;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Turns the findings of the JSON Schema library into one plain sentence per problem, each at its JSON path:
 * {@code $.indicators[2].weight: expected a number or text, got an object}.
 */
final class SchemaMessages {

    /** How much of a value a message quotes. */
    private static final int QUOTE_LENGTH = 40;

    /** The schema document, to read which fields are allowed where an unknown one was found. */
    private final JsonNode schema;

    SchemaMessages(JsonNode schema) {
        this.schema = schema;
    }

    /**
     * One problem per finding, in the library's order. Where a value has the wrong type, only the type error of the
     * outermost schema is kept: other findings at that place follow from it.
     *
     * @param skip how many leading segments of each path to drop: 1 when the file holds an array, so that paths
     *             start at the project
     */
    List<Problem> problems(List<Error> errors, int skip) {
        Map<String, List<Error>> byPath = new LinkedHashMap<>();
        for (Error error : errors) {
            byPath.computeIfAbsent(path(error.getInstanceLocation(), skip), path -> new ArrayList<>()).add(error);
        }
        List<Problem> problems = new ArrayList<>();
        byPath.forEach((path, found) -> {
            Optional<Error> typeError = found.stream()
                    .filter(error -> "type".equals(error.getKeyword()))
                    .min(comparingInt(error -> error.getEvaluationPath().getNameCount()));
            (typeError.isPresent() ? List.of(typeError.get()) : found).stream()
                    .map(this::message)
                    .distinct()
                    .forEach(message -> problems.add(new Problem(path, message)));
        });
        return problems;
    }

    /** {@code $.indicators[2].weight} for the instance location {@code /indicators/2/weight}. */
    private static String path(NodePath location, int skip) {
        String path = JsonPath.ROOT;
        for (int i = skip; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? JsonPath.index(path, index) : JsonPath.field(path, (String) element);
        }
        return path;
    }

    private String message(Error error) {
        JsonNode value = error.getInstanceNode();
        JsonNode rule = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "type" -> "expected " + kinds(rule) + ", got " + describe(value);
            case "required" -> "missing required field \"" + error.getProperty() + "\"";
            case "additionalProperties" -> unknownField(error);
            case "minimum" -> rule.decimalValue().signum() == 0
                    ? "must not be negative, got " + number(value)
                    : "must be at least " + rule.decimalValue().toPlainString() + ", got " + number(value);
            case "maximum" -> "must be at most " + rule.decimalValue().toPlainString() + ", got " + number(value);
            case "minLength" -> rule.intValue() == 1
                    ? "must not be empty"
                    : "must be at least " + rule.intValue() + " characters long";
            case "minItems" -> "must hold at least " + rule.intValue() + " entry, got an empty array";
            case "maxLength" -> "is " + value.textValue().codePointCount(0, value.textValue().length())
                    + " characters long; a cell holds at most " + rule.intValue();
            case "maxItems" -> "has " + value.size() + " entries; a form holds at most " + rule.intValue();
            case "format" -> "date".equals(rule.asText())
                    ? "must be a date written YYYY-MM-DD, got " + describe(value)
                    : error.getMessage();
            case "pattern" -> controlCharacter(value.textValue())
                    .map(c -> String.format("contains the control character U+%04X; text may hold tabs and line breaks"
                            + " but no other control characters", c))
                    .orElse(error.getMessage());
            default -> error.getMessage();
        };
    }

    /** "a number or text" for the type rule {@code ["number", "string", "null"]}; null is named only alone. */
    private static String kinds(JsonNode type) {
        List<String> names = type.isArray()
                ? StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText).toList()
                : List.of(type.asText());
        List<String> words = names.stream()
                .filter(name -> names.size() == 1 || !name.equals("null"))
                .map(SchemaMessages::kind)
                .toList();
        return words.size() == 1
                ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String kind(String jsonType) {
        return switch (jsonType) {
            case "object" -> "an object";
            case "array" -> "an array";
            case "string" -> "text";
            case "number" -> "a number";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            default -> jsonType;
        };
    }

    /** The value as a message names it: {@code an object}, {@code text "12,3"}, {@code the number -3}. */
    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "text \"" + Diagnostic.printable(value.textValue(), QUOTE_LENGTH) + "\"";
            case NUMBER -> "the number " + number(value);
            case BOOLEAN, NULL -> value.asText();
            case BINARY, MISSING, POJO -> throw new IllegalArgumentException("not a parsed JSON value: " + value);
        };
    }

    /** The number as written, in scientific notation when it was written so ({@code 1E+400}). */
    static String number(JsonNode value) {
        return Diagnostic.printable(value.decimalValue().toString(), QUOTE_LENGTH);
    }

    private String unknownField(Error error) {
        String name = error.getProperty();
        List<String> known = allowedFields(error.getSchemaLocation().getFragment());
        String message = "unknown field \"" + Diagnostic.printable(name, QUOTE_LENGTH) + "\"";
        return closest(name, known)
                .map(suggestion -> message + " (did you mean \"" + suggestion + "\"?)")
                .orElse(message + " (known fields: " + String.join(", ", known) + ")");
    }

    /** The fields declared by the schema object whose {@code additionalProperties} is at {@code keyword}. */
    private List<String> allowedFields(NodePath keyword) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < keyword.getNameCount() - 1; i++) {
            pointer.append('/').append(keyword.getName(i).replace("~", "~0").replace("/", "~1"));
        }
        List<String> fields = new ArrayList<>();
        schema.at(pointer.toString()).path("properties").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    /** The known name closest to {@code name}, ignoring case, if it is close enough to be a typo. */
    private static Optional<String> closest(String name, List<String> known) {
        String typed = name.toLowerCase(Locale.ROOT);
        return known.stream()
                .min(comparingInt(candidate -> distance(typed, candidate.toLowerCase(Locale.ROOT))))
                .filter(candidate -> distance(typed, candidate.toLowerCase(Locale.ROOT)) <= 1 + name.length() / 3);
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from a to b. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The first control character other than tab and line breaks, as a code point. */
    private static Optional<Integer> controlCharacter(String text) {
        return text.codePoints()
                .filter(c -> Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')
                .boxed()
                .findFirst();
    }
}
