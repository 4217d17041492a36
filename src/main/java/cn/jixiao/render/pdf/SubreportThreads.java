package cn.jixiao.render.pdf;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jasperreports.engine.fill.JRBaseFiller;
import net.sf.jasperreports.engine.fill.JRFillSubreport;
import net.sf.jasperreports.engine.fill.JRSubreportRunner;
import net.sf.jasperreports.engine.fill.JRSubreportRunnerFactory;
import net.sf.jasperreports.engine.fill.ThreadExecutorSubreportRunner;

/**
 * Fills the indicator table (the subreport {@code form-indicators.jrxml}) on threads shared by every form of the run.
 * JasperReports fills a subreport on a thread of its own, so that the subreport can stop at the end of a page and go on
 * on the next; its default runner makes a new thread pool for each fill, that is a new thread for every form, and
 * shuts it down when the form is filled. This runner is JasperReports' own; only the pool is kept: a thread that
 * finished one form's table fills the next form's, and an idle thread ends after a minute. A fill that fails stops
 * its subreport's thread as before ({@code JRBaseFiller} interrupts it), so no thread is left waiting.
 */
public final class SubreportThreads implements JRSubreportRunnerFactory {

    /** The name of the threads, as a thread dump shows them. */
    static final String THREAD_NAME = "indicator table";

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public JRSubreportRunner createSubreportRunner(JRFillSubreport fillSubreport, JRBaseFiller subreportFiller) {
        return new ThreadExecutorSubreportRunner(fillSubreport, subreportFiller, THREADS);
    }
}
