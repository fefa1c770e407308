package ir.line111.console.handlers;

import ir.line111.console.security.Role;

import java.util.EnumSet;
import java.util.Set;

/** Who may call what; the one table the authorisation tests walk. */
final class Roles {
    private Roles() {}
    static final Set<Role> OPERATOR = EnumSet.of(Role.OPERATOR);
    static final Set<Role> TRANSCRIBER = EnumSet.of(Role.TRANSCRIBER);
    static final Set<Role> SUPERVISOR = EnumSet.of(Role.SUPERVISOR);
    static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    static final Set<Role> DESK = EnumSet.of(Role.OPERATOR, Role.SUPERVISOR);
    static final Set<Role> CASE_READERS = EnumSet.of(Role.OPERATOR, Role.TRANSCRIBER, Role.SUPERVISOR);
    static final Set<Role> WORKBENCH = EnumSet.of(Role.TRANSCRIBER, Role.SUPERVISOR);
    static final Set<Role> REPORTS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);
    /** An agency's liaison: the agency desk routes only, which check the agency on every case (issue 16). */
    static final Set<Role> LIAISON = EnumSet.of(Role.LIAISON);
    static final Set<Role> ANY = EnumSet.allOf(Role.class);
}
