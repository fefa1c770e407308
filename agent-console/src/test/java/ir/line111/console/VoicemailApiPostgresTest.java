package ir.line111.console;

import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** {@link VoicemailApiTest} on PostgreSQL (a fresh schema; skipped when PostgreSQL is down, except in CI). */
class VoicemailApiPostgresTest extends VoicemailApiTest {
    @BeforeAll
    static void start() { fx = new ConsoleFixture(TestDatabases.postgres()); }
}
