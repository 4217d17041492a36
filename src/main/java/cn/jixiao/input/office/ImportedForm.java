package cn.jixiao.input.office;

import cn.jixiao.diagnostics.JsonPath;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One form read from a document, as the JSON of the contract, with the cell each value came from and what could not
 * be read. Values are put at JSON paths; every field of the contract is present, {@code null} where the form is empty.
 */
final class ImportedForm {

    /** An error (the cell could not be read) or a warning (a cell not imported, a conversion), at a cell. */
    record Finding(boolean error, String source, String message) {
    }

    /** Exact decimals, so that {@code 180.97212} keeps its digits and {@code 87.00} its zeros. */
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final ObjectNode project = NODES.objectNode();
    private final ArrayNode indicators;
    private final Map<String, String> sources = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final String part;

    /** @param part the table or sheet where the form starts, where findings about the whole form point */
    ImportedForm(String part, Integer year) {
        this.part = part;
        project.put("year", year);
        project.putNull("projectName");
        project.putNull("department");
        project.putNull("implementingUnit");
        ObjectNode funds = project.putObject("funds");
        ObjectNode total = funds.putObject("total");
        for (String field : List.of("initialBudget", "annualBudget", "executed", "weight", "executionRate", "score")) {
            total.putNull(field);
        }
        for (String line : List.of("fiscal", "carryover", "other")) {
            ObjectNode amounts = funds.putObject(line);
            for (String field : List.of("initialBudget", "annualBudget", "executed")) {
                amounts.putNull(field);
            }
        }
        ObjectNode goals = project.putObject("goals");
        goals.putNull("expected");
        goals.putNull("actual");
        indicators = project.putArray("indicators");
        project.putNull("totalScore");
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

    /** Adds an indicator row with every field empty; its path is {@code $.indicators[n]}. */
    String addIndicator() {
        ObjectNode row = indicators.addObject();
        for (String field : List.of("level1", "level2", "level3", "target", "actual", "weight", "score", "deviation")) {
            row.putNull(field);
        }
        return JsonPath.index(JsonPath.of("indicators"), indicators.size() - 1);
    }

    /**
     * Puts a value at a path such as {@code $.funds.total.weight} and remembers its cell.
     *
     * @param value a {@code String}, a {@code BigDecimal} or {@code null}
     * @param field the field's name on the form, for messages: {@code 全年预算数}
     */
    void put(String path, Object value, SourceCell cell, String field) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = (ObjectNode) project.at(pointer(path.substring(0, dot)));
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

    void error(SourceCell cell, String field, String message) {
        findings.add(new Finding(true, source(cell, field), message));
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

    /** {@code $.indicators[2]} as the JSON pointer {@code /indicators/2}. */
    private static String pointer(String path) {
        return path.substring(1).replace('.', '/').replace("[", "/").replace("]", "");
    }
}
