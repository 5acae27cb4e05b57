package dev.podium.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Collects, while open, every log event at ERROR (or WARN) and every event that carries an
 * exception, from all loggers of this JVM: what "no unhandled exception in the logs" is checked against.
 */
public final class LogCapture implements AutoCloseable {

    private final Appender appender;
    private final Logger root;

    private LogCapture(Level threshold) {
        appender = new Appender(threshold);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(context);
        appender.setName("podium-log-capture");
        appender.start();
        root.addAppender(appender);
    }

    public static LogCapture errorsAndExceptions() {
        return new LogCapture(Level.ERROR);
    }

    /** The same, from WARN up: what "is logged as a warning" is checked against. */
    public static LogCapture warningsAndAbove() {
        return new LogCapture(Level.WARN);
    }

    /** Each captured event as one text: logger, message and the exception's first lines. */
    public List<String> events() {
        return List.copyOf(appender.events);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }

    private static final class Appender extends AppenderBase<ILoggingEvent> {
        private final List<String> events = new CopyOnWriteArrayList<>();
        private final Level threshold;

        Appender(Level threshold) {
            this.threshold = threshold;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(threshold) || event.getThrowableProxy() != null) {
                String trace = event.getThrowableProxy() == null ? ""
                        : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()).lines().limit(8).reduce((a, b) -> a + "\n" + b).orElse("");
                events.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage() + trace);
            }
        }
    }
}
