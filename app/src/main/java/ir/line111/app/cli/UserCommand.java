package ir.line111.app.cli;

import ir.line111.app.Databases;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.users.Role;
import ir.line111.core.domain.users.User;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentUserDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "user", description = "Console users.", subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.ListUsers.class})
public final class UserCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("line111 user: name a subcommand (add, passwd, list)");
        return 1;
    }

    static <R> R withUsers(ConfigOption option, Function<PersistentUserDirectory, R> work) {
        Line111Config config = option.load();
        try (Database db = Databases.open(config)) {
            return work.apply(new PersistentUserDirectory(db, config));
        }
    }

    @Command(name = "add", description = "Add a user; the password is read from the terminal, or from stdin when piped.")
    static final class Add implements Callable<Integer> {
        @Mixin ConfigOption config;
        @Parameters(index = "0", paramLabel = "USERNAME") String username;
        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "operator, transcriber, supervisor, admin (comma-separated for several)") Set<String> roles;
        @Option(names = "--name", paramLabel = "FULL_NAME") String fullName;

        @Override
        public Integer call() {
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String r : roles) parsed.add(Role.fromCode(r));
            char[] pw = PasswordInput.read("password for " + username);
            try {
                User u = withUsers(config, users -> users.add(username, fullName == null ? username : fullName, parsed, pw));
                System.out.println("added " + u.username() + " " + u.roles());
                return 0;
            } finally {
                Arrays.fill(pw, '\0');
            }
        }
    }

    @Command(name = "passwd", description = "Change a user's password (read from the terminal, or stdin when piped).")
    static final class Passwd implements Callable<Integer> {
        @Mixin ConfigOption config;
        @Parameters(index = "0", paramLabel = "USERNAME") String username;

        @Override
        public Integer call() {
            char[] pw = PasswordInput.read("new password for " + username);
            try {
                withUsers(config, users -> {
                    users.changePassword(username, pw);
                    return null;
                });
                System.out.println("password changed for " + username);
                return 0;
            } finally {
                Arrays.fill(pw, '\0');
            }
        }
    }

    @Command(name = "list", description = "List users and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin ConfigOption config;

        @Override
        public Integer call() {
            withUsers(config, users -> {
                for (User u : users.list()) {
                    System.out.printf("%-20s %-30s %s%s%n", u.username(), u.roles(), u.fullName() == null ? "" : u.fullName(),
                            u.enabled() ? "" : " (disabled)");
                }
                return null;
            });
            return 0;
        }
    }
}
