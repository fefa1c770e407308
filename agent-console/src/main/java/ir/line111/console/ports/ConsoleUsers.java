package ir.line111.console.ports;

import ir.line111.console.security.ConsoleUser;

import java.util.List;
import java.util.Optional;

/**
 * The console's view of core's user accounts (bcrypt-hashed passwords). Implemented over core's users;
 * the console never sees a hash.
 */
public interface ConsoleUsers {

    /** The account when the password matches and the account is enabled; empty otherwise (never says which). */
    Optional<ConsoleUser> verify(String username, char[] password);

    Optional<ConsoleUser> find(String username);

    List<ConsoleUser> list();

    /** @throws IllegalStateException when the name is taken */
    ConsoleUser create(ConsoleUser user, char[] password);

    ConsoleUser update(ConsoleUser user);

    void setPassword(String username, char[] password);
}
