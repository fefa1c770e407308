package ir.line111.console.security;

import java.util.Set;

/** A console account as the console needs it; {@code device} is the operator's phone interface (PJSIP/op1), may be null. */
public record ConsoleUser(String username, String fullName, Set<Role> roles, boolean enabled, String device) {
    public ConsoleUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
