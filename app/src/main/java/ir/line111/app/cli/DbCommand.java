package ir.line111.app.cli;

import ir.line111.app.Databases;
import ir.line111.core.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "db", description = "Database maintenance.", subcommands = DbCommand.Migrate.class)
public final class DbCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("line111 db: name a subcommand (migrate)");
        return 1;
    }

    @Command(name = "migrate", description = "Apply the versioned migrations to the configured database and exit.")
    static final class Migrate implements Callable<Integer> {
        @Mixin ConfigOption config;

        @Override
        public Integer call() {
            try (Database db = Databases.open(config.load())) {
                System.out.println("database " + db.safeUrl() + " is at the latest migration");
            }
            return 0;
        }
    }
}
