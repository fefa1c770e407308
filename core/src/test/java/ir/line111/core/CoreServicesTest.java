package ir.line111.core;

import ir.line111.core.config.ConfigException;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.persistence.CasePersistenceTestAccess;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoreServicesTest {

    @Test
    void opensFromConfigurationWithZeroSetUpAndKeepsCodesAcrossRestarts(@TempDir Path dir) {
        Line111Config config = Line111Config.of(Map.of(
                "data.dir", dir.toString(),
                "db.url", "jdbc:h2:file:" + dir.resolve("line111") + ";AUTO_SERVER=FALSE",
                "users.bcrypt-cost", "4"));
        CaseSummary first;
        try (CoreServices core = CoreServices.open(config)) {
            assertThat(core.users().ensureFirstAdmin()).isPresent();
            first = core.caseRegistry().register(CasePersistenceTestAccess.complaint(TestNationalIds.random()));
            assertThat(core.officeHours().schedule().daysText()).startsWith("SATURDAY");
        }
        try (CoreServices core = CoreServices.open(config)) {
            assertThat(core.users().ensureFirstAdmin()).isEmpty();
            assertThat(core.caseRegistry().findByTrackingCode(first.trackingCode())).map(CaseSummary::id).contains(first.id());
            CaseSummary second = core.caseRegistry().register(CasePersistenceTestAccess.complaint(TestNationalIds.random()));
            assertThat(second.trackingCode()).isNotEqualTo(first.trackingCode());
        }
        Line111Config otherKey = config.with("tracking.key", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        assertThatThrownBy(() -> CoreServices.open(otherKey)).isInstanceOf(ConfigException.class).hasMessageContaining("tracking.key");
    }

    @Test
    void aBadKeyStopsStartBeforeAnythingOpens() {
        assertThatThrownBy(() -> CoreServices.open(Line111Config.of(Map.of("console.port", "http"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("console.port");
    }
}
