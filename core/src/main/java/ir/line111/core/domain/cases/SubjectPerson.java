package ir.line111.core.domain.cases;

import ir.line111.core.domain.identity.NationalId;

import java.util.Objects;

/**
 * The person the matter is about: the caller, or someone else whose details are registered instead
 * (DESIGN §1). The ID may be absent only while unverified audio awaits a person's ear.
 */
public record SubjectPerson(NationalId nationalId, boolean idVerified, Relation relation, String fullName) {
    public SubjectPerson {
        Objects.requireNonNull(relation, "relation");
    }

    public static SubjectPerson self(NationalId id, boolean verified) {
        return new SubjectPerson(id, verified, Relation.SELF, null);
    }
}
