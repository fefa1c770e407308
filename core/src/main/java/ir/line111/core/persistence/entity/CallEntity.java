package ir.line111.core.persistence.entity;

import ir.line111.core.domain.calls.CallOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A call that reached the IVR ({@code call_record}), keyed for lookups by Asterisk's unique id. */
@Entity
@Table(name = "call_record")
public class CallEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "call_record_seq")
    @SequenceGenerator(name = "call_record_seq", sequenceName = "call_record_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;
    @Column(name = "call_id", nullable = false)
    private String callId;
    @Column(name = "caller_number")
    private String callerNumber;
    @Column(name = "channel_name")
    private String channelName;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Enumerated(EnumType.STRING) @Column(name = "outcome", nullable = false)
    private CallOutcome outcome;
    @Column(name = "last_step")
    private String lastStep;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "satisfaction")
    private Integer satisfaction;

    protected CallEntity() {}

    public CallEntity(String callId, String callerNumber, String channelName, Instant startedAt) {
        this.callId = callId;
        this.callerNumber = callerNumber;
        this.channelName = channelName;
        this.startedAt = startedAt;
        this.outcome = CallOutcome.IN_PROGRESS;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public String getCallerNumber() { return callerNumber; }
    public String getChannelName() { return channelName; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public void setEndedAt(Instant v) { endedAt = v; }
    public CallOutcome getOutcome() { return outcome; }
    public void setOutcome(CallOutcome v) { outcome = v; }
    public String getLastStep() { return lastStep; }
    public void setLastStep(String v) { lastStep = v; }
    public Long getCaseId() { return caseId; }
    public void setCaseId(Long v) { caseId = v; }
    public Integer getSatisfaction() { return satisfaction; }
    public void setSatisfaction(Integer v) { satisfaction = v; }
}
