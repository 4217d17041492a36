package cn.jixiao.input;

import static cn.jixiao.input.InputFiles.READER;
import static cn.jixiao.input.InputFiles.messages;
import static cn.jixiao.input.InputFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.model.Evaluation;
import cn.jixiao.model.FundLine;
import cn.jixiao.model.FundTotal;
import cn.jixiao.model.Funds;
import cn.jixiao.model.Goals;
import cn.jixiao.model.Indicator;
import cn.jixiao.model.NumberOrText;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the input contract: the seed examples, the model they map to, and each kind of error. */
class EvaluationReaderTest {

    private static final Path EXAMPLES = Path.of("examples", "jinfeng-2023.json");

    /** A project with everything the schema requires and nothing wrong. */
    private static final String VALID = """
            {"year": 2023, "projectName": "办公经费", "indicators": [
              {"level1": "产出指标", "level2": "数量指标", "level3": "工作人员", "weight": 40, "score": 40},
              {"level1": "产出指标", "level2": "质量指标", "level3": "合格率", "weight": 30, "score": 30},
              {"level1": "满意度", "level2": "服务对象满意度指标", "level3": "满意度", "weight": 30, "score": 30}]}
            """;

    @TempDir
    Path directory;

    @Test
    void theSeedExamplesReadWithoutDiagnosticsAsReadingDoesNotCheckTheScoringRules() {
        List<ProjectInput> projects = READER.read(EXAMPLES);

        assertEquals(List.of("政府批准聘用人员支出", "智慧金凤社会治理综合平台运行费", "社区网格员工作终端使用费", "办公经费", "互联网专线费"),
                projects.stream().map(ProjectInput::name).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), projects.stream().map(ProjectInput::index).toList());
        // Project 1 breaks a scoring rule (its 执行率); that warning is validation's, not reading's.
        assertEquals(List.of(), messages(EXAMPLES));
    }

    @Test
    void everyValueOfTheSeedExamplesLandsInItsModelField() throws IOException {
        JsonNode file = JsonMapper.builder()
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build()
                .readTree(EXAMPLES.toFile());
        List<ProjectInput> projects = READER.read(EXAMPLES);
        for (int i = 0; i < file.size(); i++) {
            assertEquals(values(file.get(i)), values(projects.get(i).evaluation()), "project " + (i + 1));
        }
    }

    @Test
    void theSeedQuirksAreKeptAsWritten() {
        List<Evaluation> forms = READER.read(EXAMPLES).stream().map(ProjectInput::evaluation).toList();
        FundTotal total1 = forms.get(0).funds().total();

        assertEquals(new BigDecimal("180.97212"), total1.annualBudget()); // equals compares the scale too
        assertEquals("207.6892", total1.initialBudget().toPlainString());
        assertEquals("51", forms.get(1).funds().total().executed().toPlainString());
        assertEquals("7.2", forms.get(4).funds().fiscal().executed().toPlainString());
        assertEquals(NumberOrText.of("87.00%"), total1.executionRate());
        assertEquals(NumberOrText.of("100.0%"), forms.get(1).funds().total().executionRate());
        assertEquals(FundLine.EMPTY, forms.get(0).funds().carryover());
        assertEquals(new Indicator("效益指标", "经济效益指标", "无", "无", "无", NumberOrText.of("无"), NumberOrText.of("无"),
                null), forms.get(0).indicators().get(4));
        assertEquals("社会效益", forms.get(0).indicators().get(5).level2());
        assertEquals("1月-4月： 28人 5月-12月：", forms.get(0).indicators().get(0).actual());
        assertEquals("因2023年12月合同到期，重新签订合同，价", forms.get(4).indicators().get(3).deviation());
        assertEquals("指标1：智慧金凤社会治理综合平台（软件、硬件、大屏维护） 指标2：分中心平台（软件、硬件、大屏维护）",
                forms.get(1).indicators().get(0).level3());
        assertEquals(new Indicator("产出指标", "质量指标", "合格率", "100%", "100%", number("15"), number("13"), null),
                forms.get(4).indicators().get(1));
        assertEquals(List.of(93, 91, 88, 90, 93), forms.stream().map(f -> f.totalScore().intValueExact()).toList());
        assertEquals(List.of(100, 100, 100, 100, 100), forms.stream().map(f -> f.weightSum().intValueExact()).toList());
    }

    @Test
    void absentFundsAndGoalsAreEmptyFormsAndADateIsRead() {
        Path file = write(directory, "minimal.json", """
                {"projectName": "办公经费", "reportDate": "2024-03-15", "indicators": []}""");
        Evaluation evaluation = READER.read(file).get(0).evaluation();

        assertEquals(new Evaluation(null, "办公经费", null, null, LocalDate.of(2024, 3, 15), Funds.EMPTY, Goals.EMPTY,
                List.of(), null), evaluation);
    }

    @Test
    void aNumericExecutionRateAndNullCellsAreRead() {
        Path file = write(directory, "rate.json", """
                {"projectName": "办公经费", "indicators": [],
                 "funds": {"total": {"annualBudget": 3, "executed": 2.61, "executionRate": 87, "weight": null},
                           "other": null},
                 "goals": {"expected": null, "actual": "完成"}}""");
        Evaluation evaluation = READER.read(file).get(0).evaluation();

        assertEquals(new FundTotal(null, new BigDecimal("3"), new BigDecimal("2.61"), null, number("87"), null),
                evaluation.funds().total());
        assertEquals(FundLine.EMPTY, evaluation.funds().other());
        assertEquals(new Goals(null, "完成"), evaluation.goals());
    }

    @Test
    void aWrongTypeNamesFileProjectNameAndPath() {
        String project4 = VALID.replace("\"weight\": 30, \"score\": 30}]", "\"weight\": {}, \"score\": 30}]");
        Path file = write(directory, "jinfeng.json", "[" + String.join(",", VALID, VALID, VALID, project4) + "]");

        assertEquals(List.of(file + ": project 4 \"办公经费\": $.indicators[2].weight: expected a number or text, got an object"),
                messages(file));
    }

    @Test
    void wrongTypesNameTheKindsAllowed() {
        Path file = write(directory, "types.json", """
                {"year": "2023年", "projectName": ["办公经费"], "department": 5, "indicators": {},
                 "funds": {"total": {"executed": "12,3", "executionRate": true}}, "goals": "完成"}""");

        assertEquals(List.of(
                file + ": project 1: $.year: expected a whole number, got text \"2023年\"",
                file + ": project 1: $.projectName: expected text, got an array",
                file + ": project 1: $.department: expected text, got the number 5",
                file + ": project 1: $.funds.total.executed: expected a number, got text \"12,3\"",
                file + ": project 1: $.funds.total.executionRate: expected a number or text, got true",
                file + ": project 1: $.goals: expected an object, got text \"完成\"",
                file + ": project 1: $.indicators: expected an array, got an object"), messages(file));
    }

    @Test
    void aMissingProjectNameIsAnError() {
        Path file = write(directory, "noname.json", VALID.replace("\"projectName\": \"办公经费\",", ""));

        assertEquals(List.of(file + ": project 1: $: missing required field \"projectName\""), messages(file));
    }

    @Test
    void missingIndicatorsAreAnError() {
        Path file = write(directory, "noindicators.json", "{\"projectName\": \"办公经费\"}");

        assertEquals(List.of(file + ": project 1 \"办公经费\": $: missing required field \"indicators\""), messages(file));
    }

    @Test
    void anEmptyProjectNameIsAnError() {
        Path file = write(directory, "emptyname.json", VALID.replace("\"办公经费\"", "\"\""));

        assertEquals(List.of(file + ": project 1: $.projectName: must not be empty"), messages(file));
    }

    @Test
    void aNegativeAmountIsAnError() {
        Path file = write(directory, "negative.json", VALID.replace("\"indicators\"",
                "\"funds\": {\"fiscal\": {\"initialBudget\": -3}}, \"indicators\""));

        assertEquals(List.of(file + ": project 1 \"办公经费\": $.funds.fiscal.initialBudget: must not be negative, got -3"),
                messages(file));
    }

    @Test
    void anUnknownFieldIsAnErrorThatSuggestsTheClosestKnownName() {
        Path file = write(directory, "typo.json", VALID.replace("\"weight\": 40", "\"wieght\": 40")
                .replace("\"year\"", "\"Year\""));

        assertEquals(List.of(
                file + ": project 1 \"办公经费\": $.indicators[0]: unknown field \"wieght\" (did you mean \"weight\"?)",
                file + ": project 1 \"办公经费\": $: unknown field \"Year\" (did you mean \"year\"?)"), messages(file));
    }

    @Test
    void anUnknownFieldWithNoCloseNameListsTheKnownOnes() {
        Path file = write(directory, "remark.json", VALID.replace("\"year\"", "\"备注\": \"\", \"year\"")
                .replace("\"indicators\"", "\"goals\": {\"summary\": \"\"}, \"indicators\""));

        assertEquals(List.of(
                file + ": project 1 \"办公经费\": $.goals: unknown field \"summary\" (known fields: expected, actual)",
                file + ": project 1 \"办公经费\": $: unknown field \"备注\" (known fields: form, year, projectName,"
                        + " department, implementingUnit, projectLeader, reportCode, reportDate, funds, goals, indicators,"
                        + " totalScore, footnote, overview, conclusion, problems, improvements, signatures)"),
                messages(file));
    }

    @Test
    void aDateMustBeWrittenYearMonthDay() {
        Path file = write(directory, "date.json", VALID.replace("\"year\"", "\"reportDate\": \"2023-02-30\", \"year\""));

        assertEquals(List.of(file + ": project 1 \"办公经费\": $.reportDate: must be a date written YYYY-MM-DD,"
                + " got text \"2023-02-30\""), messages(file));
    }

    @Test
    void aYearOutsideTheSaneRangeIsAnError() {
        Path file = write(directory, "year.json", VALID.replace("2023", "20230"));

        assertEquals(List.of(file + ": project 1 \"办公经费\": $.year: must be at most 2100, got 20230"), messages(file));
    }

    @Test
    void aBadProjectDoesNotStopTheOthers() {
        String bad = VALID.replace("\"projectName\": \"办公经费\"", "\"projectName\": \"互联网专线费\"")
                .replace("\"score\": 40", "\"score\": -1");
        Path file = write(directory, "three.json", "[" + String.join(",", VALID, bad, VALID) + "]");
        List<ProjectInput> projects = READER.read(file);

        assertEquals(3, projects.size());
        assertFalse(projects.get(0).hasErrors());
        assertEquals("办公经费", projects.get(0).evaluation().projectName());
        assertNull(projects.get(1).evaluation());
        assertEquals(List.of(file + ": project 2 \"互联网专线费\": $.indicators[0].score: must not be negative, got -1"),
                projects.get(1).diagnostics().stream().map(Object::toString).toList());
        assertFalse(projects.get(2).hasErrors());
        assertEquals(3, projects.get(2).index());
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        Path file = write(directory, "broken.json", """
                {"projectName": "办公经费",
                 "indicators": [
                   {"level1": "产出指标" "level2": "数量指标"}]}""");

        assertEquals(List.of(file + ": $.indicators[0]: malformed JSON at line 3, column 22: Unexpected character"
                + " ('\"' (code 34)): was expecting comma to separate Object entries"), messages(file));
    }

    @Test
    void aDuplicateFieldRejectsTheFileAndNamesWhereItIs() {
        Path file = write(directory, "duplicate.json", "[" + VALID + ","
                + VALID.replace("\"weight\": 30, \"score\": 30}]", "\"weight\": 30, \"weight\": 20}]") + "]");

        assertEquals(List.of(file + ": $[1].indicators[2]: malformed JSON at line 8, column 83:"
                + " Duplicate field 'weight'"), messages(file));
    }

    @Test
    void aFileThatIsNeitherAnObjectNorAnArrayIsAnError() {
        assertEquals(List.of(directory.resolve("number.json") + ": $: expected an object or an array, got the number 5"),
                messages(write(directory, "number.json", "5")));
        assertEquals(List.of(directory.resolve("empty-array.json") + ": $: must hold at least 1 entry, got an empty array"),
                messages(write(directory, "empty-array.json", "[]")));
        assertEquals(List.of(directory.resolve("string-project.json")
                        + ": project 1: $: expected an object, got text \"办公经费\""),
                messages(write(directory, "string-project.json", "[\"办公经费\"]")));
    }

    @Test
    void aMissingFileIsAnError() {
        Path file = directory.resolve("absent.json");

        assertEquals(List.of(file + ": no such file"), messages(file));
        assertEquals(0, READER.read(file).get(0).index());
    }

    @Test
    void oneReaderServesManyThreads() throws Exception {
        List<String> expected = messages(EXAMPLES);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> reads = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                reads.add(threads.submit(() -> messages(EXAMPLES)));
            }
            for (Future<List<String>> read : reads) {
                assertEquals(expected, read.get());
            }
        } finally {
            threads.shutdown();
        }
    }

    /** Every value of a project's JSON by its JSON pointer: text as is, numbers as written, null cells left out. */
    private static Map<String, String> values(JsonNode json) {
        Map<String, String> values = new TreeMap<>();
        collect("", json, values);
        return values;
    }

    private static void collect(String pointer, JsonNode node, Map<String, String> values) {
        if (node.isContainerNode()) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    collect(pointer + "/" + i, node.get(i), values);
                }
            } else {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    collect(pointer + "/" + field.getKey(), field.getValue(), values);
                }
            }
        } else if (!node.isNull()) {
            values.put(pointer, node.isNumber() ? node.decimalValue().toPlainString() : node.textValue());
        }
    }

    /** The same for the model, under the field names of the contract. */
    private static Map<String, String> values(Evaluation evaluation) {
        Map<String, String> values = new TreeMap<>();
        put(values, "/year", evaluation.year());
        put(values, "/projectName", evaluation.projectName());
        put(values, "/department", evaluation.department());
        put(values, "/implementingUnit", evaluation.implementingUnit());
        put(values, "/reportDate", evaluation.reportDate());
        FundTotal total = evaluation.funds().total();
        put(values, "/funds/total/initialBudget", total.initialBudget());
        put(values, "/funds/total/annualBudget", total.annualBudget());
        put(values, "/funds/total/executed", total.executed());
        put(values, "/funds/total/weight", total.weight());
        put(values, "/funds/total/executionRate", total.executionRate());
        put(values, "/funds/total/score", total.score());
        Map<String, FundLine> lines = Map.of("fiscal", evaluation.funds().fiscal(),
                "carryover", evaluation.funds().carryover(), "other", evaluation.funds().other());
        lines.forEach((name, line) -> {
            put(values, "/funds/" + name + "/initialBudget", line.initialBudget());
            put(values, "/funds/" + name + "/annualBudget", line.annualBudget());
            put(values, "/funds/" + name + "/executed", line.executed());
        });
        put(values, "/goals/expected", evaluation.goals().expected());
        put(values, "/goals/actual", evaluation.goals().actual());
        for (int i = 0; i < evaluation.indicators().size(); i++) {
            Indicator indicator = evaluation.indicators().get(i);
            String row = "/indicators/" + i + "/";
            put(values, row + "level1", indicator.level1());
            put(values, row + "level2", indicator.level2());
            put(values, row + "level3", indicator.level3());
            put(values, row + "target", indicator.target());
            put(values, row + "actual", indicator.actual());
            put(values, row + "weight", indicator.weight());
            put(values, row + "score", indicator.score());
            put(values, row + "deviation", indicator.deviation());
        }
        put(values, "/totalScore", evaluation.totalScore());
        return values;
    }

    private static void put(Map<String, String> values, String pointer, Object value) {
        if (value != null) {
            values.put(pointer, value instanceof BigDecimal number ? number.toPlainString() : value.toString());
        }
    }

    private static NumberOrText number(String number) {
        return NumberOrText.of(new BigDecimal(number));
    }
}
