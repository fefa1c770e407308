package ir.line111.console;

import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** {@link IdempotencyTest} on PostgreSQL: the primary key refuses the second claim with its own SQL state. */
class IdempotencyPostgresTest extends IdempotencyTest {
    @BeforeAll
    static void start() { fx = new ConsoleFixture(TestDatabases.postgres()); }
}
