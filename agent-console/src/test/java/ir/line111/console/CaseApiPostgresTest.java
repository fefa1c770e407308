package ir.line111.console;

import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** {@link CaseApiTest} on PostgreSQL (a fresh schema; skipped when PostgreSQL is down, except in CI). */
class CaseApiPostgresTest extends CaseApiTest {
    @BeforeAll
    static void start() { fx = new ConsoleFixture(TestDatabases.postgres()); }
}
