package ir.line111.console.support;

import ir.line111.console.ports.CasePorts;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentAwaitingMessages;
import ir.line111.core.persistence.PersistentCaseReports;
import ir.line111.core.persistence.PersistentCases;

/** Core's case ports over one database, as the app's wiring gives them to the console. */
public final class TestPorts {
    private TestPorts() {}

    public static CasePorts cases(Database db, PersistentCases cases) {
        return new CasePorts(cases, cases, new PersistentAwaitingMessages(db), new PersistentCaseReports(db));
    }
}
