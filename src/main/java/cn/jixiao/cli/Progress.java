package cn.jixiao.cli;

import cn.jixiao.batch.BatchRun;
import cn.jixiao.batch.ProjectResult;
import cn.jixiao.diagnostics.Diagnostic;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Tells the user how a run goes, on standard error: every warning and error as it comes, and the progress. On a
 * terminal the progress is a bar redrawn in place with count, rate and time left; otherwise (a log, a pipe) it is a
 * plain line at most every {@value #PLAIN_INTERVAL_SECONDS} seconds and at the end, so logs stay readable.
 */
final class Progress implements BatchRun.Listener {

    static final int PLAIN_INTERVAL_SECONDS = 5;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean showProgress;
    private final LongSupplier nanoTime;
    private final long start;
    private int planned;
    private int done;
    private long lastPlainLine;
    private boolean barShown;

    /**
     * @param showProgress false for {@code --quiet}: warnings and errors only
     */
    Progress(PrintWriter err, boolean terminal, boolean showProgress, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.showProgress = showProgress;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastPlainLine = start;
    }

    @Override
    public void planned(int projects) {
        planned = projects;
    }

    @Override
    public void finished(ProjectResult result) {
        done++;
        if (!result.diagnostics().isEmpty()) {
            clearBar();
            for (Diagnostic diagnostic : result.diagnostics()) {
                err.println((diagnostic.isError() ? "error: " : "warning: ") + diagnostic);
            }
        }
        if (!showProgress) {
            err.flush();
            return;
        }
        long now = nanoTime.getAsLong();
        if (terminal) {
            drawBar(now);
        } else if (done == planned || now - lastPlainLine >= PLAIN_INTERVAL_SECONDS * 1_000_000_000L) {
            err.println("jixiao: " + status(now));
            lastPlainLine = now;
        }
        err.flush();
    }

    /** Ends the bar's line so that what follows starts on a line of its own. */
    void close() {
        if (barShown) {
            err.println();
            barShown = false;
        }
        err.flush();
    }

    private void drawBar(long now) {
        int filled = planned == 0 ? BAR_WIDTH : done * BAR_WIDTH / planned;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + status(now) + "  ");
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r" + " ".repeat(BAR_WIDTH + 70) + "\r");
            barShown = false;
        }
    }

    private String status(long now) {
        double seconds = Math.max(now - start, 1) / 1e9;
        double rate = done / seconds;
        String text = String.format(Locale.ROOT, "%d/%d forms, %.1f forms/s", done, planned, rate);
        if (done < planned && rate > 0) {
            long left = Math.round((planned - done) / rate);
            text += String.format(Locale.ROOT, ", about %d:%02d left", left / 60, left % 60);
        }
        return text;
    }
}
