package ir.line111.core.persistence;

import at.favre.lib.crypto.bcrypt.BCrypt;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.users.Role;
import ir.line111.core.domain.users.User;
import ir.line111.core.domain.users.UserDirectory;
import ir.line111.core.domain.users.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link UserDirectory} in {@code app_user}, passwords as bcrypt hashes (at.favre.lib:bcrypt). Plain JDBC,
 * not Hibernate: the CLI's {@code user add|list|passwd} open the database for one statement, and starting
 * Hibernate for it took longer than the whole command may (see {@link Database#openForCommand}).
 */
public final class PersistentUserDirectory implements UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(PersistentUserDirectory.class);
    public static final String FIRST_ADMIN = "admin";
    private static final char[] PASSWORD_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final String COLUMNS = "id, username, full_name, password_hash, roles, active, device, created_at, password_changed_at";

    private final Database db;
    private final int cost;
    private final Clock clock;
    /** Checked against when the user does not exist, so a wrong name costs as long as a wrong password; made on first need. */
    private volatile char[] decoyHash;

    public PersistentUserDirectory(Database db, int bcryptCost, Clock clock) {
        if (bcryptCost < 4 || bcryptCost > 31) throw new IllegalArgumentException("bcrypt cost must be 4..31");
        this.db = db;
        this.cost = bcryptCost;
        this.clock = clock;
    }

    /** With {@code users.bcrypt-cost} from the configuration. */
    public PersistentUserDirectory(Database db, Line111Config config) {
        this(db, config.integer("users.bcrypt-cost", 4, 31), Clock.systemUTC());
    }

    private record Row(User user, String hash) {}

    @Override
    public boolean hasAnyUser() {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from app_user"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    @Override
    public User add(String username, String fullName, Set<Role> roles, char[] password) {
        String name = checkUsername(username);
        Set<Role> r = checkRoles(roles);
        String hash = hash(password);
        Instant now = now();
        try {
            return sql(c -> {
                if (row(c, name).isPresent()) throw new UserException(UserException.Problem.EXISTS, "user " + name + " already exists");
                long id = nextId(c);
                try (PreparedStatement ps = c.prepareStatement("insert into app_user (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, name);
                    ps.setString(3, blankToNull(fullName));
                    ps.setString(4, hash);
                    ps.setString(5, codes(r));
                    ps.setBoolean(6, true);
                    ps.setString(7, null);
                    ps.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    ps.setObject(9, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                return row(c, name).orElseThrow().user();
            });
        } catch (UserStoreException e) {
            if (SqlErrors.isUniqueViolation(e)) { // two adds of one name at once
                throw new UserException(UserException.Problem.EXISTS, "user " + name + " already exists");
            }
            throw e;
        }
    }

    @Override
    public void changePassword(String username, char[] newPassword) {
        String hash = hash(newPassword);
        Instant now = now();
        sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("update app_user set password_hash = ?, password_changed_at = ? where username = ?")) {
                ps.setString(1, hash);
                ps.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(3, normalise(username));
                if (ps.executeUpdate() == 0) throw noSuchUser(username);
            }
            return null;
        });
    }

    @Override
    public List<User> list() {
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from app_user order by username");
                 ResultSet rs = ps.executeQuery()) {
                List<User> out = new ArrayList<>();
                while (rs.next()) out.add(row(rs).user());
                return out;
            }
        });
    }

    @Override
    public Optional<User> find(String username) {
        if (username == null) return Optional.empty();
        return sql(c -> row(c, normalise(username)).map(Row::user));
    }

    @Override
    public Optional<User> verify(String username, char[] password) {
        if (password == null) return Optional.empty();
        Optional<Row> u = username == null ? Optional.empty() : sql(c -> row(c, normalise(username)));
        char[] hash = u.map(e -> e.hash().toCharArray()).orElseGet(this::decoy);
        boolean ok = BCrypt.verifyer().verify(password, hash).verified;
        if (!ok || u.isEmpty() || !u.get().user().enabled()) return Optional.empty();
        return Optional.of(u.get().user());
    }

    @Override
    public User update(String username, String fullName, Set<Role> roles, boolean enabled, String device) {
        Set<Role> r = checkRoles(roles);
        String d = blankToNull(device);
        if (d != null && !d.matches(DEVICE_PATTERN)) {
            throw new UserException(UserException.Problem.INVALID_DEVICE,
                    "a device is 1-64 letters, digits and / _ . @ : - (e.g. PJSIP/1001)");
        }
        return sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("update app_user set full_name = ?, roles = ?, active = ?, device = ? where username = ?")) {
                ps.setString(1, blankToNull(fullName));
                ps.setString(2, codes(r));
                ps.setBoolean(3, enabled);
                ps.setString(4, d);
                ps.setString(5, normalise(username));
                if (ps.executeUpdate() == 0) throw noSuchUser(username);
            }
            return row(c, normalise(username)).orElseThrow().user();
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

    private char[] decoy() {
        char[] d = decoyHash;
        if (d == null) decoyHash = d = BCrypt.withDefaults().hashToChar(cost, "decoy password".toCharArray());
        return d;
    }

    private String hash(char[] password) {
        UserDirectory.checkPassword(password);
        return new String(BCrypt.withDefaults().hashToChar(cost, password));
    }

    private long nextId(Connection c) throws SQLException {
        String q = db.vendor() == Database.Vendor.POSTGRESQL ? "select nextval('app_user_seq')" : "select next value for app_user_seq";
        try (PreparedStatement ps = c.prepareStatement(q); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Optional<Row> row(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from app_user where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String username = rs.getString("username");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String c : rs.getString("roles").split(",")) {
            try {
                if (!c.isBlank()) roles.add(Role.fromCode(c));
            } catch (IllegalArgumentException unknown) {
                log.warn("user {} has an unknown role '{}' in the database; ignored", username, c.strip());
            }
        }
        User u = new User(rs.getLong("id"), username, rs.getString("full_name"), roles, rs.getBoolean("active"), rs.getString("device"),
                instant(rs, "created_at"), instant(rs, "password_changed_at"));
        return new Row(u, rs.getString("password_hash"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A database failure as an unchecked exception with the SQLException as its cause (the console answers 503 for a lost connection). */
    static final class UserStoreException extends RuntimeException {
        UserStoreException(SQLException cause) {
            super("users: " + cause.getMessage(), cause);
        }
    }

    private <T> T sql(SqlTransactions.Work<T> work) {
        try {
            return SqlTransactions.inTransaction(db.dataSource(), work);
        } catch (SQLException e) {
            throw new UserStoreException(e);
        }
    }

    private static UserException noSuchUser(String username) {
        return new UserException(UserException.Problem.NO_SUCH_USER, "no user " + username);
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

    private static String codes(Set<Role> roles) {
        return roles.stream().sorted().map(Role::code).collect(Collectors.joining(","));
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
