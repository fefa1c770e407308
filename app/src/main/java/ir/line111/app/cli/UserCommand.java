package ir.line111.app.cli;

import ir.line111.app.Databases;
import ir.line111.app.ExitCodes;
import ir.line111.app.StartupException;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.users.Role;
import ir.line111.core.domain.users.User;
import ir.line111.core.domain.users.UserDirectory;
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

/**
 * Console users from the terminal. Works while the backend runs: the default H2 URL is in mixed mode
 * (the backend serves its file on 127.0.0.1), PostgreSQL takes any number of clients; the database is
 * opened without Hibernate ({@link Database#openForCommand}). Mistakes are one line with an exit code of
 * {@link ExitCodes}.
 */
@Command(name = "user", description = "Console users.", subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.ListUsers.class})
public final class UserCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("line111 user: name a subcommand (add, passwd, list)");
        return ExitCodes.USAGE;
    }

    static <R> R withUsers(ConfigOption option, Function<PersistentUserDirectory, R> work) {
        Line111Config config = option.load();
        try (Database db = Databases.openForCommand(config)) {
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
        @Option(names = "--device", paramLabel = "DEVICE",
                description = "the operator's phone as Asterisk names it (e.g. PJSIP/1001), so that calls reach the console") String device;

        @Override
        public Integer call() {
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String r : roles) {
                try {
                    parsed.add(Role.fromCode(r));
                } catch (IllegalArgumentException e) {
                    throw new StartupException(e.getMessage(), ExitCodes.USAGE, e);
                }
            }
            if (device != null && !device.strip().matches(UserDirectory.DEVICE_PATTERN)) {
                throw new StartupException("--device " + device + ": letters, digits and / _ . @ : - only, at most 64 (e.g. PJSIP/1001)",
                        ExitCodes.USAGE, null);
            }
            char[] pw = PasswordInput.read("password for " + username);
            try {
                User u = withUsers(config, users -> {
                    User added = users.add(username, fullName == null ? username : fullName, parsed, pw);
                    return device == null ? added : users.update(added.username(), added.fullName(), added.roles(), true, device);
                });
                System.out.println("added " + u.username() + " " + u.roles() + (u.device() == null ? "" : " device " + u.device()));
                return ExitCodes.OK;
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
                System.out.println("password changed for " + username + " (sessions already open in the console stay until they end)");
                return ExitCodes.OK;
            } finally {
                Arrays.fill(pw, '\0');
            }
        }
    }

    @Command(name = "list", description = "List users, their roles and devices.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin ConfigOption config;

        @Override
        public Integer call() {
            withUsers(config, users -> {
                for (User u : users.list()) {
                    System.out.printf("%-20s %-30s %-16s %s%s%n", u.username(), u.roles(), u.device() == null ? "-" : u.device(),
                            u.fullName() == null ? "" : u.fullName(), u.enabled() ? "" : " (disabled)");
                }
                return null;
            });
            return ExitCodes.OK;
        }
    }
}
