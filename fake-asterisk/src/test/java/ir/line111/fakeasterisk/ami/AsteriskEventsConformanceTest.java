package ir.line111.fakeasterisk.ami;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The events the fake scripts carry the same headers, in the same order, as Asterisk 22.10.1 sent them. */
class AsteriskEventsConformanceTest {

    private static List<AmiMessage> traced() {
        Path dir = AmiTrace.defaultFolder();
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "shared/asterisk-traces is not beside the checkout");
        List<AmiMessage> all = new ArrayList<>();
        for (String t : List.of("ami-queue-call-answered.trace", "ami-queue-call-abandoned.trace",
                "ami-login-and-state.trace", "ami-queue-call-answered-stopmixmonitor.trace")) {
            all.addAll(AmiTrace.load(dir.resolve(t)).events());
        }
        return all;
    }

    private static List<String> names(AmiMessage m) {
        return m.headers().stream().map(AmiMessage.Header::name).toList();
    }

    private static AmiMessage first(List<AmiMessage> events, String name) {
        return events.stream().filter(e -> e.isEvent(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in the traces"));
    }

    @Test
    void scriptedEventsHaveTheTracedHeaderOrder() {
        List<AmiMessage> traced = traced();
        AmiModel.Channel caller = new AmiModel.Channel("Local/x@y-00000001;1", "1.1", "1.1", "5551234", "Queue Caller", "queue-entry", "s");
        AmiModel.Channel agent = new AmiModel.Channel("Local/agent@agents-00000002;1", "1.2", "1.1", "5551234", "Queue Caller", "agents", "s");
        AmiModel.Member m = new AmiModel.Member("Local/agent@agents/n", "AgentLocal");
        Set<String> none = Set.of();
        Stream.of(
                AsteriskEvents.queueCallerJoin(caller, "testq", 1, 1, none),
                AsteriskEvents.queueCallerLeave(caller, "testq", 1, 0, none),
                AsteriskEvents.queueCallerAbandon(caller, "testq", 1, 1, 4, none),
                AsteriskEvents.agentCalled(caller, agent, "testq", m, none),
                AsteriskEvents.agentConnect(caller, agent, "testq", m, 0, 0, none),
                AsteriskEvents.agentComplete(caller, agent, "testq", m, 0, 6, "agent", none),
                AsteriskEvents.hangup(caller, 16, "Normal Clearing", none),
                AsteriskEvents.varSet(caller, "MONITOR_FILENAME", "x", none),
                AsteriskEvents.mixMonitorStart(caller, none),
                AsteriskEvents.mixMonitorStop(caller, none),
                AsteriskEvents.queueMember("QueueMemberStatus", "testq", m),
                AsteriskEvents.queueMember("QueueMemberAdded", "testq", m),
                AsteriskEvents.queueMember("QueueMemberPause", "testq", m),
                AsteriskEvents.queueMember("QueueMemberRemoved", "testq", m),
                AsteriskEvents.deviceStateChange("Queue:testq_avail", "NOT_INUSE")
        ).forEach(ours -> assertThat(names(ours)).as(ours.eventName()).isEqualTo(names(first(traced, ours.eventName()))));
    }

    @Test
    void chanVariableLinesFollowTheChannelBlock() {
        AmiModel.Channel caller = new AmiModel.Channel("Local/x@y-00000001;1", "1.1", "1.1", "5551234", "C", "q", "s");
        caller.vars.put("LINE111_CALL_ID", "c-1");
        AmiMessage join = AsteriskEvents.queueCallerJoin(caller, "q", 1, 1, Set.of("LINE111_CALL_ID"));
        List<String> n = names(join);
        assertThat(n.indexOf("ChanVariable")).isEqualTo(n.indexOf("Linkedid") + 1);
        assertThat(join.get("ChanVariable")).isEqualTo("LINE111_CALL_ID=c-1");
    }
}
