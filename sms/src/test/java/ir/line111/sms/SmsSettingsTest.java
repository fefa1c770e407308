package ir.line111.sms;

import ir.line111.core.config.ConfigException;
import ir.line111.core.config.Line111Config;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsSettingsTest {

    static final Map<String, String> ON = Map.of("sms.enabled", "true", "sms.system-id", "line111", "sms.password", "p",
            "sms.source-address", "3000111");

    @Test
    void offByDefaultAndTheDefaultsAreValid() {
        SmsSettings s = SmsSettings.of(Line111Config.of(Map.of()).validate());
        assertThat(s.enabled()).isFalse();
        assertThat(s.password()).isEmpty();
        assertThat(s.maxAttempts()).isEqualTo(5);
    }

    @Test
    void switchedOnItNeedsAnAccountAndASender() {
        assertThat(SmsSettings.of(Line111Config.of(ON)).enabled()).isTrue();
        for (String key : new String[]{"sms.system-id", "sms.password", "sms.source-address"}) {
            Map<String, String> without = new java.util.HashMap<>(ON);
            without.put(key, "");
            assertThatThrownBy(() -> SmsSettings.of(Line111Config.of(without))).isInstanceOf(ConfigException.class).hasMessageContaining(key);
        }
        assertThat(SmsSettings.of(Line111Config.of(ON)).toString()).doesNotContain("=p,").contains("password=***");
    }

    @Test
    void theBackOffDoublesUpToItsCeiling() {
        SmsSettings s = SmsSettings.of(Line111Config.of(ON).with("sms.retry-seconds", "60").with("sms.retry-max-seconds", "300"));
        assertThat(s.backoff(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.backoff(2)).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.backoff(3)).isEqualTo(Duration.ofSeconds(240));
        assertThat(s.backoff(4)).isEqualTo(Duration.ofSeconds(300));
        assertThat(s.backoff(40)).isEqualTo(Duration.ofSeconds(300));
    }
}
