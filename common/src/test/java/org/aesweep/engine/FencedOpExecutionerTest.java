package org.aesweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class FencedOpExecutionerTest {
    private static final String OPTION = "-Dopexec=" + FencedOpExecutioner.class.getName();

    @Test
    void theTestJvmRunsOpsThroughIt() {
        assertTrue(FencedOpExecutioner.isInstalled(), "tests must run with conf/java17-opens.options");
    }

    /**
     * Gradient checks with a thread allocating beside them and a 4 MB young generation, so that
     * collections fall inside native calls. Through ND4J's own executioner the same child JVM died
     * with SIGSEGV in sd::DataBuffer::primary() in most 30-second runs.
     */
    @Test
    void opsSurviveCollectionsDuringTheirNativeCalls() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx1g", "-Xmn4m", OPTION,
                "-cp", System.getProperty("java.class.path"), GcPressureGradientChecks.class.getName(), "20"))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child did not finish");
        assertEquals(0, child.exitValue(), output.substring(Math.max(0, output.length() - 4000)));
        assertTrue(output.contains("gradient checks run: "), output);
    }
}
