package cn.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.testing.Examples;
import cn.jixiao.testing.Jixiao;
import cn.jixiao.testing.PdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jixiao} as its user meets it: the help of every command documents the exit codes; usage errors exit 2,
 * input errors 1 (naming file, project and JSON path, while the good projects still render), and what stops a run
 * (templates, fonts, output directory) exits 3 with one clear line, the stack trace only with {@code --debug}.
 *
 * <p>The commands run in-process as {@code main} runs them; those that render start their own engine with the
 * installation's templates and fonts, and so use its cache of compiled templates ({@code ~/.cache/jixiao}).
 */
class CommandLineTest {

    /** A good project, one object in its own file. */
    private static final String OFFICE = """
            {"year": 2023, "projectName": "办公经费", "department": "金凤区智慧城市运营中心",
             "implementingUnit": "金凤区智慧城市运营中心",
             "funds": {"total": {"initialBudget": 3, "annualBudget": 3, "executed": 3, "weight": 10, "score": 10}},
             "indicators": [{"level1": "产出指标", "level2": "数量指标", "level3": "保障人数", "target": "28人",
                             "actual": "28人", "weight": 90, "score": 80}],
             "totalScore": 90}
            """;

    /** A good project in an array. */
    private static final String LINE = """
            [{"year": 2023, "projectName": "互联网专线费",
              "indicators": [{"level1": "产出指标", "level2": "数量指标", "level3": "专线条数", "target": "2条",
                              "actual": "2条", "weight": 100, "score": 100}]}]
            """;

    /** A project whose second indicator has an object for its 分值. */
    private static final String BROKEN = """
            [{"year": 2023, "projectName": "网络安全运维费",
              "indicators": [{"level1": "产出指标", "level2": "数量指标", "level3": "巡检次数", "weight": 90, "score": 80},
                             {"level1": "产出指标", "level2": "质量指标", "level3": "可用率", "weight": {"value": 10},
                              "score": 10}]}]
            """;

    @TempDir
    Path directory;

    @Test
    void theHelpOfEveryCommandExitsZeroAndDocumentsTheExitCodes() {
        for (String[] help : List.of(new String[] {"--help"}, new String[] {"render", "--help"},
                new String[] {"batch", "--help"}, new String[] {"help", "batch"})) {
            Jixiao.Run run = Jixiao.run(help);
            String command = String.join(" ", help);
            assertEquals(0, run.exitCode(), command);
            assertTrue(run.out().contains("Exit codes:"), command + " documents the exit codes:\n" + run.out());
            for (String code : List.of("0", "1", "2", "3")) {
                assertTrue(Pattern.compile("(?m)^\\s+" + code + "\\s+\\S").matcher(run.out()).find(),
                        command + " explains exit code " + code + ":\n" + run.out());
            }
        }
        Jixiao.Run validate = Jixiao.run("validate", "--help");
        assertEquals(0, validate.exitCode());
        for (String code : List.of("0", "1", "2")) {
            assertTrue(Pattern.compile("(?m)^\\s+" + code + "\\s+\\S").matcher(validate.out()).find(),
                    "validate --help explains exit code " + code + ":\n" + validate.out());
        }
    }

    @Test
    void theUsageListsEveryCommandAndEachRunsUnderItsName() {
        Jixiao.Run usage = Jixiao.run("--help");
        for (String command : Main.COMMANDS.keySet()) {
            assertTrue(Pattern.compile("(?m)^\\s+" + Pattern.quote(command) + "\\s").matcher(usage.out()).find(),
                    "jixiao --help lists " + command + ":\n" + usage.out());
            Jixiao.Run help = Jixiao.run(command, "--help");
            assertEquals(0, help.exitCode(), command);
            assertTrue(help.out().startsWith("Usage: jixiao " + command + " "), command + " --help:\n" + help.out());
        }
        Jixiao.Run misspelt = Jixiao.run("rendr", "x.json");
        assertEquals(2, misspelt.exitCode());
        assertTrue(misspelt.err().contains("Did you mean: jixiao render or"), misspelt.err());
    }

    @Test
    void anUnknownOptionOrAMissingArgumentIsAUsageError() {
        Jixiao.Run unknown = Jixiao.run("render", "--bogus", Examples.FILE.toString(), "-o", directory.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("Unknown option: '--bogus'"), unknown.err());
        Jixiao.Run noOutput = Jixiao.run("render", Examples.FILE.toString());
        assertEquals(2, noOutput.exitCode());
        assertTrue(noOutput.err().startsWith("Missing required option: '--output=DIR'"), noOutput.err());
        assertEquals(2, Jixiao.run().exitCode(), "a command is required");
        assertEquals(2, Jixiao.run("validate").exitCode(), "validate needs an input");
        for (String[] bench : List.of(new String[] {"bench", "-n", "0"}, new String[] {"bench", "--warmup", "-1"})) {
            Jixiao.Run empty = Jixiao.run(bench);
            assertEquals(2, empty.exitCode(), String.join(" ", bench));
            assertTrue(empty.err().startsWith("batch sizes are at least 1 form"), empty.err());
        }
    }

    @Test
    void validatingTheExamplesPassesWithTheOneWarning() {
        Jixiao.Run run = Jixiao.run("validate", Examples.FILE.toString());
        assertEquals(0, run.exitCode());
        assertEquals(List.of(
                "warning: " + Examples.FILE + ": project 1 \"政府批准聘用人员支出\": $.funds.total.executionRate: "
                        + "87.00% given, but 全年执行数 ÷ 全年预算数 = 100.00%",
                "5 projects checked: 0 with errors, 1 warning."), run.out().lines().toList());
    }

    @Test
    void validatingABadFileNamesTheFileTheProjectAndTheJsonPath() throws IOException {
        Path bad = write("bad.json", BROKEN);
        Jixiao.Run run = Jixiao.run("validate", write("good.json", OFFICE).toString(), bad.toString());
        assertEquals(1, run.exitCode());
        assertEquals(List.of(
                "error: " + bad + ": project 1 \"网络安全运维费\": $.indicators[1].weight: "
                        + "expected a number or text, got an object",
                "2 projects checked: 1 with errors, 0 warnings."), run.out().lines().toList());
    }

    @Test
    void renderingABadFileAmongGoodOnesRendersTheGoodOnesAndReportsTheBadOne() throws IOException {
        Path bad = write("bad.json", BROKEN);
        Path output = directory.resolve("out");
        Jixiao.Run run = Jixiao.run("render", write("office.json", OFFICE).toString(), bad.toString(),
                write("line.json", LINE).toString(), "-o", output.toString(), "--date", "2024-03-15");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.errLines().contains("error: " + bad + ": project 1 \"网络安全运维费\": $.indicators[1].weight: "
                + "expected a number or text, got an object"), run.err());
        assertTrue(run.out().startsWith("2 of 3 projects rendered to " + output), run.out());
        assertEquals(List.of("2023-互联网专线费.pdf", "2023-办公经费.pdf"), fileNames(output),
                "the good projects' PDFs and nothing for the bad one");
        try (PdfFile pdf = PdfFile.read(output.resolve("2023-办公经费.pdf"))) {
            assertEquals("办公经费", pdf.title());
            assertEquals("2024-03-15", pdf.creationDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                    "--date is the creation date");
        }
    }

    /** A batch in Word only: a DOCX per project, and the batch's combined PDF and summary all the same. */
    @Test
    void aBatchInWordOnlyWritesWordFilesAndStillTheCombinedPdfAndSummary() throws IOException {
        Path output = directory.resolve("word");
        Jixiao.Run run = Jixiao.run("batch", write("office.json", OFFICE).toString(), "-o", output.toString(),
                "--format", "docx",
                "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("2023-办公经费.docx", "report.json", "全部自评表.pdf", "项目支出绩效自评汇总表.pdf",
                "项目支出绩效自评汇总表.xlsx"), fileNames(output));
    }

    @Test
    void aMissingTemplatesDirectoryStopsTheRunWithOneClearLine() throws IOException {
        Path templates = directory.resolve("no-templates");
        String[] args = {"render", write("office.json", OFFICE).toString(), "-o", directory.resolve("out").toString(),
                "--templates", templates.toString()};
        Jixiao.Run run = Jixiao.run(args);
        assertEquals(3, run.exitCode());
        assertOneLineNaming(run, templates.toString());
        Jixiao.Run debug = Jixiao.run(Stream.concat(Stream.of(args), Stream.of("--debug")).toArray(String[]::new));
        assertEquals(3, debug.exitCode());
        assertEquals(run.errLines().get(0), debug.errLines().get(0), "--debug says the same first");
        assertTrue(debug.err().contains("\tat cn.jixiao."), "and then shows the stack trace:\n" + debug.err());
        assertFalse(Files.exists(directory.resolve("out")), "nothing is written");
    }

    @Test
    void aFontFamilyThatIsNotInstalledStopsTheRunWithOneClearLine() throws IOException {
        Jixiao.Run run = Jixiao.run("render", write("office.json", OFFICE).toString(), "-o", directory.resolve("out").toString(),
                "--font", "仿宋_GB2312");
        assertEquals(3, run.exitCode());
        assertOneLineNaming(run, "仿宋_GB2312");
        assertTrue(run.err().contains("Noto Serif SC"), "it lists the families there are: " + run.err());
    }

    @Test
    void anOutputDirectoryThatIsAFileStopsTheRunWithOneClearLine() throws IOException {
        Path file = write("taken", "not a directory");
        Jixiao.Run run = Jixiao.run("render", write("office.json", OFFICE).toString(), "-o", file.toString());
        assertEquals(3, run.exitCode());
        assertOneLineNaming(run, file.toString());
        assertEquals("jixiao: " + file + ": exists and is not a directory", run.errLines().get(0));
    }

    /** Standard error holds one line, {@code jixiao: …}, naming what to fix, and no stack trace. */
    private static void assertOneLineNaming(Jixiao.Run run, String named) {
        assertEquals(1, run.errLines().size(), "one line:\n" + run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("jixiao: "), line);
        assertTrue(line.contains(named), "the line names " + named + ": " + line);
        assertFalse(line.contains("Exception"), "no exception class: " + line);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
