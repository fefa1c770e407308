package ir.line111.console.security;

import java.util.Locale;
import java.util.Optional;

/** The console's roles (DESIGN §2). Written in lower case on the wire and in the database. */
public enum Role {
    OPERATOR, TRANSCRIBER, SUPERVISOR, ADMIN,
    /** An agency's liaison (کارشناس دستگاه): only the agency desk routes, only its agency's cases (issue 16). */
    LIAISON;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The same role in core's terms (its rules, e.g. {@code CaseAction.allowedIn}, speak those). */
    public ir.line111.core.domain.users.Role core() {
        return ir.line111.core.domain.users.Role.valueOf(name());
    }

    /** Core's roles of a set of console roles. */
    public static java.util.Set<ir.line111.core.domain.users.Role> core(java.util.Collection<Role> roles) {
        java.util.Set<ir.line111.core.domain.users.Role> out = java.util.EnumSet.noneOf(ir.line111.core.domain.users.Role.class);
        for (Role r : roles) out.add(r.core());
        return out;
    }

    public static Optional<Role> fromWire(String s) {
        if (s == null) return Optional.empty();
        for (Role r : values()) {
            if (r.wire().equals(s.strip().toLowerCase(Locale.ROOT))) return Optional.of(r);
        }
        return Optional.empty();
    }
}
