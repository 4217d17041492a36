package cn.jixiao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Input for the benchmark: N projects made from the example forms, varied so that no two are the same (project name,
 * amounts, scores, a sentence of deviation now and then), written as JSON files of at most {@value #PER_FILE} projects.
 * The same seed gives the same files.
 */
public final class GeneratedInput {

    static final int PER_FILE = 100;

    private static final String[] DEVIATIONS = {
        "受疫情影响，部分工作推迟至下半年完成，下一年度将加强进度管理。",
        "合同到期重新签订，价格下降，节约资金。",
        "人员变动导致任务调整，已按新方案完成。",
    };

    private final ObjectMapper json = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
    private final List<ObjectNode> examples = new ArrayList<>();

    public GeneratedInput(Path examplesFile) throws IOException {
        json.readTree(examplesFile.toFile()).forEach(example -> examples.add((ObjectNode) example));
    }

    /** Writes {@code count} projects into {@code directory}; returns the files. */
    public List<Path> write(Path directory, int count, long seed) throws IOException {
        Files.createDirectories(directory);
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>();
        ArrayNode batch = json.createArrayNode();
        for (int i = 0; i < count; i++) {
            batch.add(vary(examples.get(i % examples.size()), i, random));
            if (batch.size() == PER_FILE || i == count - 1) {
                Path file = directory.resolve(String.format("projects-%05d.json", files.size() + 1));
                json.writeValue(file.toFile(), batch);
                files.add(file);
                batch = json.createArrayNode();
            }
        }
        return files;
    }

    private ObjectNode vary(ObjectNode example, int index, Random random) {
        ObjectNode project = example.deepCopy();
        project.put("projectName", example.get("projectName").asText() + "（第" + (index + 1) + "号）");
        ObjectNode total = (ObjectNode) project.path("funds").path("total");
        BigDecimal budget = BigDecimal.valueOf(1 + random.nextInt(500_000), 4);
        BigDecimal executed = budget.multiply(BigDecimal.valueOf(80 + random.nextInt(21))).movePointLeft(2);
        total.put("annualBudget", budget);
        total.put("executed", executed);
        total.remove("executionRate");
        for (JsonNode indicator : project.path("indicators")) {
            if (indicator.path("score").isNumber() && random.nextInt(4) == 0) {
                int weight = indicator.path("weight").asInt();
                ((ObjectNode) indicator).put("score", Math.max(0, weight - 1 - random.nextInt(3)));
            }
            if (random.nextInt(10) == 0) {
                ((ObjectNode) indicator).put("deviation", DEVIATIONS[random.nextInt(DEVIATIONS.length)]);
            }
        }
        project.remove("totalScore");
        return project;
    }
}
