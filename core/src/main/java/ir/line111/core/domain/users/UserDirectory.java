package ir.line111.core.domain.users;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users and their roles. Passwords arrive as char arrays (the CLI reads them from the terminal and
 * wipes them) and are kept only as bcrypt hashes. Usernames: {@value #USERNAME_PATTERN};
 * passwords: at least {@value #MIN_PASSWORD_LENGTH} characters, at most 72 bytes (bcrypt's limit).
 */
public interface UserDirectory {

    String USERNAME_PATTERN = "^[a-z][a-z0-9._-]{1,31}$";
    int MIN_PASSWORD_LENGTH = 10;

    /** False on a fresh installation: start-up then creates the first admin. */
    boolean hasAnyUser();

    /** @throws UserException INVALID_USERNAME, WEAK_PASSWORD, NO_ROLES, EXISTS */
    User add(String username, String fullName, Set<Role> roles, char[] password);

    /** @throws UserException NO_SUCH_USER, WEAK_PASSWORD */
    void changePassword(String username, char[] newPassword);

    /** Every user, by username. */
    List<User> list();

    Optional<User> find(String username);

    /** The user when the password is right and the user is enabled; empty otherwise (same time either way). */
    Optional<User> verify(String username, char[] password);

    /** Changes name, roles, enabled and device. @throws UserException NO_SUCH_USER, NO_ROLES */
    User update(String username, String fullName, Set<Role> roles, boolean enabled, String device);

    /**
     * When no user exists, creates {@code admin} with a random password and returns that password
     * (to be shown once); otherwise returns empty and changes nothing.
     */
    Optional<String> ensureFirstAdmin();
}
