package ir.line111.core.persistence;

import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.identity.NationalId;

/** Sample cases for tests outside this package. */
public final class CasePersistenceTestAccess {
    private CasePersistenceTestAccess() {}

    public static NewCase complaint(NationalId who) {
        return CasePersistenceTest.complaint(who, null);
    }
}
