package ir.line111.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Takes the log lines of the named loggers away from the console while a test provokes them, and keeps
 * them for the test to assert on: a green run stays quiet, and a warning nobody expected still shows.
 * Per test ({@code @RegisterExtension ExpectedLogs logs = ExpectedLogs.of(Foo.class)}), for the whole
 * class including {@code @BeforeAll} (the same on a {@code static} field), or around a block
 * ({@code try (var logs = ExpectedLogs.capture(Foo.class)) { … }}).
 */
public final class ExpectedLogs implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final List<String> names;
    private final List<Logger> captured = new ArrayList<>();
    private final List<Boolean> additivity = new ArrayList<>();
    private final List<ch.qos.logback.core.Appender<ILoggingEvent>> consoles = new ArrayList<>();
    private ListAppender<ILoggingEvent> appender;
    private boolean wholeClass;

    /** Names the root logger: everything is captured, and the console appenders are off meanwhile. */
    public static final String EVERYTHING = org.slf4j.Logger.ROOT_LOGGER_NAME;

    private ExpectedLogs(List<String> names) {
        this.names = names;
    }

    /** For {@code @RegisterExtension}: captures around every test of the class. */
    public static ExpectedLogs of(Object... loggers) {
        return new ExpectedLogs(namesOf(loggers));
    }

    /** Captures from now until {@link #close}. Loggers are classes or logger names. */
    public static ExpectedLogs capture(Object... loggers) {
        ExpectedLogs logs = new ExpectedLogs(namesOf(loggers));
        logs.start();
        return logs;
    }

    private static List<String> namesOf(Object... loggers) {
        List<String> out = new ArrayList<>();
        for (Object o : loggers) out.add(o instanceof Class<?> c ? c.getName() : o.toString());
        return out;
    }

    private synchronized void start() {
        appender = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent e) {
                e.prepareForDeferredProcessing(); // thread name and MDC as they were, not as read later
                super.append(e);
            }
        };
        appender.start();
        for (String n : names) {
            Logger l = (Logger) LoggerFactory.getLogger(n);
            captured.add(l);
            additivity.add(l.isAdditive());
            if (n.equals(EVERYTHING)) {
                // The root has no parent to stop at: take its console appenders away instead.
                for (var it = l.iteratorForAppenders(); it.hasNext(); ) {
                    var a = it.next();
                    if (a instanceof ch.qos.logback.core.ConsoleAppender<ILoggingEvent>) consoles.add(a);
                }
                consoles.forEach(l::detachAppender);
            } else {
                l.setAdditive(false);
            }
            l.addAppender(appender);
        }
    }

    @Override
    public synchronized void close() {
        for (int i = 0; i < captured.size(); i++) {
            Logger l = captured.get(i);
            l.detachAppender(appender);
            l.setAdditive(additivity.get(i));
            if (l.getName().equals(EVERYTHING)) consoles.forEach(l::addAppender);
        }
        consoles.clear();
        captured.clear();
        additivity.clear();
        if (appender != null) appender.stop();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        wholeClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!wholeClass) start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!wholeClass) close();
    }

    /** Everything captured so far, oldest first. */
    public synchronized List<ILoggingEvent> events() {
        if (appender == null) return List.of();
        synchronized (appender) {   // AppenderBase.doAppend appends under the appender's own lock
            return List.copyOf(appender.list);
        }
    }

    /** The formatted messages at WARN or above. */
    public List<String> warnings() {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** True once a line at {@code level} or above contains {@code text}. */
    public boolean has(Level level, String text) {
        return events().stream().anyMatch(atLeast(level).and(e -> e.getFormattedMessage().contains(text)));
    }

    private static Predicate<ILoggingEvent> atLeast(Level level) {
        return e -> e.getLevel().isGreaterOrEqual(level);
    }
}
