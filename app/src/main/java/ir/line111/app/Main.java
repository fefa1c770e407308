package ir.line111.app;

import ir.line111.app.cli.CliLogging;
import ir.line111.app.cli.DbCommand;
import ir.line111.app.cli.ServeCommand;
import ir.line111.app.cli.UserCommand;
import ir.line111.app.cli.VersionCommand;
import ir.line111.core.config.ConfigException;
import ir.line111.core.domain.users.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * The runnable jar: {@code serve} (the default), {@code user}, {@code db}, {@code version}. The simulated
 * caller ({@code ./line111 call}) is the fake Asterisk's own jar, never part of the product. The jar's
 * Main-Class is {@code ir.line111.app.launcher.Launcher} (built for Java 8), which says in one line when the Java is too old, then calls this.
 */
@Command(name = "line111", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Line 111 IVR and call-centre backend.",
        subcommands = {ServeCommand.class, UserCommand.class, DbCommand.class, VersionCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        // A command other than serve prints its answer, not the log of opening the database.
        if (args.length > 0 && !args[0].equals("serve")) CliLogging.quiet();
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // A wrong argument is one line saying what and where to look, not the whole usage text.
        cli.setParameterExceptionHandler((ex, ignored) -> {
            ex.getCommandLine().getErr().println("line111: " + ex.getMessage() + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        // Known failures (bad configuration, database down, a person's mistake) are one clear line, not a stack trace.
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            String line = null;
            int code = 0;
            if (ex instanceof ConfigException) {
                line = ex.getMessage();
                code = ExitCodes.CONFIG;
            } else if (ex instanceof StartupException se) {
                line = se.getMessage();
                code = se.exitCode();
            } else if (ex instanceof UserException ue) {
                line = ue.getMessage();
                code = exitCode(ue.problem());
            } else if (sqlCause(ex) != null) {
                line = "the database failed: " + firstLine(sqlCause(ex).getMessage());
                code = ExitCodes.DATABASE;
            }
            if (line == null) throw ex;
            cmd.getErr().println("line111: " + line);
            return code;
        });
        return cli.execute(args.length == 0 ? new String[] {"serve"} : args);
    }

    static int exitCode(UserException.Problem problem) {
        return switch (problem) {
            case EXISTS -> ExitCodes.DUPLICATE;
            case NO_SUCH_USER -> ExitCodes.NOT_FOUND;
            case WEAK_PASSWORD -> ExitCodes.WEAK_PASSWORD;
            case INVALID_USERNAME, NO_ROLES, INVALID_DEVICE -> ExitCodes.USAGE;
        };
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException se) return se;
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    @Override
    public Integer call() {
        return run("serve");
    }
}
