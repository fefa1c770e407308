package ir.line111.console.ports;

import ir.line111.core.domain.cases.AwaitingMessages;
import ir.line111.core.domain.cases.CaseDesk;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseReports;

import java.util.Objects;

/**
 * Core's ports for everything the console reads or does to a case: the console has no SQL of its
 * own on core's case tables. {@code registry}: registration and the callers' side; {@code desk}:
 * search, the case page, the staff's actions; {@code messages}: the workbench's queue;
 * {@code reports}: the case figures of the reports.
 */
public record CasePorts(CaseRegistry registry, CaseDesk desk, AwaitingMessages messages, CaseReports reports) {
    public CasePorts {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(reports, "reports");
    }
}
