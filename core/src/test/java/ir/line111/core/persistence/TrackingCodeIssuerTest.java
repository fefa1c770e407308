package ir.line111.core.persistence;

import ir.line111.core.config.ConfigException;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.testing.OnBothDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingCodeIssuerTest {

    @OnBothDatabases
    void issuesDistinctValidNonSequentialCodes(Database db) {
        TrackingCodeIssuer issuer = new TrackingCodeIssuer(db, CasePersistenceTest.KEY);
        Set<String> seen = new HashSet<>();
        TrackingCode previous = null;
        int ascending = 0;
        for (int i = 0; i < 500; i++) {
            TrackingCode c = issuer.issue();
            assertThat(seen.add(c.digits())).as("code %s issued twice", c).isTrue();
            assertThat(TrackingCode.parse(c.digits())).isInstanceOf(TrackingCode.Parsed.Valid.class);
            assertThat(issuer.codeFor(issuer.sequenceValueOf(c))).isEqualTo(c);
            if (previous != null && c.digits().compareTo(previous.digits()) > 0) ascending++;
            previous = c;
        }
        // a sequence would ascend 499 times; a permutation about half of them
        assertThat(ascending).isBetween(150, 350);
    }

    @OnBothDatabases
    void aChangedKeyIsRefusedAtStart(Database db) {
        new TrackingCodeIssuer(db, CasePersistenceTest.KEY).issue();
        assertThatThrownBy(() -> new TrackingCodeIssuer(db, "another key, also 32 bytes long!".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tracking.key")
                .hasMessageContaining("not the key");
    }

    @Test
    void anEmptyKeyIsGeneratedOnceIntoTheDataDirectoryReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        Line111Config config = Line111Config.of(Map.of("data.dir", dir.toString()));
        byte[] first = TrackingCodeIssuer.loadKey(config);
        Path file = dir.resolve(TrackingCodeIssuer.KEY_FILE);
        assertThat(first).hasSize(32);
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(TrackingCodeIssuer.loadKey(config)).isEqualTo(first);
    }

    @Test
    void aConfiguredKeyWinsAndMustBeLongEnough(@TempDir Path dir) {
        String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        assertThat(TrackingCodeIssuer.loadKey(Line111Config.of(Map.of("tracking.key", hex, "data.dir", dir.toString())))).hasSize(32);
        assertThat(dir.resolve(TrackingCodeIssuer.KEY_FILE)).doesNotExist();
        assertThatThrownBy(() -> TrackingCodeIssuer.loadKey(Line111Config.of(Map.of("tracking.key", "short"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("tracking.key");
    }
}
