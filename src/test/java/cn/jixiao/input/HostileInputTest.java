package cn.jixiao.input;

import static cn.jixiao.input.InputFiles.READER;
import static cn.jixiao.input.InputFiles.messages;
import static cn.jixiao.input.InputFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cn.jixiao.model.Evaluation;
import cn.jixiao.model.NumberOrText;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile inputs of issue 5: each gives one clear line naming file, project and JSON path, or reads as
 * documented; none throws.
 */
class HostileInputTest {

    /** A valid project whose 全年预算数 is {@code AMOUNT} and whose 偏差原因 is {@code TEXT}. */
    private static final String TEMPLATE = """
            {"projectName": "办公经费",
             "funds": {"total": {"annualBudget": AMOUNT}},
             "indicators": [{"level3": "资金成本", "weight": 100, "score": 100, "deviation": TEXT}]}
            """;

    @TempDir
    Path directory;

    @Test
    void aByteOrderMarkIsAccepted() {
        byte[] json = project("3", "\"\"").getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[json.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withMark, 3, json.length);

        assertEquals("办公经费", READER.read(write(directory, "bom.json", withMark)).get(0).evaluation().projectName());
    }

    @Test
    void invalidUtf8IsRefusedAtItsLineAndColumn() {
        // A file saved as GBK, as Chinese Windows tools do by default.
        byte[] gbk = project("3", "\"预算调整\"").getBytes(Charset.forName("GBK"));
        Path file = write(directory, "gbk.json", gbk);

        assertEquals(List.of(file + ": is not UTF-8 text: byte 0xB0 at line 1, column 18; save the file as UTF-8"),
                messages(file));
    }

    @Test
    void anEmptyFileIsAnError() {
        for (String content : List.of("", " \n\t ", "\uFEFF")) {
            Path file = write(directory, "empty.json", content);
            assertEquals(List.of(file + ": is empty; expected an evaluation object or an array of them"), messages(file));
        }
    }

    @Test
    void anAmountOf1e400IsOutOfRange() {
        Path file = write(directory, "huge.json", project("1e400", "\"\""));

        assertEquals(List.of(file + ": project 1 \"办公经费\": $.funds.total.annualBudget: must be at most"
                + " 999999999999.999999, got 1E+400"), messages(file));
    }

    @Test
    void extremeExponentsAreRefusedQuickly() {
        Path file = write(directory, "extreme.json", project("1e999999999", "\"\"").replace("\"weight\": 100",
                "\"weight\": 1e-999999999"));

        List<String> messages = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> messages(file));
        assertEquals(List.of(file + ": project 1 \"办公经费\": $.funds.total.annualBudget: must be at most"
                + " 999999999999.999999, got 1E+999999999"), messages);
    }

    @Test
    void moreThanSixDecimalsIsAnError() {
        Path file = write(directory, "decimals.json", project("0.0000001", "\"\""));

        assertEquals(List.of(file + ": project 1 \"办公经费\": $.funds.total.annualBudget: must have at most 6 decimals,"
                + " got 1E-7"), messages(file));
    }

    @Test
    void trailingZerosAreKeptAsWritten() {
        assertEquals("7.20", annualBudget("7.20"));
        assertEquals("180.972120", annualBudget("180.972120"));
        assertEquals("51", annualBudget("51"));
    }

    @Test
    void minusZeroReadsAsZeroAndExponentsAsPlainNumbers() {
        assertEquals("0", annualBudget("-0"));
        assertEquals("0.0", annualBudget("-0.0"));
        assertEquals("150", annualBudget("1.5e2"));
    }

    @Test
    void aDecimalCommaInAnAmountIsAWrongType() {
        Path file = write(directory, "comma.json", project("\"12,3\"", "\"\""));

        assertEquals(List.of(file + ": project 1 \"办公经费\": $.funds.total.annualBudget: expected a number,"
                + " got text \"12,3\""), messages(file));
    }

    @Test
    void aDecimalCommaInAWeightIsTextThatIsPrintedAndNotCounted() {
        Path file = write(directory, "comma-weight.json", project("3", "\"\"").replace("\"weight\": 100",
                "\"weight\": \"12,3\""));

        Evaluation evaluation = READER.read(file).get(0).evaluation();
        assertEquals(NumberOrText.of("12,3"), evaluation.indicators().get(0).weight());
        assertEquals("0", evaluation.weightSum().toPlainString());
        assertEquals(List.of(), messages(file));
    }

    @Test
    void nesting10000LevelsDeepIsRefusedAtTheLimit() {
        Path file = write(directory, "deep.json", "[".repeat(10_000) + "]".repeat(10_000));

        assertEquals(List.of(file + ": cannot be read at line 1, column 66: Document nesting depth (65) exceeds"
                + " the maximum allowed (64)"), messages(file));
    }

    @Test
    void aCellOfTenThousandCharactersIsReadWhole() {
        String longest = "偏差原因分析。".repeat(1_428) + "改进措施"; // 10,000 characters
        Path file = write(directory, "long.json", project("3", "\"" + longest + "\""));

        assertEquals(longest, READER.read(file).get(0).evaluation().indicators().get(0).deviation());
    }

    @Test
    void aOneMegabyteCellIsRefusedAtItsPath() {
        String megabyte = "偏差原因分析。".repeat(50_000); // 350,000 characters, 1,050,000 bytes of UTF-8
        Path file = write(directory, "megabyte.json", project("3", "\"" + megabyte + "\""));

        assertEquals(List.of(file + ": project 1 \"办公经费\": $.indicators[0].deviation: is 350000 characters long;"
                + " a cell holds at most 10000"), messages(file));
    }

    @Test
    void aThousandIndicatorsAreRead() {
        Path file = write(directory, "many.json", indicators(1_000, "0.1"));

        Evaluation evaluation = READER.read(file).get(0).evaluation();
        assertEquals(1_000, evaluation.indicators().size());
        assertEquals("指标999", evaluation.indicators().get(999).level3());
        assertEquals("100.0", evaluation.weightSum().toPlainString());
    }

    @Test
    void tenThousandIndicatorsAreRefused() {
        Path file = write(directory, "too-many.json", indicators(10_000, "0.01"));

        assertEquals(List.of(file + ": project 1 \"办公经费\": $.indicators: has 10000 entries; a form holds at most"
                + " 1000"), messages(file));
    }

    @Test
    void tabsAndLineBreaksAreTextButOtherControlCharactersAreErrors() {
        assertEquals("第一行\n\t第二行\r\n", deviation("\"第一行\\n\\t第二行\\r\\n\""));
        assertEquals("第一行\n\t第二行", deviation("\"第一行\n\t第二行\""));

        Path escaped = write(directory, "escaped.json", project("3", "\"响铃\\u0007\""));
        Path raw = write(directory, "raw.json", project("3", "\"响铃\u0007\""));
        for (Path file : List.of(escaped, raw)) {
            assertEquals(List.of(file + ": project 1 \"办公经费\": $.indicators[0].deviation: contains the control"
                    + " character U+0007; text may hold tabs and line breaks but no other control characters"),
                    messages(file));
        }
    }

    @Test
    void controlCharactersInNamesArePrintedSafely() {
        Path file = write(directory, "escape.json", project("3", "\"\"")
                .replace("\"办公经费\"", "\"办公\\u001b[2J经费\"")
                .replace("\"level3\"", "\"level3\\u001b[K\""));

        assertEquals(List.of(
                file + ": project 1 \"办公?[2J经费\": $.projectName: contains the control character U+001B; text may"
                        + " hold tabs and line breaks but no other control characters",
                file + ": project 1 \"办公?[2J经费\": $.indicators[0]: unknown field \"level3?[K\""
                        + " (did you mean \"level3\"?)"), messages(file));
    }

    @Test
    void contentAfterTheJsonValueIsAnError() {
        Path file = write(directory, "two.json", project("3", "\"\"") + project("3", "\"\""));

        assertEquals(List.of(file + ": has more after the JSON value, at line 4, column 1"), messages(file));
    }

    @Test
    void aNumberLongerThanTheLimitRefusesTheFile() {
        Path file = write(directory, "digits.json", project("1" + "0".repeat(1000), "\"\""));

        assertEquals(List.of(file + ": cannot be read at line 2, column 1039: Number value length (1001) exceeds"
                + " the maximum allowed (1000)"), messages(file));
    }

    @Test
    void aFileLargerThan64MegabytesIsNotRead() throws IOException {
        Path file = directory.resolve("large.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(EvaluationReader.MAX_FILE_BYTES + 1);
        }

        assertEquals(List.of(file + ": is larger than 64 MB"), messages(file));
    }

    @Test
    void aDirectoryIsNotAFile() throws IOException {
        Path folder = Files.createDirectory(directory.resolve("forms.json"));

        assertEquals(List.of(folder + ": cannot be read: Is a directory"), messages(folder));
    }

    private static String indicators(int count, String weight) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"level3\": \"指标").append(i).append("\", \"weight\": ")
                    .append(weight).append('}');
        }
        return "{\"projectName\": \"办公经费\", \"indicators\": [" + rows + "]}";
    }

    private static String project(String amount, String text) {
        return TEMPLATE.replace("AMOUNT", amount).replace("TEXT", text);
    }

    private String annualBudget(String amount) {
        Path file = write(directory, "amount.json", project(amount, "\"\""));
        return READER.read(file).get(0).evaluation().funds().total().annualBudget().toPlainString();
    }

    private String deviation(String json) {
        Path file = write(directory, "text.json", project("3", json));
        return READER.read(file).get(0).evaluation().indicators().get(0).deviation();
    }
}
