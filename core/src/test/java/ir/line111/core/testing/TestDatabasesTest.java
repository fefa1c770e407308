package ir.line111.core.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDatabasesTest {

    @Test
    void aDownPostgresSkipsWithItsReasonOutsideCiAndFailsInCi() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String before = System.getProperty("line111.test.pg.url");
        System.setProperty("line111.test.pg.url", "jdbc:postgresql://127.0.0.1:" + port + "/test");
        try {
            if (TestDatabases.inCi()) {
                assertThatThrownBy(TestDatabases::postgres).isInstanceOf(IllegalStateException.class).hasMessageContaining("CI=true");
            } else {
                assertThatThrownBy(TestDatabases::postgres).isInstanceOf(TestAbortedException.class)
                        .hasMessageContaining("PostgreSQL is not reachable at jdbc:postgresql://127.0.0.1:" + port);
            }
        } finally {
            if (before == null) System.clearProperty("line111.test.pg.url"); else System.setProperty("line111.test.pg.url", before);
        }
    }

    @Test
    void eachH2DatabaseIsPrivateAndMigrated() {
        try (var a = TestDatabases.h2(); var b = TestDatabases.h2()) {
            a.inTransaction(s -> s.persist(new ir.line111.core.persistence.entity.AgencyEntity("only in a", java.time.Instant.now())));
            long inB = b.fromTransaction(s -> s.createSelectionQuery("select count(*) from AgencyEntity", Long.class).getSingleResult());
            assertThat(inB).isZero();
        }
    }
}
