package org.aesweep.jobs;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.aesweep.sweep.RunTask;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.AppenderLoggingException;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Makes chosen runs throw inside training, without a hook in the library: every finished epoch is
 * logged through {@link RunTask#logEpoch} from inside the training loop (a local run's epoch
 * listener in its task, a parameter-averaged run's loop on the driver), and a log4j appender that
 * does not ignore exceptions passes the one it throws to the caller (log4j lets only its own
 * {@link AppenderLoggingException} through). So the run's training throws as a DL4J error would, and
 * is recorded as a failed run. Executors must share this JVM: local mode only. {@link #fired} says
 * whether the fault happened, so a changed log line cannot turn a test green unnoticed.
 */
final class TrainingFault implements AutoCloseable {
    private static final String LOGGER = RunTask.class.getName();

    private final Thrower appender;
    private final LoggerContext context;

    private TrainingFault(String[] fragments) {
        this.appender = new Thrower(fragments);
        this.context = (LoggerContext) LogManager.getContext(false);
    }

    /**
     * Fails, from now until {@link #close}, the training of every run at the first epoch whose log
     * line (run id, {@link RunTask#describe}, {@code epoch N/M}, losses) contains all of
     * {@code fragments}, e.g. {@code " code=4 "} and {@code " epoch 2/"}.
     */
    static TrainingFault failRuns(String... fragments) {
        TrainingFault fault = new TrainingFault(fragments);
        fault.install();
        return fault;
    }

    /** How many epochs it failed. */
    int fired() {
        return appender.fired.get();
    }

    private void install() {
        appender.start();
        Configuration config = context.getConfiguration();
        config.addAppender(appender);
        // Its own logger at INFO, whatever level the test's log4j configuration gives org.aesweep.
        LoggerConfig logger = new LoggerConfig(LOGGER, Level.INFO, true);
        logger.addAppender(appender, Level.INFO, null);
        config.addLogger(LOGGER, logger);
        context.updateLoggers();
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        config.removeLogger(LOGGER);
        if (config instanceof AbstractConfiguration named) {
            named.removeAppender(appender.getName());
        }
        context.updateLoggers();
        appender.stop();
    }

    private static final class Thrower extends AbstractAppender {
        private final String[] fragments;
        private final AtomicInteger fired = new AtomicInteger();

        Thrower(String[] fragments) {
            super("training-fault", null, null, false, Property.EMPTY_ARRAY);
            this.fragments = fragments.clone();
        }

        @Override
        public void append(LogEvent event) {
            String message = event.getMessage().getFormattedMessage();
            // Only the epoch line is logged from inside training; the run's start line is not, and
            // a fault there would fail the whole task instead of the run.
            if (message.contains(" epoch ") && Arrays.stream(fragments).allMatch(message::contains)) {
                fired.incrementAndGet();
                throw new AppenderLoggingException("injected training failure: " + message);
            }
        }
    }
}
