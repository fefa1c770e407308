package ir.line111.ivr.ami;

import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.fakeasterisk.ami.FakeAmiServer;
import ir.line111.ivr.DialplanContract;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** AgentConnect over a real AMI socket → the screen-pop on the event bus with the caller's data; hang-up → wrap-up. */
class AmiScreenPopTest {

    static final String OPERATOR = "PJSIP/1001";

    static Map<String, String> ivrVariables(String callId) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(DialplanContract.VAR_CALL_ID, callId);
        v.put(DialplanContract.VAR_NATIONAL_ID, "0499370899");
        v.put(DialplanContract.VAR_NATIONAL_ID_VERIFIED, "true");
        v.put(DialplanContract.VAR_SPOKEN_ID_RECORDING, "17");
        v.put(DialplanContract.VAR_SUBJECT_NATIONAL_ID, "0684159414");
        v.put(DialplanContract.VAR_RELATION, Relation.CHILD.name());
        v.put(DialplanContract.VAR_DRAFT_CASE, "99");
        v.put(DialplanContract.VAR_CONVERSATION_FILE, "/var/spool/line111/conversations/" + callId);
        return v;
    }

    static FakeAmiServer.Builder withOperator() {
        return FakeAmiServer.builder().staticMember(AmiRig.QUEUE, OPERATOR, "operator-1", Instant.now().getEpochSecond());
    }

    static CaseSummary earlierCase() {
        return new CaseSummary(7, TrackingCode.fromBody(1234567), CaseKind.values()[0], Channel.values()[0],
                CaseStatus.values()[0], SubjectPerson.self(NationalId.of("0684159414"), true), "water company",
                Instant.parse("2026-10-01T08:00:00Z"), null, null);
    }

    private static void assertCallerData(JsonObject pop, String callId) {
        assertThat(pop.getString("callId")).isEqualTo(callId);
        assertThat(pop.getString("callerNumber")).isEqualTo("09121234567");
        assertThat(pop.getString("operator")).isEqualTo(OPERATOR);
        assertThat(pop.getString("operatorName")).isEqualTo("operator-1");
        assertThat(pop.getString("nationalId")).isEqualTo("0499370899");
        assertThat(pop.getBoolean("nationalIdVerified")).isTrue();
        assertThat(pop.getLong("spokenIdRecordingId")).isEqualTo(17L);
        assertThat(pop.getString("subjectNationalId")).isEqualTo("0684159414");
        assertThat(pop.getString("relation")).isEqualTo("CHILD");
        assertThat(pop.getLong("draftCaseId")).isEqualTo(99L);
    }

    @Test
    void agentConnectPopsTheCallerWithIvrVariablesAndEarlierCasesThenWrapsUp() {
        try (AmiRig rig = new AmiRig(withOperator())) {
            // The matter is the child's: the history shown is the subject's, looked up once by the subject's ID.
            rig.start(subject -> subject.digits().equals("0684159414") ? List.of(earlierCase()) : List.of());
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.snapshot().known());

            FakeAmiServer.QueueCall call = rig.server.call(AmiRig.QUEUE, "09121234567").join(ivrVariables("call-42"), false);
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.service.snapshot().callersWaiting() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.lastState() != null && rig.lastState().getInteger("callersWaiting") == 1);
            JsonObject waiting = rig.lastState().getJsonArray("callers").getJsonObject(0);
            assertThat(waiting.getString("callId")).isEqualTo("call-42");
            assertThat(waiting.getString("callerNumber")).isEqualTo("09121234567");
            assertThat(waiting.getString("nationalId")).isEqualTo("0499370899");
            assertThat(rig.lastState().getBoolean("known")).isTrue();
            call.connect(OPERATOR);

            await().atMost(Duration.ofSeconds(5)).until(() -> rig.screenPops.size() == 1);
            JsonObject pop = rig.screenPops.getFirst();
            assertCallerData(pop, "call-42");
            assertThat(pop.getString("uniqueId")).isEqualTo(call.uniqueId());
            assertThat(pop.getJsonArray("earlierCases")).hasSize(1);
            assertThat(pop.getJsonArray("earlierCases").getJsonObject(0).getString("trackingCode"))
                    .isEqualTo(TrackingCode.fromBody(1234567).digits());
            assertThat(rig.earlierCaseLookups).containsExactly("0684159414");
            // The variables came with VarSet: no GetVar round trips were needed.
            assertThat(rig.server.actions("GetVar")).isEmpty();
            assertThat(rig.service.snapshot().callersWaiting()).isZero();

            call.complete();
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.wrapUps.size() == 1 && rig.conversations.size() == 1);
            JsonObject w = rig.wrapUps.getFirst();
            assertThat(w.getString("callId")).isEqualTo("call-42");
            assertThat(w.getString("operator")).isEqualTo(OPERATOR);
            assertThat(w.getLong("talkSeconds")).isNotNull();
            assertThat(rig.conversations.getFirst().basePath()).isEqualTo(Path.of("/var/spool/line111/conversations/call-42"));
            assertThat(rig.conversations.getFirst().operator()).isEqualTo(OPERATOR);
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.outcomes.size() == 1);
            assertThat(rig.outcomes.getFirst().outcome()).isEqualTo(QueueOutcome.ANSWERED);
            assertThat(rig.outcomes.getFirst().callId()).isEqualTo("call-42");
        }
    }

    @Test
    void variablesConfiguredAsChanVariableComeWithTheQueueEvents() {
        var helperLogger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                "org.asteriskjava.manager.util.EventAttributesHelper");
        var warnings = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        warnings.start();
        helperLogger.addAppender(warnings);
        try (AmiRig rig = new AmiRig(withOperator().channelVariablesInEvents(
                ivrVariables("x").keySet().toArray(String[]::new)))) {
            rig.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.snapshot().known());
            // Set silently: only the ChanVariable headers of the queue events carry them.
            FakeAmiServer.QueueCall call = rig.server.call(AmiRig.QUEUE, "09121234567");
            call.channel.vars.putAll(ivrVariables("call-43"));
            call.join(Map.of(), false).connect(OPERATOR);
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.screenPops.size() == 1);
            assertCallerData(rig.screenPops.getFirst(), "call-43");
            assertThat(rig.server.actions("GetVar")).isEmpty();
            call.complete();
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.wrapUps.size() == 1);
            // DestChanVariable on the agent events is taken without a warning per event.
            assertThat(warnings.list).extracting(e -> e.getFormattedMessage()).noneMatch(m -> m.contains("chanvariable"));
        } finally {
            helperLogger.detachAppender(warnings);
        }
    }

    @Test
    void missedVariablesAreFetchedWithGetVarOffTheReaderThread() {
        try (AmiRig rig = new AmiRig(withOperator())) {
            // The caller queued before we connected: its VarSet events were never seen.
            FakeAmiServer.QueueCall call = rig.server.call(AmiRig.QUEUE, "09121234567").join(ivrVariables("call-44"), true);
            rig.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> rig.service.snapshot().callersWaiting() == 1);
            call.connect(OPERATOR);
            await().atMost(Duration.ofSeconds(5)).until(() -> rig.screenPops.size() == 1);
            assertCallerData(rig.screenPops.getFirst(), "call-44");
            assertThat(rig.server.actions("GetVar")).isNotEmpty();
            assertThat(rig.server.actions("GetVar").getFirst().action().get("Channel")).isEqualTo(call.channel.name);
        }
    }
}
