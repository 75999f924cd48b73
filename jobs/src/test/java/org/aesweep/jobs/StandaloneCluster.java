package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.aesweep.testing.RealData;

/**
 * A real Spark standalone cluster (Master and Workers as separate JVMs) started and stopped with
 * submit/spark-cluster.sh, and jobs submitted to it through Spark's own SparkSubmit.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final long TIMEOUT_MINUTES = 10;

    private final Path script;
    private final Path logDir;
    private final String masterUrl;

    private StandaloneCluster(Path script, Path logDir, String masterUrl) {
        this.script = script;
        this.logDir = logDir;
        this.masterUrl = masterUrl;
    }

    /** Starts a cluster; {@code startArguments} go to {@code spark-cluster.sh start}. */
    static StandaloneCluster start(Path logDir, String... startArguments) throws Exception {
        Path script = RealData.repository().resolve("submit/spark-cluster.sh");
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "start"));
        command.addAll(List.of(startArguments));
        Files.createDirectories(logDir);
        List<String> output = run(command, logDir.resolve("start.log"));
        return new StandaloneCluster(script, logDir, output.get(output.size() - 1).trim());
    }

    String masterUrl() {
        return masterUrl;
    }

    /** Runs SparkSubmit in client mode with {@code arguments}; returns its exit code. */
    int submit(String logName, List<String> arguments) throws Exception {
        return waitFor(start(logName, arguments), logName);
    }

    /** Starts SparkSubmit in client mode (the script execs the driver JVM, so this is the driver). */
    Process start(String logName, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "submit", "--master", masterUrl));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logDir.resolve(logName).toFile()).start();
    }

    int waitFor(Process process, String logName) throws InterruptedException {
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("spark-submit did not finish; see " + logDir.resolve(logName));
        }
        return process.exitValue();
    }

    String log(String logName) throws IOException {
        return Files.readString(logDir.resolve(logName), StandardCharsets.UTF_8);
    }

    /** The end of a submission's log, for assertion messages. */
    String tail(String logName) {
        try {
            String log = log(logName);
            return log.substring(Math.max(0, log.length() - 4000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws Exception {
        run(List.of("bash", script.toString(), "stop"), logDir.resolve("stop.log"));
    }

    private static List<String> run(List<String> command, Path log) throws Exception {
        Path stdout = Files.createTempFile("spark-cluster", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        Files.delete(stdout);
        assertEquals(0, process.exitValue(), command + " failed; see " + log);
        return lines;
    }
}
