package cn.jixiao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.testing.Examples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code jixiao serve} in a process of its own, stopped with SIGTERM while a request is being rendered: it takes no
 * new connection, answers the request in flight in full, and exits with 0.
 */
class GracefulStopTest {

    private static final int BATCH = 100;
    private static final Pattern SERVING = Pattern.compile("jixiao: serving on http://127\\.0\\.0\\.1:(\\d+)/.*");

    @Test
    void sigtermLetsTheRequestInFlightFinishAndExitsWithZero() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "cn.jixiao.cli.Main", "serve", "--port", "0", "--time-limit", "600", "--templates", "templates",
                "--fonts", "fonts"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            LinkedBlockingQueue<String> log = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> readLines(server.getErrorStream(), log), "server stderr");
            reader.setDaemon(true);
            reader.start();
            int port = awaitPort(log);

            ObjectMapper json = new ObjectMapper();
            JsonNode examples = json.readTree(Files.readAllBytes(Examples.FILE));
            HttpClient client = HttpClient.newHttpClient();
            URI render = URI.create("http://127.0.0.1:" + port + "/api/render");
            // A first render loads what rendering needs, so that the next request reaches its handler at once.
            assertEquals(200, client.send(post(render, json.writeValueAsBytes(examples.get(0))),
                    BodyHandlers.discarding()).statusCode());

            // A batch of 100 forms renders on one thread for seconds: SIGTERM comes while it renders.
            ArrayNode batch = json.createArrayNode();
            for (int copy = 0; copy < BATCH / examples.size(); copy++) {
                batch.addAll((ArrayNode) examples);
            }
            CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(post(render,
                    json.writeValueAsBytes(batch)), BodyHandlers.ofByteArray());
            Thread.sleep(500);
            server.destroy(); // SIGTERM
            awaitRefused(port);

            HttpResponse<byte[]> response = answer.get(10, TimeUnit.MINUTES);
            assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            List<String> entries = ServiceTest.entries(response.body());
            assertEquals(BATCH + 4, entries.size(), "a PDF per form, the combined PDF, the summary PDF and XLSX, "
                    + "the report: " + entries);
            assertTrue(entries.contains("report.json"), entries.toString());
            assertTrue(server.waitFor(2, TimeUnit.MINUTES), "the server stopped");
            assertEquals(0, server.exitValue());
            assertTrue(log.stream().anyMatch(line -> line.matches(".* POST /api/render 200 .*")), log.toString());
        } finally {
            server.destroyForcibly();
        }
    }

    private static int awaitPort(LinkedBlockingQueue<String> log) throws InterruptedException {
        while (true) {
            // Starting compiles the templates when their cache is cold: minutes on a loaded machine.
            String line = log.poll(10, TimeUnit.MINUTES);
            if (line == null) {
                throw new AssertionError("the server did not start");
            }
            Matcher serving = SERVING.matcher(line);
            if (serving.matches()) {
                return Integer.parseInt(serving.group(1));
            }
        }
    }

    /** Waits until the port takes no more connections: the server has begun to stop. */
    private static void awaitRefused(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.sleep(100);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the server still takes connections a minute after SIGTERM");
    }

    private static void readLines(InputStream in, LinkedBlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(stderr closed: " + e + ")");
        }
    }

    private static HttpRequest post(URI uri, byte[] json) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
    }
}
