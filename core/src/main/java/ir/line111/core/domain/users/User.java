package ir.line111.core.domain.users;

import java.time.Instant;
import java.util.Set;

/** A user as everyone but the password check sees it: never the hash. {@code device} is an operator's phone interface (PJSIP/op1) or null. */
public record User(long id, String username, String fullName, Set<Role> roles, boolean enabled, String device,
                   Instant createdAt, Instant passwordChangedAt) {
    public User {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
