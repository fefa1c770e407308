package ir.line111.core.persistence;

import at.favre.lib.crypto.bcrypt.BCrypt;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.users.Role;
import ir.line111.core.domain.users.User;
import ir.line111.core.domain.users.UserDirectory;
import ir.line111.core.domain.users.UserException;
import ir.line111.core.persistence.entity.UserEntity;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link UserDirectory} in {@code app_user}, passwords as bcrypt hashes (at.favre.lib:bcrypt). */
public final class PersistentUserDirectory implements UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(PersistentUserDirectory.class);
    public static final String FIRST_ADMIN = "admin";
    private static final char[] PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Database db;
    private final int cost;
    private final Clock clock;
    /** Checked against when the user does not exist, so a wrong name costs as long as a wrong password. */
    private final char[] decoyHash;

    public PersistentUserDirectory(Database db, int bcryptCost, Clock clock) {
        if (bcryptCost < 4 || bcryptCost > 31) throw new IllegalArgumentException("bcrypt cost must be 4..31");
        this.db = db;
        this.cost = bcryptCost;
        this.clock = clock;
        this.decoyHash = BCrypt.withDefaults().hashToChar(bcryptCost, "decoy password".toCharArray());
    }

    /** With {@code users.bcrypt-cost} from the configuration. */
    public PersistentUserDirectory(Database db, Line111Config config) {
        this(db, config.integer("users.bcrypt-cost", 4, 31), Clock.systemUTC());
    }

    @Override
    public boolean hasAnyUser() {
        return db.fromTransaction(s -> s.createSelectionQuery("select count(*) from UserEntity u", Long.class).getSingleResult() > 0);
    }

    @Override
    public User add(String username, String fullName, Set<Role> roles, char[] password) {
        String name = checkUsername(username);
        Set<Role> r = checkRoles(roles);
        String hash = hash(password);
        Instant now = now();
        try {
            return db.fromTransaction(s -> {
                if (entity(s, name).isPresent()) throw new UserException(UserException.Problem.EXISTS, "user " + name + " already exists");
                UserEntity u = new UserEntity(name, blankToNull(fullName), hash, codes(r), now);
                s.persist(u);
                s.flush();
                return user(u);
            });
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw new UserException(UserException.Problem.EXISTS, "user " + name + " already exists");
        }
    }

    @Override
    public void changePassword(String username, char[] newPassword) {
        String hash = hash(newPassword);
        Instant now = now();
        db.inTransaction(s -> {
            UserEntity u = require(s, username);
            u.setPasswordHash(hash);
            u.setPasswordChangedAt(now);
        });
    }

    @Override
    public List<User> list() {
        return db.fromTransaction(s -> s.createSelectionQuery("from UserEntity u order by u.username", UserEntity.class)
                .getResultList().stream().map(PersistentUserDirectory::user).toList());
    }

    @Override
    public Optional<User> find(String username) {
        if (username == null) return Optional.empty();
        return db.fromTransaction(s -> entity(s, normalise(username)).map(PersistentUserDirectory::user));
    }

    @Override
    public Optional<User> verify(String username, char[] password) {
        if (password == null) return Optional.empty();
        Optional<UserEntity> u = username == null ? Optional.empty()
                : db.fromTransaction(s -> entity(s, normalise(username)));
        char[] hash = u.map(e -> e.getPasswordHash().toCharArray()).orElse(decoyHash);
        boolean ok = BCrypt.verifyer().verify(password, hash).verified;
        if (!ok || u.isEmpty() || !u.get().isActive()) return Optional.empty();
        return Optional.of(user(u.get()));
    }

    @Override
    public User update(String username, String fullName, Set<Role> roles, boolean enabled, String device) {
        Set<Role> r = checkRoles(roles);
        return db.fromTransaction(s -> {
            UserEntity u = require(s, username);
            u.setFullName(blankToNull(fullName));
            u.setRoles(codes(r));
            u.setActive(enabled);
            u.setDevice(blankToNull(device));
            return user(u);
        });
    }

    @Override
    public Optional<String> ensureFirstAdmin() {
        if (hasAnyUser()) return Optional.empty();
        char[] password = randomPassword(16);
        try {
            add(FIRST_ADMIN, "Administrator", EnumSet.of(Role.ADMIN), password);
            log.info("no user existed: created '{}' with a one-time password", FIRST_ADMIN);
            return Optional.of(new String(password));
        } catch (UserException e) {
            return Optional.empty(); // another node created a user meanwhile
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private String hash(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new UserException(UserException.Problem.WEAK_PASSWORD, "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining() > 72) {
            throw new UserException(UserException.Problem.WEAK_PASSWORD, "a password may have at most 72 bytes");
        }
        return new String(BCrypt.withDefaults().hashToChar(cost, password));
    }

    private static String checkUsername(String username) {
        String n = normalise(username);
        if (n == null || !n.matches(USERNAME_PATTERN)) {
            throw new UserException(UserException.Problem.INVALID_USERNAME,
                    "a username is 2-32 characters: a lower-case letter, then letters, digits, '.', '_' or '-'");
        }
        return n;
    }

    private static Set<Role> checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) throw new UserException(UserException.Problem.NO_ROLES, "a user needs at least one role");
        return EnumSet.copyOf(roles);
    }

    private static String normalise(String username) {
        return username == null ? null : username.strip();
    }

    private static Optional<UserEntity> entity(Session s, String username) {
        return s.createSelectionQuery("from UserEntity u where u.username = :n", UserEntity.class)
                .setParameter("n", username).getResultList().stream().findFirst();
    }

    private static UserEntity require(Session s, String username) {
        return entity(s, normalise(username)).orElseThrow(() ->
                new UserException(UserException.Problem.NO_SUCH_USER, "no user " + username));
    }

    private static String codes(Set<Role> roles) {
        return roles.stream().sorted().map(Role::code).collect(Collectors.joining(","));
    }

    private static User user(UserEntity u) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String c : u.getRoles().split(",")) {
            try {
                if (!c.isBlank()) roles.add(Role.fromCode(c));
            } catch (IllegalArgumentException unknown) {
                log.warn("user {} has an unknown role '{}' in the database; ignored", u.getUsername(), c.strip());
            }
        }
        return new User(u.getId(), u.getUsername(), u.getFullName(), roles, u.isActive(), u.getDevice(),
                u.getCreatedAt(), u.getPasswordChangedAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static char[] randomPassword(int length) {
        SecureRandom r = new SecureRandom();
        char[] p = new char[length];
        for (int i = 0; i < length; i++) p[i] = PASSWORD_ALPHABET[r.nextInt(PASSWORD_ALPHABET.length)];
        return p;
    }
}
