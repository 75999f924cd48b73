package org.aesweep.jobs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs SQL on a Trino coordinator over its client REST protocol: the statement is POSTed to
 * /v1/statement, and each response page names the next one (nextUri) until the query is done.
 * Pages carry the columns once known and rows in batches, or the query's error.
 */
final class TrinoClient {
    private static final String USER = "aesweep-test";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Busy-server answers that the protocol says to retry after a pause. */
    private static final List<Integer> RETRY_STATUSES = List.of(429, 502, 503, 504);
    private static final int RETRIES = 20;
    private static final TypeReference<List<Object>> ROW = new TypeReference<>() {
    };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI server;
    private final String catalog;
    private final Duration queryTimeout;

    TrinoClient(URI server, String catalog, Duration queryTimeout) {
        this.server = server;
        this.catalog = catalog;
        this.queryTimeout = queryTimeout;
    }

    /** Runs {@code sql} to completion; a query Trino fails throws with Trino's error name and message. */
    TrinoResult execute(String sql) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + queryTimeout.toNanos();
        JsonNode page = send(request(server.resolve("/v1/statement"))
                .header("X-Trino-Catalog", catalog)
                // Timestamps with time zone print in the session's zone: UTC, whatever the machine's.
                .header("X-Trino-Time-Zone", "UTC")
                // Without it Trino treats the client as one from before timestamp(p): it rounds the
                // values to milliseconds and drops the precision from the result's types.
                .header("X-Trino-Client-Capabilities", "PARAMETRIC_DATETIME")
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build());
        List<TrinoResult.Column> columns = null;
        List<List<Object>> rows = new ArrayList<>();
        while (true) {
            JsonNode error = page.get("error");
            if (error != null && !error.isNull()) {
                throw new IllegalStateException("Trino failed " + sql + ": " + error.path("errorName").asText()
                        + ": " + error.path("message").asText());
            }
            if (columns == null && page.has("columns")) {
                columns = new ArrayList<>();
                for (JsonNode column : page.get("columns")) {
                    columns.add(new TrinoResult.Column(column.get("name").asText(), column.get("type").asText()));
                }
            }
            for (JsonNode row : page.path("data")) {
                rows.add(json.convertValue(row, ROW));
            }
            JsonNode next = page.get("nextUri");
            if (next == null || next.isNull()) {
                return new TrinoResult(columns == null ? List.of() : columns, rows);
            }
            if (System.nanoTime() > deadline) {
                cancel(URI.create(next.asText()));
                throw new IllegalStateException("Trino did not finish " + sql + " within " + queryTimeout);
            }
            page = send(request(URI.create(next.asText())).GET().build());
        }
    }

    /** Whether the server has finished starting (GET /v1/info); false while it cannot be reached. */
    boolean started() throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request(server.resolve("/v1/info")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !json.readTree(response.body()).path("starting").asBoolean(true);
        } catch (IOException e) {
            return false;
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("X-Trino-User", USER);
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return json.readTree(response.body());
            }
            if (!RETRY_STATUSES.contains(response.statusCode()) || attempt >= RETRIES) {
                throw new IOException(request.method() + " " + request.uri() + ": HTTP " + response.statusCode()
                        + " " + response.body());
            }
            Thread.sleep(100L * (attempt + 1));
        }
    }

    private void cancel(URI next) {
        try {
            http.send(request(next).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // The server is stopped after a failed test anyway; the timeout is what to report.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
