package org.aesweep.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data sets that submit/fetch-data.sh installs under the repository's data/ directory, for
 * the tests of every module (each runs in its module's directory, one below the repository).
 */
public final class RealData {
    private RealData() {
    }

    public static Path root() {
        Path root = Path.of("..", "data").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(root.resolve("fashion-mnist")),
                "real data missing under " + root + ": run submit/fetch-data.sh (submit/test.sh does)");
        return root;
    }

    public static Path repository() {
        return Path.of("..").toAbsolutePath().normalize();
    }
}
