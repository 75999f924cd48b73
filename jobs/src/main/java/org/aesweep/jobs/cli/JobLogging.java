package org.aesweep.jobs.cli;

import java.net.URISyntaxException;
import java.net.URL;
import java.util.Arrays;

import org.apache.logging.log4j.core.config.Configurator;

/**
 * Keeps Spark's INFO chatter out of a job's console: unless the job got {@code --verbose}, or its
 * launcher named a log4j2 configuration file, the driver switches to conf/log4j2.properties (packed
 * into the jar), where aesweep logs at INFO and Spark, Hadoop, Parquet and DL4J only warn. It must
 * run before the Spark session starts: Spark installs its INFO defaults only when log4j2 has no
 * configuration of its own.
 */
final class JobLogging {
    private static final String CONFIGURATION_PROPERTY = "log4j2.configurationFile";

    private JobLogging() {
    }

    static void configure(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--" + JobCommandLine.VERBOSE);
        if (verbose || System.getProperty(CONFIGURATION_PROPERTY) != null) {
            return;
        }
        URL quiet = JobLogging.class.getResource("log4j2.properties");
        try {
            Configurator.reconfigure(quiet.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + quiet, e);
        }
    }
}
