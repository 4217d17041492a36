package cn.jixiao.server;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A measuring harness, not a test: posts hostile uploads to a running {@code jixiao serve} and reports how much heap
 * the server's JVM took for them, and whether it kept serving.
 *
 * <pre>
 * java -Xmx256m -jar target/jixiao.jar serve --port 18080 &amp;
 * mvn -B -o -q test-compile
 * java -cp target/test-classes:target/jixiao.jar cn.jixiao.server.HostileUploads \
 *      http://127.0.0.1:18080 SERVER_PID [CASE]
 * </pre>
 *
 * <p>It lives in test scope because it makes hostile files with POI and reads the server's memory through the JDK's
 * Attach API (its local management agent), neither of which a user of jixiao needs. For each kind of hostile upload it
 * sends one, then 8 at once, and prints per round: the answers (status and error code), the seconds taken, the largest
 * heap in use polled every 10 ms (garbage included, so near the maximum whenever the collector is busy), the largest
 * heap left after any collection (the memory really held; from the JVM's own garbage collection notifications), the
 * collections of each collector, and whether {@code /health} answers afterwards. The files are made once into
 * {@code /tmp/jixiao-hostile/}. With {@code CASE}, only the kinds whose name contains it are sent (such as
 * {@code "7 MB sheet"}).
 */
public final class HostileUploads {

    private static final int CONCURRENT = 8;
    /** What the files aim at: just under the service's default body limit of 20 MB, multipart framing included. */
    private static final long FILE_BYTES = 19L << 20;
    private static final Path FILES = Path.of(System.getProperty("java.io.tmpdir"), "jixiao-hostile");

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final MBeanServerConnection server;
    private final MemoryMXBean memory;
    private final AtomicLong maxUsed = new AtomicLong();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final Map<String, Long> collections = new TreeMap<>();

    private HostileUploads(URI base, MBeanServerConnection server) throws Exception {
        this.base = base;
        this.server = server;
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        for (ObjectName collector : server.queryNames(new ObjectName(
                ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"), null)) {
            server.addNotificationListener(collector, this::collected, null, null);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: HostileUploads BASE_URL SERVER_PID [CASE]");
            System.exit(2);
        }
        VirtualMachine vm = VirtualMachine.attach(args[1]);
        String address = vm.startLocalManagementAgent();
        vm.detach();
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            HostileUploads harness = new HostileUploads(URI.create(args[0]), connector.getMBeanServerConnection());
            harness.run(args.length == 3 ? args[2] : "");
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> !pool.getKey().contains("Metaspace") && !pool.getKey().contains("CodeHeap")
                        && !pool.getKey().contains("Compressed Class"))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
        maxAfterGc.accumulateAndGet(after, Math::max);
        synchronized (collections) {
            collections.merge(info.getGcName(), 1L, Long::sum);
        }
    }

    /** @param only the kinds of upload to send: those whose name contains it */
    private void run(String only) throws Exception {
        Files.createDirectories(FILES);
        MemoryUsage heap = memory.getHeapMemoryUsage();
        System.out.printf(Locale.ROOT, "server %s, heap max %d MB; %d processors here%n", base, heap.getMax() >> 20,
                Runtime.getRuntime().availableProcessors());
        List<Case> cases = List.of(
                new Case("xlsx zip bomb within POI's ratio", "/api/validate", "bomb.xlsx",
                        out -> HostileFiles.zipBomb(out, FILE_BYTES, 60)),
                new Case("xlsx of one 7 MB sheet, within every limit", "/api/validate", "sheet.xlsx",
                        out -> HostileFiles.zipBomb(out, 0, 7)),
                new Case("docx of 10,000 entries", "/api/validate", "entries.docx",
                        out -> HostileFiles.manyEntries(out, 10_000, FILE_BYTES)),
                // A NumberRecord is 18 bytes, a row's share of the rest about 30: 51,084 rows of 20 numbers, in 11
                // sheets each within a form's 5,000 rows.
                new Case("xls (HSSF) of 19 MB", "/api/validate", "big.xls",
                        out -> HostileFiles.manyCells(out, 11, (int) (FILE_BYTES / (20 * 18 + 30)) / 11, 20)),
                new Case("JSON body of 19 MB", "/api/validate", null, out -> HostileFiles.denseJson(out, FILE_BYTES)));
        for (Case hostile : cases.stream().filter(c -> c.name.contains(only)).toList()) {
            Path file = hostile.file();
            System.out.printf(Locale.ROOT, "%n== %s: %s, %d bytes, POST %s%n", hostile.name, file.getFileName(),
                    Files.size(file), hostile.path);
            for (int clients : new int[] {1, CONCURRENT}) {
                try {
                    round(hostile, clients);
                } catch (Exception | Error e) {
                    System.out.printf(Locale.ROOT, "  %d at once: the harness lost the server (%s)%n", clients, e);
                }
            }
        }
    }

    /** Sends the upload {@code clients} times at once and prints what the server answered and what it cost. */
    private void round(Case hostile, int clients) throws Exception {
        memory.gc();
        Thread.sleep(500);
        maxUsed.set(0);
        maxAfterGc.set(0);
        synchronized (collections) {
            collections.clear();
        }
        for (ObjectName pool : server.queryNames(new ObjectName(ManagementFactory.MEMORY_POOL_MXBEAN_DOMAIN_TYPE
                + ",*"), null)) {
            ManagementFactory.newPlatformMXBeanProxy(server, pool.toString(), MemoryPoolMXBean.class).resetPeakUsage();
        }
        long baseline = memory.getHeapMemoryUsage().getUsed();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    maxUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.out.println("  memory poll failed: " + e);
                    return;
                }
            }
        });
        poller.setDaemon(true);
        poller.start();
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            answers.add(senders.submit(() -> send(hostile)));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Future<String> answer : answers) {
            outcomes.merge(answer.get(), 1, Integer::sum);
        }
        senders.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(200); // the last collection's notification
        poller.interrupt();
        poller.join();
        long poolPeaks = 0;
        for (ObjectName pool : server.queryNames(new ObjectName(ManagementFactory.MEMORY_POOL_MXBEAN_DOMAIN_TYPE
                + ",*"), null)) {
            MemoryPoolMXBean bean = ManagementFactory.newPlatformMXBeanProxy(server, pool.toString(),
                    MemoryPoolMXBean.class);
            if (bean.getType() == MemoryType.HEAP) {
                poolPeaks += bean.getPeakUsage().getUsed();
            }
        }
        String health;
        try {
            health = String.valueOf(client.send(HttpRequest.newBuilder(base.resolve("/health"))
                    .timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString()).statusCode());
        } catch (IOException e) {
            health = "no answer (" + e.getClass().getSimpleName() + ")";
        }
        synchronized (collections) {
            System.out.printf(Locale.ROOT, "  %d at once: %s in %.1f s; heap before %d MB, max in use %d MB (sum of"
                            + " pool peaks %d MB), max after a collection %d MB; collections %s; /health %s%n",
                    clients, outcomes, seconds, baseline >> 20, maxUsed.get() >> 20, poolPeaks >> 20,
                    maxAfterGc.get() >> 20, collections, health);
        }
    }

    /** One upload; its outcome as "STATUS code", or the failure of the connection. */
    private String send(Case hostile) {
        Path file = hostile.file();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(hostile.path))
                    .timeout(Duration.ofSeconds(180));
            if (hostile.fileName == null) {
                request.header("Content-Type", "application/json").POST(BodyPublishers.ofFile(file));
            } else {
                String boundary = "----jixiao-hostile-" + Long.toHexString(System.nanoTime());
                byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + hostile.fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(BodyPublishers.concat(BodyPublishers.ofByteArray(head), BodyPublishers.ofFile(file),
                                BodyPublishers.ofByteArray(tail)));
            }
            HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
            String body = response.body();
            int code = body.indexOf("\"error\":\"");
            String error = code < 0 ? "" : " " + body.substring(code + 9, body.indexOf('"', code + 9));
            if (response.statusCode() >= 400) {
                synchronized (this) {
                    System.out.println("  answer: " + response.statusCode() + " "
                            + body.substring(0, Math.min(body.length(), 300)));
                }
            }
            return response.statusCode() + error;
        } catch (IOException | InterruptedException e) {
            return "failed: " + e.getClass().getSimpleName() + " " + e.getMessage();
        }
    }

    /** A hostile upload: how to make it, where to send it, under which name (none: sent as a JSON body). */
    private record Case(String name, String path, String fileName, HostileFiles.Maker maker) {
        Path file() {
            Path file = FILES.resolve(fileName != null ? fileName : "dense.json");
            try {
                if (!Files.exists(file)) {
                    Path partial = Files.createTempFile(FILES, "making-", ".tmp");
                    try (OutputStream out = Files.newOutputStream(partial)) {
                        maker.make(out);
                    }
                    Files.move(partial, file);
                }
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

}
