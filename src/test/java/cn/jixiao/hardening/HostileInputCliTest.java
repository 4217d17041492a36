package cn.jixiao.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.PdfFile;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile input of issue 5 in one {@code jixiao batch} over one directory, beside the five seed forms: each
 * bad file or project gives its own clear lines naming file, project and JSON path (or line and column when the file
 * cannot be read as JSON), nothing prints a stack trace, the run exits 1 (input errors), and every good project
 * still renders.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputCliTest {

    private Path directory;
    private Path inputs;
    private Path output;
    private Jixiao.Run run;

    @BeforeAll
    void renderEverything(@TempDir Path directory) throws IOException {
        this.directory = directory;
        inputs = Files.createDirectory(directory.resolve("inputs"));
        output = directory.resolve("out");
        Files.copy(Examples.FILE, inputs.resolve("seeds.json"));

        write("malformed-truncated.json", "{\"projectName\": \"坏\", \"indicators\": [");
        write("malformed-trailing-comma.json", "{\"projectName\": \"坏\", \"indicators\": [],}");
        write("malformed-comment.json", "{\"projectName\": \"坏\", // 备注\n \"indicators\": []}");
        write("malformed-nan.json", "{\"projectName\": \"坏\", \"indicators\": [], \"totalScore\": NaN}");
        write("malformed-duplicate.json", "{\"projectName\": \"坏\", \"projectName\": \"又\", \"indicators\": []}");
        write("malformed-second-project.json", "[{\"projectName\": \"好\", \"indicators\": []},\n"
                + " {\"projectName\": \"坏\", \"indicators\": [{\"level1\": \"产出指标\",}]}]");
        write("wrong-types.json", """
                {"year": "2023", "projectName": "类型全错", "department": 5, "implementingUnit": [],
                 "reportDate": 20230101,
                 "funds": {"total": {"initialBudget": "1", "annualBudget": true, "executed": {}, "weight": [],
                                     "executionRate": {}, "score": false},
                           "fiscal": [], "carryover": "无", "other": 1},
                 "goals": {"expected": 1, "actual": []},
                 "indicators": [{"level1": 1, "level2": true, "level3": {}, "target": [], "actual": 2,
                                 "weight": {}, "score": [], "deviation": false}],
                 "totalScore": "93"}
                """);
        write("wrong-root-text.json", "\"一段文字\"");
        write("wrong-root-null.json", "null");
        write("wrong-root-empty-array.json", "[]");
        write("wrong-root-numbers.json", "[1, 2]");
        write("wrong-funds-type.json", Workspace.JSON.writeValueAsString(
                Workspace.project("资金类型").put("funds", "180.97212")));

        ObjectNode megabyte = Workspace.project("一兆字节");
        indicator(megabyte).put("deviation", "偏差原因分析。".repeat(50_000)); // 350,000 characters, 1 MB of UTF-8
        Workspace.writeJson(inputs.resolve("megabyte-cell.json"), megabyte);
        ObjectNode many = Workspace.project("一万指标");
        ArrayNode indicators = many.putArray("indicators");
        for (int i = 0; i < 10_000; i++) {
            indicators.addObject().put("level1", "产出指标").put("level3", "指标" + i).put("weight", 0.01);
        }
        Workspace.writeJson(inputs.resolve("ten-thousand-indicators.json"), many);

        ObjectNode bell = Workspace.project("控制字符");
        indicator(bell).put("deviation", "响铃\u0007");
        Workspace.writeJson(inputs.resolve("control-character.json"), bell);
        Workspace.writeJson(inputs.resolve("control-in-name.json"), Workspace.project("办公\u001b[2J经费"));
        write("invalid-utf8.json", Workspace.JSON.writeValueAsString(Workspace.project("预算调整"))
                .getBytes(Charset.forName("GBK")));
        byte[] json = Workspace.JSON.writeValueAsBytes(Workspace.project("带字节顺序标记"));
        byte[] withMark = new byte[json.length + 3];
        System.arraycopy(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, withMark, 0, 3);
        System.arraycopy(json, 0, withMark, 3, json.length);
        write("byte-order-mark.json", withMark);
        write("deep-nesting.json", "[".repeat(10_000) + "]".repeat(10_000));
        write("amount-1e400.json", amount("超大金额", "1e400"));
        write("amount-minus-zero.json", amount("负零金额", "-0"));
        write("amount-decimal-comma.json", amount("逗号金额", "\"12,3\""));
        write("empty.json", "");
        write("notes.txt", "说明：这不是 JSON");
        write("scan.xml", "<form/>");
        Files.createDirectory(inputs.resolve("2022"));

        run = Jixiao.run("batch", inputs.toString(), "-o", output.toString(), "--quiet");
    }

    @Test
    void theRunExitsOneAndPrintsNoStackTrace() {
        assertEquals(1, run.exitCode(), run.err());
        assertFalse(run.showsStackTrace(), run.err());
        assertTrue(run.out().startsWith("7 of 29 projects rendered to " + output), run.out());
    }

    @Test
    void everyGoodProjectStillRenders() {
        List<String> pdfs = Workspace.fileNames(output).stream().filter(name -> name.endsWith(".pdf")).toList();
        assertEquals(List.of("2023-互联网专线费.pdf", "2023-办公经费.pdf", "2023-带字节顺序标记.pdf",
                "2023-政府批准聘用人员支出.pdf", "2023-智慧金凤社会治理综合平台运行费.pdf", "2023-社区网格员工作终端使用费.pdf",
                "2023-负零金额.pdf", "全部自评表.pdf", "项目支出绩效自评汇总表.pdf"), pdfs);
    }

    @Test
    void malformedJsonNamesLineColumnAndTheEnclosingPath() {
        assertEquals(List.of(
                file("malformed-comment.json") + ": $: malformed JSON at line 1, column 22: Unexpected character ('/'"
                        + " (code 47)): maybe a (non-standard) comment?"),
                errorsOf("malformed-comment.json"));
        assertEquals(List.of(file("malformed-duplicate.json") + ": $: malformed JSON at line 1, column 35: Duplicate"
                + " field 'projectName'"), errorsOf("malformed-duplicate.json"));
        assertEquals(List.of(file("malformed-nan.json") + ": $: malformed JSON at line 1, column 57: Non-standard"
                + " token 'NaN'"), errorsOf("malformed-nan.json"));
        assertEquals(List.of(file("malformed-second-project.json") + ": $[1].indicators[0]: malformed JSON at line 2,"
                + " column 56: Unexpected character ('}' (code 125)): was expecting double-quote to start field name"),
                errorsOf("malformed-second-project.json"));
        assertEquals(List.of(file("malformed-trailing-comma.json") + ": $: malformed JSON at line 1, column 39:"
                + " Unexpected character ('}' (code 125)): was expecting double-quote to start field name"),
                errorsOf("malformed-trailing-comma.json"));
        assertEquals(List.of(file("malformed-truncated.json") + ": $.indicators: malformed JSON at line 1, column 37:"
                + " Unexpected end-of-input: expected close marker for Array (start marker at line 1, column 36)"),
                errorsOf("malformed-truncated.json"));
    }

    @Test
    void aWrongTypeInEveryFieldIsAnErrorAtThatField() {
        String project = file("wrong-types.json") + ": project 1 \"类型全错\": ";
        assertEquals(List.of(
                project + "$.year: expected a whole number, got text \"2023\"",
                project + "$.department: expected text, got the number 5",
                project + "$.implementingUnit: expected text, got an array",
                project + "$.reportDate: expected text, got the number 20230101",
                project + "$.funds.total.initialBudget: expected a number, got text \"1\"",
                project + "$.funds.total.annualBudget: expected a number, got true",
                project + "$.funds.total.executed: expected a number, got an object",
                project + "$.funds.total.weight: expected a number or text, got an array",
                project + "$.funds.total.executionRate: expected a number or text, got an object",
                project + "$.funds.total.score: expected a number or text, got false",
                project + "$.funds.fiscal: expected an object, got an array",
                project + "$.funds.carryover: expected an object, got text \"无\"",
                project + "$.funds.other: expected an object, got the number 1",
                project + "$.goals.expected: expected text, got the number 1",
                project + "$.goals.actual: expected text, got an array",
                project + "$.indicators[0].level1: expected text, got the number 1",
                project + "$.indicators[0].level2: expected text, got true",
                project + "$.indicators[0].level3: expected text, got an object",
                project + "$.indicators[0].target: expected text, got an array",
                project + "$.indicators[0].actual: expected text, got the number 2",
                project + "$.indicators[0].weight: expected a number or text, got an object",
                project + "$.indicators[0].score: expected a number or text, got an array",
                project + "$.indicators[0].deviation: expected text, got false",
                project + "$.totalScore: expected a number, got text \"93\""),
                errorsOf("wrong-types.json"));
        assertEquals(List.of(file("wrong-funds-type.json") + ": project 1 \"资金类型\": $.funds: expected an object,"
                + " got text \"180.97212\""), errorsOf("wrong-funds-type.json"));
    }

    @Test
    void aFileThatIsNotAnEvaluationOrAnArrayOfThemSaysSo() {
        assertEquals(List.of(file("wrong-root-text.json") + ": $: expected an object or an array, got text \"一段文字\""),
                errorsOf("wrong-root-text.json"));
        assertEquals(List.of(file("wrong-root-null.json") + ": $: expected an object or an array, got null"),
                errorsOf("wrong-root-null.json"));
        assertEquals(List.of(file("wrong-root-empty-array.json") + ": $: must hold at least 1 entry, got an empty"
                + " array"),
                errorsOf("wrong-root-empty-array.json"));
        assertEquals(List.of(file("wrong-root-numbers.json") + ": project 1: $: expected an object, got the number 1",
                file("wrong-root-numbers.json") + ": project 2: $: expected an object, got the number 2"),
                errorsOf("wrong-root-numbers.json"));
    }

    @Test
    void aOneMegabyteCellAndTenThousandIndicatorsAreRefusedAtTheirPath() {
        assertEquals(List.of(file("megabyte-cell.json") + ": project 1 \"一兆字节\": $.indicators[0].deviation: is 350000"
                + " characters long; a cell holds at most 10000"), errorsOf("megabyte-cell.json"));
        assertEquals(List.of(file("ten-thousand-indicators.json") + ": project 1 \"一万指标\": $.indicators: has 10000"
                + " entries; a form holds at most 1000"), errorsOf("ten-thousand-indicators.json"));
    }

    @Test
    void controlCharactersAreErrorsAndNamesArePrintedSafely() {
        assertEquals(List.of(file("control-character.json") + ": project 1 \"控制字符\": $.indicators[0].deviation:"
                + " contains the control character U+0007; text may hold tabs and line breaks but no other control"
                + " characters"), errorsOf("control-character.json"));
        assertEquals(List.of(file("control-in-name.json") + ": project 1 \"办公?[2J经费\": $.projectName: contains the"
                + " control character U+001B; text may hold tabs and line breaks but no other control characters"),
                errorsOf("control-in-name.json"));
        assertFalse(run.err().contains("\u001b"), "no escape sequence reaches the terminal");
    }

    @Test
    void encodingProblemsAreNamedAtTheirByte() {
        assertEquals(List.of(file("invalid-utf8.json") + ": is not UTF-8 text: byte 0xCB at line 1, column 30; save"
                + " the file as UTF-8"), errorsOf("invalid-utf8.json"));
        assertEquals(List.of(), errorsOf("byte-order-mark.json"));
    }

    @Test
    void deepNestingStopsAtTheLimit() {
        assertEquals(List.of(file("deep-nesting.json") + ": cannot be read at line 1, column 66: Document nesting"
                + " depth (65) exceeds the maximum allowed (64)"), errorsOf("deep-nesting.json"));
    }

    @Test
    void numbersAtTheEdges() {
        assertEquals(List.of(file("amount-1e400.json") + ": project 1 \"超大金额\": $.funds.total.annualBudget: must be"
                + " at most 999999999999.999999, got 1E+400"), errorsOf("amount-1e400.json"));
        assertEquals(List.of(file("amount-decimal-comma.json") + ": project 1 \"逗号金额\": $.funds.total.annualBudget:"
                + " expected a number, got text \"12,3\""), errorsOf("amount-decimal-comma.json"));
        assertEquals(List.of(), errorsOf("amount-minus-zero.json"));
        try (PdfFile pdf = PdfFile.read(output.resolve("2023-负零金额.pdf"))) {
            String text = pdf.compactText();
            assertTrue(text.contains("年度资金总额0其中") && !text.contains("-0"), "-0 prints as 0: " + text);
        }
    }

    @Test
    void anEmptyFileIsAnError() {
        assertEquals(List.of(file("empty.json") + ": is empty; expected an evaluation object or an array of them"),
                errorsOf("empty.json"));
    }

    @Test
    void whatADirectoryHoldsBesideJsonFilesIsNamedAsSkipped() {
        assertEquals(List.of(
                file("2022") + ": a sub-directory, not searched; name it as an input to include it",
                file("notes.txt") + ": not a .json, Word or Excel file, skipped",
                file("scan.xml") + ": not a .json, Word or Excel file, skipped"),
                run.warnings().stream().filter(line -> line.contains("skipped") || line.contains("not searched"))
                        .toList());
    }

    @Test
    void aDirectoryWithoutJsonFilesIsAnInputError() throws IOException {
        Path empty = Files.createDirectories(directory.resolve("scans"));
        Files.writeString(empty.resolve("notes.txt"), "说明");

        Jixiao.Run nothing = Jixiao.run("batch", empty.toString(), "-o", directory.resolve("none").toString(),
                "--quiet");

        assertEquals(1, nothing.exitCode());
        assertEquals(List.of("warning: " + empty.resolve("notes.txt") + ": not a .json, Word or Excel file, skipped",
                "error: " + empty + ": holds no .json, Word or Excel file"), nothing.errLines());
    }

    private String file(String name) {
        return inputs.resolve(name).toString();
    }

    /** The error lines about one input file, in the order printed. */
    private List<String> errorsOf(String name) {
        List<String> lines = new ArrayList<>();
        for (String error : run.errors()) {
            if (error.startsWith(file(name) + ":")) {
                lines.add(error);
            }
        }
        return lines;
    }

    private void write(String name, String content) {
        Workspace.write(inputs.resolve(name), content);
    }

    private void write(String name, byte[] content) {
        Workspace.write(inputs.resolve(name), content);
    }

    private static ObjectNode indicator(ObjectNode project) {
        return (ObjectNode) project.path("indicators").get(0);
    }

    /** A valid project whose 全年预算数 is written as given. */
    private static String amount(String name, String annualBudget) throws IOException {
        ObjectNode project = Workspace.project(name);
        project.putObject("funds").putObject("total").put("annualBudget", 0);
        return Workspace.JSON.writeValueAsString(project)
                .replace("\"annualBudget\":0", "\"annualBudget\":" + annualBudget);
    }
}
