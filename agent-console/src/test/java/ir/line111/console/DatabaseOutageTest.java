package ir.line111.console;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.vertx.core.json.JsonObject;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The database goes away under a signed-in user: clear 503s that invite a retry, and /health says DOWN. */
class DatabaseOutageTest {

    /** What these tests provoke on purpose is kept off the console (assertions read it where it matters). */
    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.of("ir.line111.console.http");

    @Test
    void aLostDatabaseGives503AndHealthSaysSo() throws Exception {
        try (ConsoleFixture fx = ConsoleFixture.h2()) {
            Browser op = fx.signedIn("operator");
            assertThat(op.get("/api/cases?size=1").status()).isEqualTo(200);
            Connection c = fx.db.dataSource().getConnection();
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
            try {
                c.close();
            } catch (java.sql.SQLException expected) {
                // the pool's connection to a database that is gone
            }
            var r = op.get("/api/cases?size=1");
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.error()).isEqualTo("unavailable");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            var save = op.post("/api/cases", new JsonObject().put("kind", "REQUEST").put("summary", "x")
                    .put("subject", new JsonObject().put("nationalId", "0499370899")));
            assertThat(save.status()).as(save.body()).isEqualTo(503);
            var health = fx.browser().get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().getJsonObject("checks").getJsonObject("database").getString("status")).isEqualTo("DOWN");
            assertThat(fx.browser().get("/health/live").status()).isEqualTo(200);
        }
    }
}
