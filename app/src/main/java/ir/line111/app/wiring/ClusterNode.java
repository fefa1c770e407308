package ir.line111.app.wiring;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.TcpIpConfig;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import ir.line111.core.config.ConfigException;
import ir.line111.core.config.Line111Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The node's Vert.x: a local one when {@code cluster.enabled} is false, otherwise a clustered one on
 * Hazelcast (Vert.x's own cluster manager, nothing home-made): TCP/IP join with the configured members,
 * no multicast, bound to {@code cluster.bind} (loopback unless told), no phone-home. The clustered
 * event bus, shared data and locks (the AMI lease) all come from it.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

    private final Vertx vertx;
    private final HazelcastInstance hazelcast;

    private ClusterNode(Vertx vertx, HazelcastInstance hazelcast) {
        this.vertx = vertx;
        this.hazelcast = hazelcast;
    }

    public static boolean enabled(Line111Config config) {
        return config.bool("cluster.enabled");
    }

    /**
     * Refuses cluster mode on H2 in one line: an H2 file belongs to one process, so the nodes would not
     * share cases, codes or jobs. Called before the database is opened.
     */
    public static void requireSharedDatabase(Line111Config config) {
        if (enabled(config) && !config.string("db.url").startsWith("jdbc:postgresql:")) {
            throw new ConfigException("cluster.enabled", "needs PostgreSQL as the one store of all nodes, but db.url is "
                    + config.string("db.url").replaceFirst("^(jdbc:[a-z0-9]+:).*", "$1...")
                    + " (set db.url to jdbc:postgresql://HOST:5432/DB or cluster.enabled=false)");
        }
    }

    /** Starts (and for a cluster, joins) the node's Vert.x; blocks until it is ready. */
    public static ClusterNode start(Line111Config config) {
        if (!enabled(config)) return new ClusterNode(Vertx.vertx(), null);
        requireSharedDatabase(config);
        String bind = config.string("cluster.bind");
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcastConfig(config));
        VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions()
                .setHost(bind).setPort(config.integer("cluster.bus-port", 0, 65535)).setClusterPublicHost(bind));
        try {
            Vertx vertx = Vertx.builder().with(options).withClusterManager(manager).buildClustered()
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            HazelcastInstance hz = manager.getHazelcastInstance();
            log.info("cluster '{}' joined as {} ({} member(s))", config.string("cluster.name"),
                    hz.getCluster().getLocalMember().getAddress(), hz.getCluster().getMembers().size());
            return new ClusterNode(vertx, hz);
        } catch (Exception e) {
            throw new IllegalStateException("cannot join cluster '" + config.string("cluster.name") + "' on " + bind + ":"
                    + config.string("cluster.port") + ": " + (e.getCause() != null ? e.getCause() : e), e);
        }
    }

    /** Hazelcast's configuration from the cluster.* keys, with Vert.x's maps as its default-cluster.xml has them. */
    static Config hazelcastConfig(Line111Config config) {
        Config hz = new Config();
        hz.setClusterName(config.string("cluster.name"));
        hz.setInstanceName("line111-" + config.string("cluster.name") + "-" + Long.toHexString(System.nanoTime()));
        int timeout = config.integer("cluster.member-timeout-seconds", 2, 600);
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.logging.type", "slf4j");
        hz.setProperty("hazelcast.shutdownhook.enabled", "false");
        hz.setProperty("hazelcast.socket.bind.any", "false");
        hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        hz.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(timeout));
        hz.setProperty("hazelcast.wait.seconds.before.join", "0");
        hz.setProperty("hazelcast.max.wait.seconds.before.join", "1");
        hz.setProperty("hazelcast.tcp.join.port.try.count", "3");
        // Nodes that started at the same moment and formed two clusters find each other and merge soon.
        hz.setProperty("hazelcast.merge.first.run.delay.seconds", "15");
        hz.setProperty("hazelcast.merge.next.run.delay.seconds", "15");
        NetworkConfig net = hz.getNetworkConfig();
        net.setPort(config.port("cluster.port")).setPortAutoIncrement(true)
                .setPortCount(config.integer("cluster.port-count", 1, 1000));
        net.getInterfaces().setEnabled(true).addInterface(config.string("cluster.bind"));
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        TcpIpConfig tcp = join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        for (String member : members(config)) tcp.addMember(member);
        hz.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        hz.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        hz.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
        return hz;
    }

    static List<String> members(Line111Config config) {
        return Arrays.stream(config.string("cluster.members").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Vertx vertx() {
        return vertx;
    }

    public boolean clustered() {
        return hazelcast != null;
    }

    /** The cluster's Hazelcast member, or null for a single node. */
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    /** Leaves the cluster (its locks go to the others) and closes Vert.x. */
    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
