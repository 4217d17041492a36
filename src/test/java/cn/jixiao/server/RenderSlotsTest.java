package cn.jixiao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Beyond the renders at once and the queue, a request is refused at once; a render past the limit is given up. */
class RenderSlotsTest {

    @Test
    void aRequestBeyondTheRendersAndTheQueueIsRefusedWith503AndRetryAfter() throws Exception {
        try (RenderSlots slots = new RenderSlots(1, 1, Duration.ofMinutes(1))) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> rendering = CompletableFuture.supplyAsync(() -> call(slots, () -> {
                running.countDown();
                release.await();
                return "first";
            }));
            running.await();
            CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> call(slots, () -> "second"));
            awaitQueued(slots);
            ApiException refused = assertThrows(ApiException.class, () -> slots.run(() -> "third"));
            assertEquals(503, refused.status);
            assertEquals("busy", refused.code);
            assertEquals(String.valueOf(RenderSlots.RETRY_AFTER_SECONDS), refused.headers.get("Retry-After"));
            release.countDown();
            assertEquals("first", rendering.get());
            assertEquals("second", waiting.get());
            assertEquals("fourth", slots.run(() -> "fourth"), "once the renders end, requests are taken again");
        }
    }

    @Test
    void aRenderPastTheTimeLimitIsAnswered503AndInterrupted() throws Exception {
        try (RenderSlots slots = new RenderSlots(1, 0, Duration.ofMillis(200))) {
            CountDownLatch interrupted = new CountDownLatch(1);
            ApiException late = assertThrows(ApiException.class, () -> slots.run(() -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return "never";
            }));
            assertEquals(503, late.status);
            assertEquals("time-limit", late.code);
            assertTrue(late.getMessage().contains("limit"), late.getMessage());
            interrupted.await();
        }
    }

    /** Waits until a second request holds the queue's place. */
    private static void awaitQueued(RenderSlots slots) throws InterruptedException {
        while (slots.admittedCount() < 2) {
            Thread.sleep(10);
        }
    }

    private static <T> T call(RenderSlots slots, Callable<T> work) {
        try {
            return slots.run(work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
