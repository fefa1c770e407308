package ir.line111.app;

import ir.line111.core.config.Line111Config;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.DatabaseUnavailableException;

/** Opens the configured database, turning "cannot connect" into one line for the terminal. */
public final class Databases {
    private Databases() {}

    public static Database open(Line111Config config) {
        try {
            return Database.open(config);
        } catch (DatabaseUnavailableException e) {
            throw new StartupException(e.getMessage(), ExitCodes.DATABASE, e);
        }
    }

    /** For a one-shot command: see {@link Database#openForCommand}. */
    public static Database openForCommand(Line111Config config) {
        try {
            return Database.openForCommand(config);
        } catch (DatabaseUnavailableException e) {
            throw new StartupException(e.getMessage(), ExitCodes.DATABASE, e);
        }
    }
}
