package ir.line111.app.wiring;

import com.hazelcast.config.Config;
import ir.line111.app.Backend;
import ir.line111.core.config.ConfigException;
import ir.line111.core.config.Line111Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterNodeTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    final ir.line111.core.testing.ExpectedLogs logs = ir.line111.core.testing.ExpectedLogs.of(ir.line111.core.testing.ExpectedLogs.EVERYTHING);

    @TempDir Path dir;

    @Test
    void clusterModeIsOffByDefault() {
        assertThat(ClusterNode.enabled(Line111Config.of(Map.of()))).isFalse();
    }

    @Test
    void clusterModeOnH2IsRefusedInOneLineBeforeAnythingStarts() {
        Line111Config config = Line111Config.of(Map.of("data.dir", dir.toString(), "cluster.enabled", "true",
                "agi.port", "0", "console.port", "0"));
        assertThatThrownBy(() -> Backend.start(config, new PrintStream(OutputStream.nullOutputStream())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cluster.enabled").hasMessageContaining("PostgreSQL").hasMessageContaining("jdbc:h2:...")
                .hasMessageNotContaining("\n");
        assertThat(dir.resolve("line111.mv.db")).as("no database was opened").doesNotExist();
    }

    @Test
    void hazelcastJoinsOnlyTheListedMembersOnLoopbackAndNeverPhonesHome() {
        Config hz = ClusterNode.hazelcastConfig(Line111Config.of(Map.of("cluster.enabled", "true",
                "cluster.members", "127.0.0.1:5701, 127.0.0.1:5702", "cluster.name", "province")));
        assertThat(hz.getClusterName()).isEqualTo("province");
        assertThat(hz.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(hz.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(hz.getNetworkConfig().getJoin().getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(hz.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isTrue();
        assertThat(hz.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5701", "127.0.0.1:5702");
        assertThat(hz.getNetworkConfig().getInterfaces().isEnabled()).isTrue();
        assertThat(hz.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(hz.getNetworkConfig().isPortAutoIncrement()).isTrue();
        assertThat(hz.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    }
}
