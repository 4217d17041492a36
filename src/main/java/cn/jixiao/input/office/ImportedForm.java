package cn.jixiao.input.office;

import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.model.Form;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One form read from a document, as the JSON of the contract, with the cell each value came from and what could not
 * be read. Values are put at JSON paths while the form is read; once its layout is known ({@link #complete}), every
 * field that layout prints is present, in the order of the form, {@code null} where the form is empty.
 */
final class ImportedForm {

    /** An error (the cell could not be read) or a warning (a cell not imported, a conversion), at a cell. */
    record Finding(boolean error, String source, String message) {
    }

    /** Exact decimals, so that {@code 180.97212} keeps its digits and {@code 87.00} its zeros. */
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** What each layout prints, as the JSON of an empty form; an indicator's fields are in {@link #INDICATOR}. */
    private static final Map<Form, ObjectNode> SKELETON = new EnumMap<>(Map.of(
            Form.NATIONAL, parse("""
                    {"form": "national", "year": null, "projectName": null, "department": null,
                     "implementingUnit": null,
                     "funds": {
                       "total": {"initialBudget": null, "annualBudget": null, "executed": null, "weight": null,
                                 "executionRate": null, "score": null},
                       "fiscal": {"initialBudget": null, "annualBudget": null, "executed": null},
                       "carryover": {"initialBudget": null, "annualBudget": null, "executed": null},
                       "other": {"initialBudget": null, "annualBudget": null, "executed": null}},
                     "goals": {"expected": null, "actual": null},
                     "indicators": [], "totalScore": null}
                    """),
            Form.XIANJIE, parse("""
                    {"form": "xianjie", "year": null, "projectName": null, "projectLeader": null,
                     "department": null, "implementingUnit": null,
                     "funds": {
                       "total": {"annualBudget": null, "executed": null, "weight": null, "executionRate": null,
                                 "score": null},
                       "fiscal": {"annualBudget": null, "executed": null, "weight": null, "executionRate": null,
                                  "score": null},
                       "other": {"annualBudget": null, "executed": null, "executionRate": null}},
                     "goals": {"expected": null, "actual": null},
                     "indicators": [], "totalScore": null, "footnote": null}
                    """),
            Form.SICHUAN, parse("""
                    {"form": "sichuan", "reportCode": null, "year": null, "projectName": null, "department": null,
                     "implementingUnit": null,
                     "overview": {"goal": null, "achieved": null, "implementation": null},
                     "funds": {
                       "total": {"initialBudget": null, "annualBudget": null, "executed": null,
                                 "executionRate": null, "weight": null, "score": null},
                       "fiscal": {"initialBudget": null, "annualBudget": null, "executed": null,
                                  "executionRate": null},
                       "specialAccount": {"initialBudget": null, "annualBudget": null, "executed": null,
                                          "executionRate": null},
                       "unit": {"initialBudget": null, "annualBudget": null, "executed": null,
                                "executionRate": null},
                       "other": {"initialBudget": null, "annualBudget": null, "executed": null,
                                 "executionRate": null},
                       "reason": null},
                     "indicators": [], "totalScore": null,
                     "conclusion": null, "problems": null, "improvements": null,
                     "signatures": {"projectLeader": null, "financeLeader": null}}
                    """)));

    private static final Map<Form, ObjectNode> INDICATOR = new EnumMap<>(Map.of(
            Form.NATIONAL, parse("""
                    {"level1": null, "level2": null, "level3": null, "target": null, "actual": null,
                     "weight": null, "score": null, "deviation": null}
                    """),
            Form.XIANJIE, parse("""
                    {"level1": null, "level2": null, "level3": null, "weight": null, "target": null,
                     "actual": null, "score": null, "deviation": null}
                    """),
            Form.SICHUAN, parse("""
                    {"level1": null, "level2": null, "level3": null, "nature": null, "target": null,
                     "unit": null, "actual": null, "weight": null, "score": null, "deviation": null}
                    """)));

    private ObjectNode project = NODES.objectNode();
    private final ArrayNode indicators = NODES.arrayNode();
    private final Map<String, String> sources = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final String part;

    /** @param part the table or sheet where the form starts, where findings about the whole form point */
    ImportedForm(String part, Integer year) {
        this.part = part;
        project.put("year", year);
    }

    ObjectNode json() {
        return project;
    }

    String part() {
        return part;
    }

    List<Finding> findings() {
        return findings;
    }

    boolean hasErrors() {
        return findings.stream().anyMatch(Finding::error);
    }

    /** Adds an indicator row with no field yet; its path is {@code $.indicators[n]}. */
    String addIndicator() {
        indicators.addObject();
        return JsonPath.index(JsonPath.of("indicators"), indicators.size() - 1);
    }

    /**
     * Puts a value at a path such as {@code $.funds.total.weight} and remembers its cell.
     *
     * @param value a {@code String}, a {@code BigDecimal} or {@code null}
     * @param cell  where it was read; {@code null} for a paragraph outside the tables
     * @param field the field's name on the form, for messages: {@code 全年预算数}
     */
    void put(String path, Object value, SourceCell cell, String field) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = parent(path.substring(0, dot));
        String name = path.substring(dot + 1);
        if (value instanceof BigDecimal number) {
            parent.put(name, number);
        } else if (value instanceof String text) {
            parent.put(name, text);
        } else {
            parent.putNull(name);
        }
        if (cell != null) {
            sources.put(path, source(cell, field));
        }
    }

    /** The value put at a path, or {@code null}. */
    JsonNode get(String path) {
        JsonNode node = parent(path.substring(0, path.lastIndexOf('.'))).get(path.substring(path.lastIndexOf('.') + 1));
        return node == null || node.isNull() ? null : node;
    }

    /**
     * The form as the layout it was recognized as: every field that layout prints, in its order, {@code null} where
     * nothing was read; a value read for a field the layout does not print (it was written in anyway) is kept after
     * them, so that the reader reports it rather than it being lost.
     */
    void complete(Form form) {
        ObjectNode complete = SKELETON.get(form).deepCopy();
        ArrayNode rows = complete.putArray("indicators");
        for (JsonNode read : indicators) {
            ObjectNode row = INDICATOR.get(form).deepCopy();
            merge(row, (ObjectNode) read);
            rows.add(row);
        }
        project.remove("indicators");
        merge(complete, project);
        project = complete;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.properties().forEach(field -> {
            JsonNode existing = into.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue() instanceof ObjectNode value) {
                merge(object, value);
            } else {
                into.set(field.getKey(), field.getValue());
            }
        });
    }

    void error(SourceCell cell, String field, String message) {
        findings.add(new Finding(true, source(cell, field), message));
    }

    /** An error about the whole form, at the table or sheet where it starts. */
    void error(String message) {
        findings.add(new Finding(true, part, message));
    }

    void warning(String source, String message) {
        findings.add(new Finding(false, source, message));
    }

    /**
     * The cell a JSON path of this form came from, {@code sheet "项目1" D6 (全年预算数)}: the path's own cell, else the
     * nearest enclosing path's, else the table or sheet of the form.
     */
    String source(String path) {
        for (String at = path; at != null; at = enclosing(at)) {
            String source = sources.get(at);
            if (source != null) {
                return source;
            }
        }
        return part;
    }

    static String source(SourceCell cell, String field) {
        return cell.place() + (field == null ? "" : " (" + field + ")");
    }

    private static String enclosing(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut > 0 ? path.substring(0, cut) : null;
    }

    /** The object at a path such as {@code $.funds.total} or {@code $.indicators[2]}, made where missing. */
    private ObjectNode parent(String path) {
        ObjectNode node = project;
        for (String segment : path.substring(1).split("\\.")) {
            if (segment.isEmpty()) {
                continue;
            }
            int bracket = segment.indexOf('[');
            if (bracket >= 0 && segment.startsWith("indicators")) {
                node = (ObjectNode) indicators.get(Integer.parseInt(segment.substring(bracket + 1,
                        segment.length() - 1)));
            } else {
                node = node.has(segment) && node.get(segment) instanceof ObjectNode object ? object
                        : node.putObject(segment);
            }
        }
        return node;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JsonMapper.builder().nodeFactory(NODES).build().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a skeleton of " + ImportedForm.class.getSimpleName(), e);
        }
    }
}
