package ir.line111.core.persistence;

import ir.line111.core.testing.TestDatabases;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A one-shot command skips Flyway only when every migration on the classpath is in the history. */
class MigrationsOnClasspathTest {

    @Test
    void aMigratedDatabaseHasEverythingAndAnEmptyOneNothing() throws Exception {
        assertThat(MigrationsOnClasspath.versions()).contains("1", "2", "5");
        try (Database db = TestDatabases.h2()) {
            assertThat(MigrationsOnClasspath.allApplied(db.dataSource())).isTrue();
            try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
                st.executeUpdate("delete from \"flyway_schema_history\" where \"version\" = '5'");
            }
            assertThat(MigrationsOnClasspath.allApplied(db.dataSource())).as("one version missing").isFalse();
        }
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:empty-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        assertThat(MigrationsOnClasspath.allApplied(empty)).isFalse();
    }
}
