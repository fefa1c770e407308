package ir.line111.app;

import ir.line111.app.cli.DbCommand;
import ir.line111.app.cli.ServeCommand;
import ir.line111.app.cli.UserCommand;
import ir.line111.app.cli.VersionCommand;
import ir.line111.core.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * The runnable jar: {@code serve} (the default), {@code user}, {@code db}, {@code version}. The simulated
 * caller ({@code ./line111 call}) is the fake Asterisk's own jar, never part of the product.
 */
@Command(name = "line111", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Line 111 IVR and call-centre backend.",
        subcommands = {ServeCommand.class, UserCommand.class, DbCommand.class, VersionCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // Known failures (bad configuration, database down) are one clear line, not a stack trace.
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable root = ex;
            if (root instanceof ConfigException) {
                cmd.getErr().println("line111: " + root.getMessage());
                return ExitCodes.CONFIG;
            }
            if (root instanceof StartupException se) {
                cmd.getErr().println("line111: " + se.getMessage());
                return se.exitCode();
            }
            throw ex;
        });
        return cli.execute(args.length == 0 ? new String[] {"serve"} : args);
    }

    @Override
    public Integer call() {
        return run("serve");
    }
}
