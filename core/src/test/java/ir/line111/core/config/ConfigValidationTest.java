package ir.line111.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigValidationTest {

    @Test
    void theDefaultsAreValid() {
        assertThat(Line111Config.of(Map.of()).validate()).isNotNull();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "agi.port|45730000",
            "console.port|eighty",
            "ami.port|-1",
            "db.pool.max|many",
            "cases.duplicate-window-days|30d",
            "ivr.keyed-id-fallback|maybe",
            "office.zone|Tehran/Iran",
            "office.days|SATURDAY,SUNDAY,SHANBE",
            "office.open|7.30",
            "office.close|25:00",
            "office.close|06:00",
            "agi.bind|0.0.0.0 ; rm",
            "db.url|jdbc:mysql://localhost/x",
            "data.dir|''",
            "speech.timeout-ms|1.5",
    })
    void eachMalformedValueIsRefusedNamingItsKey(String key, String value) {
        Line111Config c = Line111Config.of(Map.of(key, value));
        assertThatThrownBy(c::validate)
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key))
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining(Line111Config.envName(key));
    }

    @Test
    void environmentOverridesAreValidatedToo() {
        Line111Config c = Line111Config.load(null, Map.of("LINE111_AGI_PORT", "x"));
        assertThatThrownBy(c::validate).hasMessageContaining("LINE111_AGI_PORT").hasMessageContaining("whole number");
    }

    @Test
    void unknownKeysInTheFileAreRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("line111.properties");
        Files.writeString(f, "agi.prot=4573\n");
        assertThatThrownBy(() -> Line111Config.load(f, Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("agi.prot");
    }

    @Test
    void theDefaultDatabaseLivesInTheDataDirectory() {
        assertThat(Line111Config.load(null, Map.of("LINE111_DATA_DIR", "/var/lib/line111")).string("db.url"))
                .startsWith("jdbc:h2:file:/var/lib/line111/line111;");
        assertThat(Line111Config.of(Map.of()).string("db.url")).startsWith("jdbc:h2:file:./data/line111;");
        assertThat(Line111Config.of(Map.of("data.dir", "/srv/x", "db.url", "jdbc:postgresql://127.0.0.1:5432/line111"))
                .string("db.url")).as("an explicit URL is kept").isEqualTo("jdbc:postgresql://127.0.0.1:5432/line111");
    }

    @Test
    void typedReadersGiveTheValues() {
        Line111Config c = Line111Config.of(Map.of("office.days", "saturday, sunday", "office.open", "08:00"));
        assertThat(c.dayNames("office.days")).hasSize(2);
        assertThat(c.timeOfDay("office.open")).hasToString("08:00");
    }
}
