package cn.jixiao.testing;

import cn.jixiao.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs {@code jixiao} in this JVM as a user would run it, and keeps what it printed. */
public final class Jixiao {

    /** What a run printed and returned. */
    public record Run(int exitCode, String out, String err) {

        /** The lines of standard error, where warnings, errors and failures go. */
        public List<String> errLines() {
            return err.lines().toList();
        }

        /** The {@code error: } lines, without that prefix. */
        public List<String> errors() {
            return errLines().stream().filter(line -> line.startsWith("error: "))
                    .map(line -> line.substring("error: ".length())).toList();
        }

        /** The {@code warning: } lines, without that prefix. */
        public List<String> warnings() {
            return errLines().stream().filter(line -> line.startsWith("warning: "))
                    .map(line -> line.substring("warning: ".length())).toList();
        }

        /** Whether anything printed looks like a Java stack trace or an exception's class name. */
        public boolean showsStackTrace() {
            String all = out + err;
            return all.contains("\tat ") || all.contains("Exception") || all.contains("java.lang.");
        }
    }

    private Jixiao() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.commandLine(args)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    public static Run run(List<String> args) {
        return run(args.toArray(String[]::new));
    }
}
