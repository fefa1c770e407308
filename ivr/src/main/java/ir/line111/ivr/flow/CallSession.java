package ir.line111.ivr.flow;

import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.recordings.RecordingStore.PlannedRecording;
import ir.line111.core.domain.recordings.RecordingStore.StoredRecording;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one call has gathered so far. One script instance serves every call, so all per-call
 * state lives here, owned by the call's own thread.
 */
public final class CallSession {

    /** A national ID as the flow got it: {@code id} null when it could not be made out. */
    public record IdCapture(NationalId id, boolean verified, StoredRecording recording, boolean keyed) {
        public static final IdCapture NONE = new IdCapture(null, false, null, false);
    }

    public final String callId;
    public final String callerNumber;
    public final String channelName;
    public final Caller caller;

    String lastStep = "start";
    CallOutcome outcome;
    final List<StoredRecording> recordings = new ArrayList<>();
    /** A recording Asterisk may be writing right now: adopted even if the call dies mid-way. */
    PlannedRecording pending;
    IdCapture callerId = IdCapture.NONE;
    IdCapture subjectId;
    Relation relation = Relation.SELF;
    /** The caller chose to add their message to this likely duplicate. */
    CaseSummary addTo;
    /** The last message recorded and kept, not yet registered. */
    StoredRecording message;
    boolean messageSettled;
    boolean registrationTried;
    /** The spoken-ID recording the entry script handed to the dialplan, for the after-queue entry. */
    Long spokenIdRecordingFromChannel;
    CaseSummary issued;
    boolean handedOver;

    public CallSession(String callId, String callerNumber, String channelName, Caller caller) {
        this.callId = callId;
        this.callerNumber = callerNumber;
        this.channelName = channelName;
        this.caller = caller;
    }

    public String lastStep() { return lastStep; }
    public CallOutcome outcome() { return outcome; }
    public List<StoredRecording> recordings() { return List.copyOf(recordings); }
    public CaseSummary issued() { return issued; }

    /** The person the matter is about: the other person's ID when it is not the caller's own. */
    IdCapture subject() {
        return relation == Relation.SELF || subjectId == null ? callerId : subjectId;
    }
}
