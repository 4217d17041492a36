package cn.jixiao.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The published schema documents the contract: every field carries the form's Chinese term, and no field is open. */
class EvaluationSchemaTest {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @Test
    void everyFieldIsTitledWithItsChineseTerm() throws IOException {
        JsonNode schema = schema();
        List<String> untitled = new ArrayList<>();
        for (Map.Entry<String, JsonNode> definition : schema.path("$defs").properties()) {
            for (Map.Entry<String, JsonNode> field : definition.getValue().path("properties").properties()) {
                if (!CHINESE.matcher(title(schema, field.getValue())).find()) {
                    untitled.add(definition.getKey() + "." + field.getKey());
                }
            }
        }
        assertEquals(List.of(), untitled);
    }

    @Test
    void everyObjectRefusesUnknownFields() throws IOException {
        for (Map.Entry<String, JsonNode> definition : schema().path("$defs").properties()) {
            if (definition.getValue().has("properties")) {
                assertTrue(definition.getValue().path("additionalProperties").isBoolean()
                        && !definition.getValue().path("additionalProperties").booleanValue(), definition.getKey());
            }
        }
    }

    /** The field's own title, else the title of the definition it refers to. */
    private static String title(JsonNode schema, JsonNode field) {
        if (field.has("title")) {
            return field.get("title").textValue();
        }
        return schema.at(field.path("$ref").asText().substring(1)).path("title").asText();
    }

    private static JsonNode schema() throws IOException {
        try (InputStream in = EvaluationReader.class.getResourceAsStream("evaluation.schema.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
