package cn.jixiao.bench;

import cn.jixiao.engine.FormEngine;
import cn.jixiao.server.Service;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the service as its clients see it: one-project PDF renders over HTTP with 1, 8 and 32 clients at once,
 * each sending its next request when the last is answered. Prints per level the latency percentiles (p50, p99, max),
 * the throughput and how many requests were refused (503). The service runs in this JVM on a free loopback port,
 * with the default renders at once and a queue of 64, so that the clients of the largest level wait rather than being
 * refused; clients and service share the machine's processors.
 */
public final class ServiceBenchmark {

    /**
     * @param clients  the numbers of clients at once to measure, e.g. 1, 8, 32
     * @param requests requests per level, spread over its clients
     * @param warmup   requests sent first and not timed, so that the JIT has compiled the hot paths
     */
    public record Settings(Path examples, List<Integer> clients, int requests, int warmup) {
    }

    private final FormEngine.Settings engineSettings;
    private final Settings settings;
    private final PrintWriter out;

    public ServiceBenchmark(FormEngine.Settings engineSettings, Settings settings, PrintWriter out) {
        this.engineSettings = engineSettings;
        this.settings = settings;
        this.out = out;
    }

    public void run() throws Exception {
        ObjectMapper json = new ObjectMapper();
        byte[] body = json.writeValueAsBytes(json.readTree(Files.readAllBytes(settings.examples())).get(0));
        Service.Settings service = new Service.Settings("127.0.0.1", 0, null,
                Service.Settings.DEFAULT_MAX_BODY_BYTES, Service.Settings.defaultRenders(), 64,
                Service.Settings.DEFAULT_TIME_LIMIT);
        out.printf(Locale.ROOT, "jixiao service benchmark: Java %s, %d processors, %d renders at once, queue %d, "
                        + "one-project PDF (%d bytes of JSON) per request%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), service.renders(), service.queue(), body.length);
        try (Service running = Service.start(FormEngine.start(engineSettings), service,
                new PrintStream(OutputStream.nullOutputStream()))) {
            URI render = URI.create("http://127.0.0.1:" + running.port() + "/api/render?format=pdf");
            HttpClient client = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();
            measure(client, render, body, 8, settings.warmup());
            out.printf(Locale.ROOT, "warm-up: %d requests from 8 clients%n%n", settings.warmup());
            out.println("clients  requests   p50 ms   p99 ms   max ms   requests/s   refused (503)");
            for (int clients : settings.clients()) {
                Level level = measure(client, render, body, clients, settings.requests());
                out.printf(Locale.ROOT, "%7d %9d %8.1f %8.1f %8.1f %12.1f %15d%n", clients, level.answered(),
                        level.percentile(50), level.percentile(99), level.percentile(100), level.throughput(),
                        level.refused());
                out.flush();
            }
        }
    }

    /** One level's answers: the milliseconds of each 200, the 503s, and the wall time. */
    private record Level(double[] milliseconds, int refused, double seconds) {
        int answered() {
            return milliseconds.length;
        }

        double percentile(int p) {
            if (milliseconds.length == 0) {
                return Double.NaN;
            }
            double[] sorted = milliseconds.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }

        double throughput() {
            return milliseconds.length / seconds;
        }
    }

    private static Level measure(HttpClient client, URI render, byte[] body, int clients, int requests)
            throws Exception {
        AtomicInteger left = new AtomicInteger(requests);
        AtomicInteger refused = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<Future<List<Double>>> perClient = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            perClient.add(threads.submit(() -> {
                List<Double> times = new ArrayList<>();
                while (left.getAndDecrement() > 0) {
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(render)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofByteArray());
                    if (response.statusCode() == 503) {
                        refused.incrementAndGet();
                    } else if (response.statusCode() != 200) {
                        throw new IOException("the service answered " + response.statusCode());
                    } else {
                        times.add((System.nanoTime() - sent) / 1e6);
                    }
                }
                return times;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> times : perClient) {
            all.addAll(times.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        return new Level(all.stream().mapToDouble(Double::doubleValue).toArray(), refused.get(), seconds);
    }
}
