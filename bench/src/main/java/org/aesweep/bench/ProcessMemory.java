package org.aesweep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak resident set of this JVM, heap and ND4J's off-heap arrays together, as Linux reports it
 * (VmHWM in /proc/self/status); NaN where there is no such file.
 */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    public static double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
