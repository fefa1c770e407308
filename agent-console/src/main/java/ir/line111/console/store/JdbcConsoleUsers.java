package ir.line111.console.store;

import at.favre.lib.crypto.bcrypt.BCrypt;
import ir.line111.console.ports.ConsoleUsers;
import ir.line111.console.security.ConsoleUser;
import ir.line111.console.security.Role;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Core's {@code app_user} accounts (bcrypt hashes, comma-separated role names) plus the console's
 * operator devices. An unknown name costs the same bcrypt time as a wrong password, so timing does
 * not tell which names exist.
 */
public final class JdbcConsoleUsers implements ConsoleUsers {

    public static final int BCRYPT_COST = 12;
    private static final byte[] DUMMY_HASH = BCrypt.withDefaults().hash(BCRYPT_COST, "not a password".toCharArray());

    private final Jdbc jdbc;
    private final Clock clock;
    private final int cost;

    public JdbcConsoleUsers(Jdbc jdbc, Clock clock) {
        this(jdbc, clock, BCRYPT_COST);
    }

    /** {@code cost}: bcrypt work factor for new hashes (tests use a lower one to stay fast). */
    public JdbcConsoleUsers(Jdbc jdbc, Clock clock, int cost) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cost = cost;
    }

    private record Stored(ConsoleUser user, String hash) {}

    @Override
    public Optional<ConsoleUser> verify(String username, char[] password) {
        Optional<Stored> s = load(username);
        try {
            if (s.isEmpty()) {
                BCrypt.verifyer().verify(password, DUMMY_HASH);
                return Optional.empty();
            }
            boolean ok = BCrypt.verifyer().verify(password, s.get().hash().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).verified;
            return ok && s.get().user().enabled() ? Optional.of(s.get().user()) : Optional.empty();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public Optional<ConsoleUser> find(String username) {
        return load(username).map(Stored::user);
    }

    @Override
    public List<ConsoleUser> list() {
        return jdbc.list("select u.username, u.full_name, u.roles, u.active, u.password_hash, d.device from app_user u "
                + "left join console_operator_device d on d.username = u.username order by u.username", JdbcConsoleUsers::stored)
                .stream().map(Stored::user).toList();
    }

    @Override
    public ConsoleUser create(ConsoleUser user, char[] password) {
        if (load(user.username()).isPresent()) throw new IllegalStateException("نام کاربری تکراری است");
        String hash = hash(password);
        Instant now = clock.instant();
        jdbc.inTransaction(c -> {
            long id = jdbc.nextval(c, "app_user_seq");
            Jdbc.update(c, "insert into app_user (id, username, full_name, password_hash, roles, active, created_at, password_changed_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?)", id, user.username(), user.fullName(), hash, roles(user.roles()),
                    user.enabled(), now, now);
            device(c, user.username(), user.device());
            return null;
        });
        return find(user.username()).orElseThrow();
    }

    @Override
    public ConsoleUser update(ConsoleUser user) {
        jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "update app_user set full_name = ?, roles = ?, active = ? where username = ?",
                    user.fullName(), roles(user.roles()), user.enabled(), user.username());
            if (n == 0) throw new java.util.NoSuchElementException(user.username());
            device(c, user.username(), user.device());
            return null;
        });
        return find(user.username()).orElseThrow();
    }

    @Override
    public void setPassword(String username, char[] password) {
        String hash = hash(password);
        int n = jdbc.update("update app_user set password_hash = ?, password_changed_at = ? where username = ?", hash, clock.instant(), username);
        if (n == 0) throw new java.util.NoSuchElementException(username);
    }

    private String hash(char[] password) {
        try {
            return BCrypt.withDefaults().hashToString(cost, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void device(java.sql.Connection c, String username, String device) throws SQLException {
        Jdbc.update(c, "delete from console_operator_device where username = ?", username);
        if (device != null && !device.isBlank()) {
            Jdbc.update(c, "insert into console_operator_device (username, device) values (?, ?)", username, device.strip());
        }
    }

    private Optional<Stored> load(String username) {
        if (username == null || username.isBlank() || username.length() > 64) return Optional.empty();
        return jdbc.one("select u.username, u.full_name, u.roles, u.active, u.password_hash, d.device from app_user u "
                + "left join console_operator_device d on d.username = u.username where u.username = ?", JdbcConsoleUsers::stored, username);
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String r = rs.getString("roles");
        if (r != null) {
            for (String part : r.split(",")) Role.fromWire(part).ifPresent(roles::add);
        }
        return new Stored(new ConsoleUser(rs.getString("username"), rs.getString("full_name"), roles, rs.getBoolean("active"),
                rs.getString("device")), rs.getString("password_hash"));
    }

    static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
