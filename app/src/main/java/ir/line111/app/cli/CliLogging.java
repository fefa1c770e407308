package ir.line111.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * A one-shot command ({@code user list}) answers on standard output; what opening the database logs
 * (Flyway's "schema is up to date", the pool starting) is noise there. Warnings and errors still show.
 * {@code LINE111_LOG_LEVEL} set to anything keeps the configured levels, for looking into a problem.
 */
public final class CliLogging {
    private CliLogging() {}

    public static void quiet() {
        if (System.getenv("LINE111_LOG_LEVEL") != null) return;
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        for (Logger l : context.getLoggerList()) {
            Level level = l.getLevel();
            if (level != null && level.isGreaterOrEqual(Level.WARN)) continue;
            if (level != null || l.getName().equals(org.slf4j.Logger.ROOT_LOGGER_NAME)) l.setLevel(Level.WARN);
        }
    }
}
