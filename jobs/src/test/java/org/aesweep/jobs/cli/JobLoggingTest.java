package org.aesweep.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The build names conf/log4j2.properties for the tests, so each test sets the property as it needs. */
class JobLoggingTest {
    private static final String PROPERTY = "log4j2.configurationFile";
    private final String launcherConfiguration = System.getProperty(PROPERTY);

    @BeforeEach
    void asLaunchedWithoutAConfigurationFile() {
        System.clearProperty(PROPERTY);
    }

    @AfterEach
    void restoreTheTestRunsLogging() {
        if (launcherConfiguration != null) {
            System.setProperty(PROPERTY, launcherConfiguration);
        }
        Configurator.reconfigure();
    }

    private static Configuration current() {
        return ((LoggerContext) LogManager.getContext(false)).getConfiguration();
    }

    @Test
    void withoutVerboseSparkOnlyWarnsAndAesweepKeepsInfo() {
        Configurator.setRootLevel(Level.INFO);
        JobLogging.configure(new String[] {"--sweep-id", "x"});
        assertEquals(Level.WARN, current().getRootLogger().getLevel());
        assertEquals(Level.INFO, current().getLoggerConfig("org.aesweep.sweep.SweepDriver").getLevel());
        assertFalse(LogManager.getLogger("org.apache.spark.SparkContext").isInfoEnabled());
        assertTrue(LogManager.getLogger("org.aesweep.sweep.SweepDriver").isInfoEnabled());
    }

    @Test
    void verboseLeavesTheLaunchersConfigurationAlone() {
        Configurator.setRootLevel(Level.INFO);
        JobLogging.configure(new String[] {"--sweep-id", "x", "--verbose"});
        assertTrue(LogManager.getLogger("org.apache.spark.SparkContext").isInfoEnabled());
    }

    @Test
    void aConfigurationFileTheLauncherNamedIsRespected() {
        System.setProperty(PROPERTY, "/etc/somewhere/log4j2.properties");
        Configurator.setRootLevel(Level.INFO);
        JobLogging.configure(new String[] {"--sweep-id", "x"});
        assertTrue(LogManager.getLogger("org.apache.spark.SparkContext").isInfoEnabled());
    }
}
