package ir.line111.console.store;

import ir.line111.console.http.ApiException;
import ir.line111.console.ports.ConsoleUsers;
import ir.line111.console.security.ConsoleUser;
import ir.line111.console.security.Role;
import ir.line111.core.domain.users.User;
import ir.line111.core.domain.users.UserDirectory;
import ir.line111.core.domain.users.UserException;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Core's users (bcrypt, roles, the operator's device) as the console sees them. */
public final class CoreConsoleUsers implements ConsoleUsers {

    /** Core's password rules ({@link UserDirectory#checkPassword}) in Persian, for every form that sets a password. */
    public static final String PASSWORD_RULES = "گذرواژه باید دست‌کم "
            + ir.line111.core.domain.identity.Digits.toPersian(Integer.toString(UserDirectory.MIN_PASSWORD_LENGTH)) + " نویسه و حداکثر "
            + ir.line111.core.domain.identity.Digits.toPersian(Integer.toString(UserDirectory.MAX_PASSWORD_BYTES)) + " بایت باشد";

    private final UserDirectory users;

    public CoreConsoleUsers(UserDirectory users) {
        this.users = users;
    }

    @Override
    public Optional<ConsoleUser> verify(String username, char[] password) {
        return users.verify(username, password).map(CoreConsoleUsers::console);
    }

    @Override
    public Optional<ConsoleUser> find(String username) {
        return users.find(username).map(CoreConsoleUsers::console);
    }

    @Override
    public List<ConsoleUser> list() {
        return users.list().stream().map(CoreConsoleUsers::console).toList();
    }

    @Override
    public ConsoleUser create(ConsoleUser user, char[] password) {
        try {
            users.add(user.username(), user.fullName(), core(user.roles()), password);
            if (user.device() != null || !user.enabled()) {
                users.update(user.username(), user.fullName(), core(user.roles()), user.enabled(), user.device());
            }
        } catch (UserException e) {
            throw problem(e);
        }
        return find(user.username()).orElseThrow();
    }

    @Override
    public ConsoleUser update(ConsoleUser user) {
        try {
            return console(users.update(user.username(), user.fullName(), core(user.roles()), user.enabled(), user.device()));
        } catch (UserException e) {
            throw problem(e);
        }
    }

    @Override
    public void setPassword(String username, char[] password) {
        try {
            users.changePassword(username, password);
        } catch (UserException e) {
            throw problem(e);
        }
    }

    /** Name taken: a conflict; no such user: not found; the rest: the input was wrong. Each in Persian, naming its field. */
    private static RuntimeException problem(UserException e) {
        return switch (e.problem()) {
            case EXISTS -> new ApiException(409, "conflict", "این نام کاربری پیش‌تر ثبت شده است", "username");
            case NO_SUCH_USER -> ApiException.notFound();
            case WEAK_PASSWORD -> ApiException.invalid("password", PASSWORD_RULES);
            case INVALID_USERNAME -> ApiException.invalid("username",
                    "نام کاربری ۲ تا ۳۲ نویسه است: یک حرف کوچک لاتین، سپس حرف، رقم، نقطه، زیرخط یا خط تیره");
            case NO_ROLES -> ApiException.invalid("roles", "کاربر دست‌کم یک نقش لازم دارد");
            case INVALID_DEVICE -> ApiException.invalid("device", "نام دستگاه تلفن نامعتبر است");
        };
    }

    static ConsoleUser console(User u) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        u.roles().forEach(r -> Role.fromWire(r.code()).ifPresent(roles::add));
        return new ConsoleUser(u.username(), u.fullName(), roles, u.enabled(), u.device());
    }

    static Set<ir.line111.core.domain.users.Role> core(Set<Role> roles) {
        Set<ir.line111.core.domain.users.Role> out = EnumSet.noneOf(ir.line111.core.domain.users.Role.class);
        roles.forEach(r -> out.add(ir.line111.core.domain.users.Role.fromCode(r.wire())));
        return out;
    }
}
