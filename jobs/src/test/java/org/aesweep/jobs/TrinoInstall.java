package org.aesweep.jobs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Trino server and the Java it runs on, as submit/fetch-trino.sh installed them and the build
 * passes them in ({@code aesweep.trino.home}, {@code aesweep.trino.java}; submit/test.sh sets both).
 * A test that needs Trino fails, rather than skips, when they are missing: a skipped check would read
 * as a passed one.
 */
record TrinoInstall(Path home, Path javaHome) {
    static final String HOME_PROPERTY = "aesweep.trino.home";
    static final String JAVA_PROPERTY = "aesweep.trino.java";
    private static final int MIN_JAVA = 24;
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static final String HOW = "run submit/fetch-trino.sh, then pass its two output lines to Maven as -D"
            + HOME_PROPERTY + "=<line 1> -D" + JAVA_PROPERTY + "=<line 2> (submit/test.sh does both)";

    static TrinoInstall fromSystemProperties() {
        Path home = requiredDirectory(HOME_PROPERTY);
        Path javaHome = requiredDirectory(JAVA_PROPERTY);
        if (!Files.isExecutable(home.resolve("bin/launcher")) || !Files.isDirectory(home.resolve("plugin/iceberg"))) {
            fail(home + " is not a Trino server home with the Iceberg plugin: " + HOW);
        }
        int major = javaMajor(javaHome);
        if (major < MIN_JAVA) {
            fail(javaHome + " is Java " + major + "; Trino needs " + MIN_JAVA + " or newer: " + HOW);
        }
        return new TrinoInstall(home, javaHome);
    }

    private static Path requiredDirectory(String property) {
        String value = System.getProperty(property, "").trim();
        if (value.isEmpty() || value.startsWith("${")) {
            fail("system property " + property + " is not set: " + HOW);
        }
        Path path = Path.of(value);
        if (!Files.isDirectory(path)) {
            fail(property + "=" + value + " is not a directory: " + HOW);
        }
        return path;
    }

    /** The major version a JDK's release file names (no JVM start), or 0 when it names none. */
    private static int javaMajor(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isExecutable(javaHome.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return 0;
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
