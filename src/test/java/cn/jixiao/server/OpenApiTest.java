package cn.jixiao.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jixiao.testing.TestEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code /openapi.json} describes exactly the routes the service has: none missing, none invented. */
class OpenApiTest {

    @Test
    void theDescriptionServedListsExactlyTheRegisteredRoutes() throws Exception {
        try (Service service = Service.start(TestEngine.allFormats(), ServiceTest.settings(null),
                new PrintStream(OutputStream.nullOutputStream()))) {
            byte[] served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.port() + "/openapi.json")).build(),
                    BodyHandlers.ofByteArray()).body();
            JsonNode openApi = new ObjectMapper().readTree(served);
            assertEquals("3.1.0", openApi.get("openapi").asText());
            Set<String> described = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(
                        method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
            }
            assertEquals(new TreeSet<>(service.routes()), described);
        }
    }
}
