package cn.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.batch.ProjectResult;
import cn.jixiao.batch.ProjectResult.Status;
import cn.jixiao.input.ProjectInput;
import cn.jixiao.validation.Diagnostic;
import cn.jixiao.validation.Diagnostic.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a batch prints while it runs: a bar on a terminal, plain periodic lines in a log, nothing with --quiet. */
class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final StringWriter err = new StringWriter();
    private long now;

    @Test
    void inALogProgressIsAPlainLineEveryFiveSecondsAndAtTheEnd() {
        Progress progress = new Progress(new PrintWriter(err), false, true, () -> now);
        progress.planned(10);
        for (int i = 0; i < 10; i++) {
            now += SECOND;
            progress.finished(rendered());
        }
        progress.close();
        List<String> lines = err.toString().lines().toList();
        assertEquals(List.of(
                "jixiao: 5/10 forms, 1.0 forms/s, about 0:05 left",
                "jixiao: 10/10 forms, 1.0 forms/s"), lines);
        assertFalse(err.toString().contains("\r"), "no carriage returns in a log");
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndEndsWithANewLine() {
        Progress progress = new Progress(new PrintWriter(err), true, true, () -> now);
        progress.planned(4);
        for (int i = 0; i < 4; i++) {
            now += SECOND / 2;
            progress.finished(rendered());
        }
        progress.close();
        String output = err.toString();
        assertEquals(4, output.chars().filter(c -> c == '\r').count(), "one redraw per form");
        assertTrue(output.contains("[########################] 4/4 forms, 2.0 forms/s"), output);
        assertTrue(output.endsWith("\n"), "the shell prompt starts on its own line");
    }

    /** The bar's line is wiped (carriage return, blanks, carriage return) and the message takes it, whole. */
    @Test
    void warningsAndErrorsArePrintedOnTheirOwnLinesAboveTheBar() {
        Progress progress = new Progress(new PrintWriter(err), true, true, () -> now);
        progress.planned(2);
        now += SECOND;
        progress.finished(rendered());
        progress.finished(failed("$.indicators[2].weight", "expected a number or text, got an object"));
        progress.close();
        assertTrue(err.toString().contains(" \rerror: in.json: project 2 \"办公经费\": $.indicators[2].weight: "
                + "expected a number or text, got an object\n\r["), err.toString());
    }

    @Test
    void quietShowsOnlyWarningsAndErrors() {
        Progress progress = new Progress(new PrintWriter(err), false, false, () -> now);
        progress.planned(2);
        now += 10 * SECOND;
        progress.finished(rendered());
        progress.finished(failed("$.projectName", "missing required field \"projectName\""));
        progress.close();
        assertEquals(List.of("error: in.json: project 2 \"办公经费\": $.projectName: missing required field "
                + "\"projectName\""), err.toString().lines().toList());
    }

    private static ProjectResult rendered() {
        ProjectInput input = new ProjectInput("in.json", 1, "政府批准聘用人员支出", null, List.of());
        return new ProjectResult(input, Status.RENDERED, List.of(), List.of());
    }

    private static ProjectResult failed(String path, String message) {
        Diagnostic error = new Diagnostic(Severity.ERROR, "in.json", 2, "办公经费", path, message);
        ProjectInput input = new ProjectInput("in.json", 2, "办公经费", null, List.of(error));
        return new ProjectResult(input, Status.FAILED, List.of(), List.of(error));
    }
}
