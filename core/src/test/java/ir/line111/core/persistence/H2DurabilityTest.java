package ir.line111.core.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2DurabilityTest {
    @Test
    void anH2FileDatabaseWritesEveryCommitBeforeItReturns() {
        assertThat(H2Durability.durable("jdbc:h2:file:./data/line111;AUTO_SERVER=FALSE"))
                .isEqualTo("jdbc:h2:file:./data/line111;AUTO_SERVER=FALSE;WRITE_DELAY=0");
        assertThat(H2Durability.durable("jdbc:h2:./x;write_delay=0")).isEqualTo("jdbc:h2:./x;write_delay=0");
    }

    @Test
    void aWriteDelayThatCouldLoseSpokenCodesIsRefused() {
        assertThatThrownBy(() -> H2Durability.durable("jdbc:h2:file:./x;WRITE_DELAY=500"))
                .isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("WRITE_DELAY=500");
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        assertThat(H2Durability.durable("jdbc:h2:mem:t;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:t;DB_CLOSE_DELAY=-1");
        assertThat(H2Durability.durable("jdbc:postgresql://127.0.0.1/x")).isEqualTo("jdbc:postgresql://127.0.0.1/x");
    }
}
