package io.attendance.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Every log event of this JVM from the moment it is opened until it is closed, with the root logger
 * at {@code level} as {@code ATTENDANCE_LOG_LEVEL} sets it and the libraries the jar's logback.xml
 * pins kept at their levels there; as the text a log line could carry: message, arguments,
 * key-value pairs, MDC and stack trace.
 */
final class CapturedLogs implements AutoCloseable {
    /** {@code <logger name="..." level="..."/>} in the jar's logback.xml. */
    private static final Pattern PINNED = Pattern.compile("<logger name=\"([^\"]+)\" level=\"([A-Z]+)\"/>");

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Map<Logger, Level> levelsBefore = new HashMap<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs(Level level) {
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        setLevel(root, level);
        Matcher pinned = PINNED.matcher(productionConfiguration());
        while (pinned.find()) {
            setLevel((Logger) LoggerFactory.getLogger(pinned.group(1)), Level.toLevel(pinned.group(2)));
        }
    }

    private void setLevel(Logger logger, Level level) {
        levelsBefore.put(logger, logger.getLevel());
        logger.setLevel(level);
    }

    private static String productionConfiguration() {
        try (InputStream xml = CapturedLogs.class.getResourceAsStream("/logback.xml")) {
            if (xml == null) {
                throw new IllegalStateException("logback.xml is not on the test class path");
            }
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry a log event. */
    List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(CapturedLogs::text).toList();
        }
    }

    List<String> warnings() {
        synchronized (appender) {
            return appender.list.stream().filter(event -> event.getLevel() == Level.WARN).map(CapturedLogs::text).toList();
        }
    }

    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder()
                .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                .append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
        if (event.getKeyValuePairs() != null) {
            text.append(' ').append(event.getKeyValuePairs());
        }
        if (event.getThrowableProxy() != null) {
            text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return text.toString();
    }

    @Override
    public void close() {
        levelsBefore.forEach(Logger::setLevel);
        root.detachAppender(appender);
        appender.stop();
    }
}
