package ir.line111.core.domain.users;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users and their roles. Passwords arrive as char arrays (the CLI reads them from the terminal and
 * wipes them) and are kept only as bcrypt hashes. Usernames: {@value #USERNAME_PATTERN};
 * passwords: at least {@value #MIN_PASSWORD_LENGTH} characters, at most {@value #MAX_PASSWORD_BYTES} bytes in UTF-8
 * (bcrypt's limit); an operator's phone device (PJSIP/1001): {@value #DEVICE_PATTERN}.
 */
public interface UserDirectory {

    String USERNAME_PATTERN = "^[a-z][a-z0-9._-]{1,31}$";
    int MIN_PASSWORD_LENGTH = 10;
    int MAX_PASSWORD_BYTES = 72;
    String DEVICE_PATTERN = "^[A-Za-z0-9/_.@:-]{1,64}$";

    /**
     * The password rules, the one place they are written: at least {@value #MIN_PASSWORD_LENGTH} characters and
     * at most {@value #MAX_PASSWORD_BYTES} bytes in UTF-8 (bcrypt ignores what lies beyond).
     *
     * @throws UserException WEAK_PASSWORD, saying which rule
     */
    static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new UserException(UserException.Problem.WEAK_PASSWORD, "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (java.nio.charset.StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)).remaining() > MAX_PASSWORD_BYTES) {
            throw new UserException(UserException.Problem.WEAK_PASSWORD, "a password may have at most " + MAX_PASSWORD_BYTES + " bytes");
        }
    }

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

    /** Changes name, roles, enabled and device. @throws UserException NO_SUCH_USER, NO_ROLES, INVALID_DEVICE */
    User update(String username, String fullName, Set<Role> roles, boolean enabled, String device);

    /**
     * When no user exists, creates {@code admin} with a random password and returns that password
     * (to be shown once); otherwise returns empty and changes nothing.
     */
    Optional<String> ensureFirstAdmin();
}
