package cn.jixiao.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps renders from taking the service down: at most {@code renders} run at once, on threads of their own, and at
 * most {@code queue} more wait for a turn; a request beyond that is refused at once with 503 and {@code Retry-After},
 * rather than piling up in memory. A render that does not end within the time limit (counted from the request's
 * arrival, its wait included) is answered with 503 and interrupted; its thread stays taken until it really ends, so
 * the number of renders at once holds even then.
 */
final class RenderSlots implements AutoCloseable {

    /** Seconds a refused client is asked to wait: about what a few renders in the queue take. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final ExecutorService renderers;
    private final Semaphore admitted;
    private final Duration timeLimit;
    private final int renders;
    private final int queue;

    RenderSlots(int renders, int queue, Duration timeLimit) {
        this.renders = renders;
        this.queue = queue;
        AtomicInteger number = new AtomicInteger();
        this.renderers = Executors.newFixedThreadPool(renders, task -> {
            Thread thread = new Thread(task, "render-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.admitted = new Semaphore(renders + queue);
        this.timeLimit = timeLimit;
    }

    /** Runs the work on a render thread and returns its result, or throws the {@link ApiException} to answer. */
    <T> T run(Callable<T> work) throws Exception {
        if (!admitted.tryAcquire()) {
            throw new ApiException(503, "busy", "the service is rendering as many forms as it can; try again in "
                    + RETRY_AFTER_SECONDS + " s", Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)), Map.of());
        }
        try {
            Future<T> result = renderers.submit(work);
            try {
                return result.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                result.cancel(true);
                throw new ApiException(503, "time-limit", "the render took longer than the service's limit of "
                        + timeLimit.toSeconds() + " s; send fewer projects at once",
                        Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)), Map.of());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        } finally {
            admitted.release();
        }
    }

    /** Requests rendering or waiting to, now. */
    int admittedCount() {
        return renders + queue - admitted.availablePermits();
    }

    /** Lets running renders end; no new ones start. */
    @Override
    public void close() {
        renderers.shutdown();
    }
}
