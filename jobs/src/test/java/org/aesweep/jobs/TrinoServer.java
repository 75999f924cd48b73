package org.aesweep.jobs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Trino server, a child process of the test JVM, that reads the Iceberg tables
 * of one JDBC catalog on a SQLite file through Trino's Iceberg connector, as the catalog {@code aesweep}.
 * Table names given to its helpers are {@code schema.table} (e.g. {@code sweeps.runs}).
 */
final class TrinoServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_CHARS = 6000;

    private final Process process;
    private final Path log;
    private final TrinoClient client;
    private final Thread stopOnExit;

    private TrinoServer(Process process, Path log, TrinoClient client) {
        this.process = process;
        this.log = log;
        this.client = client;
        // A test JVM that ends without close() (a crash, a kill by the build) must not leave Trino behind.
        this.stopOnExit = new Thread(this::stop, "stop-trino");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts Trino (configuration, data and log under {@code workDir}) over the catalog in
     * {@code catalogDb} whose default warehouse is {@code warehouse}, and waits until it serves queries.
     */
    static TrinoServer start(TrinoInstall install, Path catalogDb, Path warehouse, Path workDir) throws Exception {
        int port = freePort();
        Path dataDir = Files.createDirectories(workDir.resolve("data"));
        Path etc = TrinoEtc.write(workDir, dataDir, port, catalogDb, warehouse);
        Path log = workDir.resolve("trino.log");
        // The launcher (a native program, no Python) turns etc/ into the java command line and
        // replaces itself with the JVM in the foreground.
        Process process = new ProcessBuilder(install.home().resolve("bin/launcher").toString(),
                "--etc-dir=" + etc, "--data-dir=" + dataDir, "--jvm-dir=" + install.javaHome(), "run")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        TrinoServer server = new TrinoServer(process, log,
                new TrinoClient(URI.create("http://127.0.0.1:" + port), TrinoEtc.CATALOG, QUERY_TIMEOUT));
        try {
            server.awaitStarted();
            return server;
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
    }

    TrinoResult query(String sql) throws IOException, InterruptedException {
        return client.execute(sql);
    }

    /** Column name to Trino type for {@code table}, in the table's order (DESCRIBE). */
    Map<String, String> columnTypes(String table) throws IOException, InterruptedException {
        Map<String, String> types = new LinkedHashMap<>();
        for (List<Object> row : query("DESCRIBE " + table).rows()) {
            types.put((String) row.get(0), (String) row.get(1));
        }
        return types;
    }

    long count(String table) throws IOException, InterruptedException {
        return ((Number) query("SELECT count(*) FROM " + table).single()).longValue();
    }

    /** Row counts of {@code table} by the value of {@code column} (e.g. sweep_id), sorted by value. */
    Map<Object, Long> countsBy(String table, String column) throws IOException, InterruptedException {
        Map<Object, Long> counts = new LinkedHashMap<>();
        for (List<Object> row : query("SELECT " + column + ", count(*) FROM " + table + " GROUP BY 1 ORDER BY 1").rows()) {
            counts.put(row.get(0), ((Number) row.get(1)).longValue());
        }
        return counts;
    }

    /** Up to {@code limit} rows of {@code table}, every column. */
    TrinoResult rows(String table, int limit) throws IOException, InterruptedException {
        return query("SELECT * FROM " + table + " LIMIT " + limit);
    }

    /** The tables Trino lists in {@code schema}, sorted. */
    List<String> tables(String schema) throws IOException, InterruptedException {
        return query("SHOW TABLES FROM " + schema).rows().stream().map(row -> (String) row.get(0)).sorted().toList();
    }

    /** The end of the server's log, for assertion messages. */
    String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.substring(Math.max(0, text.length() - LOG_TAIL_CHARS));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run stop().
        }
    }

    /**
     * Waits until the server says it has started and then until its scheduler sees a node: /v1/info
     * reports started before the coordinator has registered itself as a worker, and a query in that
     * gap fails with NO_NODES_AVAILABLE (seen on a loaded machine).
     */
    private void awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!client.started() || !hasActiveNode()) {
            if (!process.isAlive()) {
                throw new AssertionError("Trino exited with " + process.exitValue() + " while starting; its log ("
                        + log + ") ends:\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Trino did not start within " + START_TIMEOUT + "; its log (" + log
                        + ") ends:\n" + logTail());
            }
            Thread.sleep(500);
        }
    }

    private boolean hasActiveNode() throws InterruptedException {
        try {
            TrinoResult nodes = client.execute("SELECT count(*) FROM system.runtime.nodes WHERE state = 'active'");
            return ((Number) nodes.rows().get(0).get(0)).longValue() > 0;
        } catch (IllegalStateException | IOException e) {
            // Not schedulable yet (NO_NODES_AVAILABLE) or not answering: the caller waits and asks again.
            return false;
        }
    }

    /** SIGTERM (Trino shuts down gracefully), then SIGKILL; the launcher's children too, should it fork. */
    private void stop() {
        List<ProcessHandle> tree = process.toHandle().descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
