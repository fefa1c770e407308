package ir.line111.core.domain.agencydesk;

import java.util.Optional;

/** Which agency a liaison (role liaison) works for; an agency may have several liaisons (issue 16). */
public interface LiaisonDirectory {

    /** The agency the user is bound to; empty for a user bound to none. */
    Optional<Long> agencyOf(String username);

    /** Binds the user to an agency (null: to none). @throws IllegalArgumentException for an unknown user or agency */
    void bind(String username, Long agencyId);
}
