package ir.line111.core.persistence.entity;

import ir.line111.core.domain.cases.CaseStatus;
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

/** One timeline entry of a case ({@code case_event}); appended, never changed. */
@Entity
@Table(name = "case_event")
public class CaseEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_event_seq")
    @SequenceGenerator(name = "case_event_seq", sequenceName = "case_event_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;
    @Column(name = "case_id", nullable = false)
    private long caseId;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(name = "actor", nullable = false)
    private String actor;
    @Column(name = "event_type", nullable = false)
    private String eventType;
    @Column(name = "detail")
    private String detail;
    @Enumerated(EnumType.STRING) @Column(name = "from_status")
    private CaseStatus fromStatus;
    @Enumerated(EnumType.STRING) @Column(name = "to_status")
    private CaseStatus toStatus;
    @Column(name = "call_id")
    private String callId;
    @Column(name = "recording_id")
    private Long recordingId;
    /** The entry's parameters (core TimelineText), form-urlencoded; null on rows written before V10. */
    @Column(name = "params")
    private String params;

    protected CaseEventEntity() {}

    public CaseEventEntity(long caseId, Instant occurredAt, String actor, String eventType, String detail,
                           CaseStatus fromStatus, CaseStatus toStatus, String callId, Long recordingId) {
        this.caseId = caseId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.eventType = eventType;
        this.detail = detail;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.callId = callId;
        this.recordingId = recordingId;
    }

    public CaseEventEntity(long caseId, Instant occurredAt, String actor, String eventType, String params, String detail,
                           CaseStatus fromStatus, CaseStatus toStatus, String callId, Long recordingId) {
        this(caseId, occurredAt, actor, eventType, detail, fromStatus, toStatus, callId, recordingId);
        this.params = params;
    }

    public Long getId() { return id; }
    public long getCaseId() { return caseId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getEventType() { return eventType; }
    public String getDetail() { return detail; }
    public CaseStatus getFromStatus() { return fromStatus; }
    public CaseStatus getToStatus() { return toStatus; }
    public String getCallId() { return callId; }
    public Long getRecordingId() { return recordingId; }
    public String getParams() { return params; }
}
