package ir.line111.core.events;

import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.events.EarlierCase;
import ir.line111.core.domain.events.OperatorState;
import ir.line111.core.domain.events.QueueAbandoned;
import ir.line111.core.domain.events.QueueState;
import ir.line111.core.domain.events.ScreenPop;
import ir.line111.core.domain.events.WrapUp;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one codec of the IVR–console events: every record survives the text that crosses the (clustered) bus. */
class EventJsonTest {

    static final NationalId CALLER = NationalId.of("0499370899");
    static final Instant AT = Instant.parse("2026-03-01T08:15:30Z");

    static ScreenPop pop() {
        EarlierCase earlier = new EarlierCase(7, TrackingCode.fromBody(12345678), CaseKind.COMPLAINT, Channel.PHONE_LIVE,
                CaseStatus.REFERRED, "شهرداری", AT.minusSeconds(86_400), AT.plusSeconds(3600), false);
        return new ScreenPop("call-1", "1700.1", "PJSIP/trunk-1", "line111-operators", "PJSIP/1001", "maryam",
                "09121234567", "Ali", CALLER, true, 42L, CALLER, Relation.SELF, null, "/rec/c1", 12, AT, List.of(earlier));
    }

    @Test
    void aScreenPopComesBackEqualWithItsIdsTypedAndAsDigitsOnTheWire() {
        ScreenPop pop = pop();
        String wire = EventJson.encode(pop);
        assertThat(wire).contains("\"nationalId\":\"0499370899\"").contains("\"connectedAt\":\"2026-03-01T08:15:30Z\"")
                .contains("\"relation\":\"SELF\"").contains("\"trackingCode\":\"" + pop.earlierCases().getFirst().trackingCode().digits() + "\"");
        assertThat(EventJson.decode(wire, ScreenPop.class)).isEqualTo(pop);
        assertThat(EventJson.toMap(pop)).containsEntry("nationalId", "0499370899").containsEntry("spokenIdRecordingId", 42L);
    }

    @Test
    void queueStateWrapUpAndAbandonedComeBackEqual() {
        QueueState state = new QueueState("q", true, true, true, AT,
                List.of(new QueueState.Caller("u1", "c1", 1, "0912", null, 30, AT.minusSeconds(30), CALLER)),
                List.of(new QueueState.Member("PJSIP/1001", "maryam", null, OperatorState.PAUSED, 1, true, "LUNCH", false, 4, null)),
                1, 1, 0, 0, 1, 30, 60, 120, 0.75, new QueueState.Today(LocalDate.of(2026, 3, 1), 20, 8, 6, 2, 0.75));
        assertThat(EventJson.decode(EventJson.encode(state), QueueState.class)).isEqualTo(state);
        WrapUp w = new WrapUp("c1", "u1", "PJSIP/1001", "maryam", "0912", 120, 30, "agent", null, null, AT);
        assertThat(EventJson.decode(EventJson.encode(w), WrapUp.class)).isEqualTo(w);
        QueueAbandoned a = new QueueAbandoned("c2", "u2", "0913", 95, "q", AT);
        assertThat(EventJson.decode(EventJson.encode(a), QueueAbandoned.class)).isEqualTo(a);
        assertThat(EventJson.decode(EventJson.encode(QueueState.unknown("q", AT)), QueueState.class).known()).isFalse();
    }

    @Test
    void unknownFieldsAreIgnoredAndABadIdIsRefused() {
        assertThat(EventJson.decode("{\"callId\":\"c\",\"newerField\":1}", WrapUp.class).callId()).isEqualTo("c");
        assertThat(EventJson.decode("{\"callId\":\"c\"}", ScreenPop.class).relation()).isEqualTo(Relation.SELF);
        assertThatThrownBy(() -> EventJson.decode("{\"nationalId\":\"1234567890\"}", ScreenPop.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("1234567890");
        assertThatThrownBy(() -> EventJson.decode("not json", ScreenPop.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
