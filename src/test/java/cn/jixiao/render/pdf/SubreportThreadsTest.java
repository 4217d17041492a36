package cn.jixiao.render.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.engine.OutputFormat;
import cn.jixiao.model.Evaluation;
import cn.jixiao.render.RenderException;
import cn.jixiao.testing.Examples;
import cn.jixiao.testing.TestEngine;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The indicator table is a subreport, which JasperReports fills on a thread beside the form's; the forms of a run share
 * those threads instead of each starting its own.
 */
class SubreportThreadsTest {

    @Test
    void formsRenderedOneAfterAnotherShareTheThreadTheirIndicatorTablesFillOn() throws RenderException {
        Set<Thread> before = indicatorTableThreads();
        for (int round = 0; round < 2; round++) {
            for (Evaluation form : Examples.evaluations()) {
                byte[] pdf = TestEngine.pdf().render(form, null).documents().get(OutputFormat.PDF);
                assertTrue(pdf.length > 0, form.projectName() + " is rendered");
            }
        }
        Set<Thread> started = indicatorTableThreads();
        assertFalse(started.isEmpty(), "the indicator tables were filled on the shared threads");
        started.removeAll(before);
        assertTrue(started.size() <= 1, Examples.evaluations().size() * 2 + " forms, one after another, started "
                + started.size() + " threads for their indicator tables");
    }

    private static Set<Thread> indicatorTableThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(SubreportThreads.THREAD_NAME)) {
                threads.add(thread);
            }
        }
        return threads;
    }
}
