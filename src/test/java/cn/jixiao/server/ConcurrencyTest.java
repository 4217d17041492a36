package cn.jixiao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jixiao.testing.Examples;
import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** Many clients at once each get their whole document, and the service still answers afterwards. */
class ConcurrencyTest {

    static final int CLIENTS = 8;
    static final int RENDERS_PER_CLIENT = 100;

    @Test
    void eightClientsRenderingAHundredFormsEachGetEveryPdfWhole() throws Exception {
        ObjectMapper json = new ObjectMapper();
        byte[] body = json.writeValueAsBytes(json.readTree(Files.readAllBytes(Examples.FILE)).get(0));
        try (Service service = Service.start(TestEngine.allFormats(), ServiceTest.settings(null),
                new PrintStream(OutputStream.nullOutputStream()))) {
            URI render = URI.create("http://127.0.0.1:" + service.port() + "/api/render?format=pdf");
            HttpClient client = HttpClient.newHttpClient();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Integer>> wholePdfs = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                wholePdfs.add(clients.submit(() -> {
                    int whole = 0;
                    for (int i = 0; i < RENDERS_PER_CLIENT; i++) {
                        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(render)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofByteArray());
                        assertEquals(200, response.statusCode(), new String(response.body()));
                        try (PDDocument pdf = Loader.loadPDF(response.body())) {
                            assertEquals(1, pdf.getNumberOfPages());
                        }
                        whole++;
                    }
                    return whole;
                }));
            }
            int total = 0;
            for (Future<Integer> answered : wholePdfs) {
                total += answered.get();
            }
            clients.shutdown();
            assertEquals(CLIENTS * RENDERS_PER_CLIENT, total);
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.port() + "/health")).build(), BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("ok"));
        }
    }
}
