package ir.line111.app.wiring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import ir.line111.console.ports.HealthCheck;
import ir.line111.ivr.agi.IvrServer;
import ir.line111.ivr.ami.AmiService;

/**
 * What the FastAGI and AMI edges shed under abuse, for {@code /metrics} and {@code /health}: stalled
 * FastAGI sockets, refused calls, AMI events dropped in a flood, malformed AMI messages. Each was
 * invisible before (a slot held, an event lost, a reader dead) and must now be counted.
 */
public final class EdgeMetrics {
    private EdgeMetrics() {}

    public static void register(MeterRegistry metrics, IvrServer ivr, AmiService ami) {
        FunctionCounter.builder("line111.agi.connections.stalled", ivr, IvrServer::stalledConnections)
                .description("FastAGI connections dropped before their environment was complete").register(metrics);
        FunctionCounter.builder("line111.agi.connections.turned.away", ivr, IvrServer::turnedAwayConnections)
                .description("FastAGI connections closed at once: agi.max-connecting others were still sending their environment").register(metrics);
        FunctionCounter.builder("line111.agi.calls.refused", ivr, IvrServer::refusedCalls)
                .description("calls sent to the dialplan's fallback at the ceiling or while stopping").register(metrics);
        Gauge.builder("line111.agi.calls.active", ivr, IvrServer::activeCalls).register(metrics);
        FunctionCounter.builder("line111.ami.events.dropped", ami, AmiService::droppedEvents)
                .description("AMI events dropped because they came faster than they could be applied").register(metrics);
        FunctionCounter.builder("line111.ami.messages.malformed", ami, AmiService::malformedMessages)
                .description("AMI messages skipped or completed because Asterisk-Java could not have read them").register(metrics);
        Gauge.builder("line111.ami.event.queue.high.water", ami, AmiService::eventQueueHighWater).register(metrics);
    }

    /** The AMI check's state, with what it dropped and skipped when there was any. */
    public static HealthCheck.Status amiHealth(boolean configured, AmiService ami) {
        if (!configured) return HealthCheck.Status.disabled("ami.username is not set");
        if (!ami.holdsAmi()) return HealthCheck.Status.up("standby: another node of the cluster holds the AMI connection");
        String shed = ami.droppedEvents() == 0 && ami.malformedMessages() == 0 ? ""
                : "; " + ami.droppedEvents() + " events dropped under load, " + ami.malformedMessages() + " malformed messages";
        return ami.connected() ? HealthCheck.Status.up("connected" + shed) : HealthCheck.Status.down("not connected, retrying" + shed);
    }

    /**
     * What the backend could verify of the PBX over AMI with its least-privilege user (the queue, its
     * members, the dialplan's applications as they showed in events), and what it cannot: modules and
     * configuration need {@code asterisk-conf/bin/check-pbx} on the PBX itself.
     */
    public static HealthCheck.Status pbxHealth(boolean configured, AmiService ami) {
        if (!configured) return HealthCheck.Status.disabled("ami.username is not set: nothing of the PBX can be verified from here; run asterisk-conf/bin/check-pbx on the PBX");
        java.util.Map<String, Object> facts = ami.pbxFacts();
        String detail = facts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        Object queue = facts.get("queue");
        boolean ok = queue != null && !queue.toString().contains("MISSING");
        return ok ? HealthCheck.Status.up(detail) : HealthCheck.Status.down(detail);
    }
}
