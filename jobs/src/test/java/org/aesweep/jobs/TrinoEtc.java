package org.aesweep.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A private configuration directory for one single-node Trino (coordinator and worker in one JVM,
 * bound to 127.0.0.1) with one Iceberg catalog over a JDBC catalog on a SQLite file. Each server
 * gets its own node id and data directory, so tests never share state through the Trino install.
 */
final class TrinoEtc {
    /** Trino's name for the catalog; the same name as the Iceberg catalog Spark writes to. */
    static final String CATALOG = "aesweep";
    /** Modest: the tests' Spark JVMs share the machine's memory with it. */
    private static final String HEAP = "-Xmx2G";

    private TrinoEtc() {
    }

    /** Writes {@code etc/} under {@code workDir} for a server on {@code port}; returns its path. */
    static Path write(Path workDir, Path dataDir, int port, Path catalogDb, Path warehouse) throws IOException {
        Path etc = Files.createDirectories(workDir.resolve("etc"));
        lines(etc.resolve("node.properties"),
                "node.environment=aesweep_test",
                "node.id=" + UUID.randomUUID(),
                "node.data-dir=" + dataDir,
                "node.bind-ip=127.0.0.1",
                "node.internal-address=127.0.0.1");
        lines(etc.resolve("jvm.config"),
                HEAP,
                "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djdk.attach.allowAttachSelf=true",
                "-Dfile.encoding=UTF-8",
                // Java 24+ warns at each library that loads native code without it; Trino's libraries do.
                "--enable-native-access=ALL-UNNAMED",
                // Trino attaches its object-size agent (JOL) at startup and JOL uses sun.misc.Unsafe:
                // allowed, both, so the log starts with Trino's own lines instead of the JDK's warnings.
                "-XX:+EnableDynamicAgentLoading",
                "--sun-misc-unsafe-memory-access=allow");
        lines(etc.resolve("config.properties"),
                "coordinator=true",
                "node-scheduler.include-coordinator=true",
                "http-server.http.port=" + port,
                "discovery.uri=http://127.0.0.1:" + port,
                // No request log: nothing reads it, and it would grow with every poll.
                "http-server.log.enabled=false");
        // Warnings only: the server log is for diagnosing a failed start, and INFO buries them
        // (Bootstrap alone prints every configuration property, a thousand lines).
        lines(etc.resolve("log.properties"),
                "Bootstrap=WARN",
                "org.hibernate.validator=WARN",
                "io.trino=WARN",
                "io.airlift=WARN",
                "org.apache.iceberg=WARN",
                "org.eclipse.jetty=WARN");
        Path catalogs = Files.createDirectories(etc.resolve("catalog"));
        lines(catalogs.resolve(CATALOG + ".properties"),
                "connector.name=iceberg",
                "iceberg.catalog.type=jdbc",
                "iceberg.jdbc-catalog.catalog-name=" + CATALOG,
                "iceberg.jdbc-catalog.driver-class=org.sqlite.JDBC",
                "iceberg.jdbc-catalog.connection-url=jdbc:sqlite:" + catalogDb.toAbsolutePath(),
                "iceberg.jdbc-catalog.default-warehouse-dir=" + warehouse.toAbsolutePath().toUri(),
                // Spark writes file: locations; Trino reads those through its Hadoop-compatible file system.
                "fs.hadoop.enabled=true");
        return etc;
    }

    private static void lines(Path file, String... lines) throws IOException {
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    }
}
