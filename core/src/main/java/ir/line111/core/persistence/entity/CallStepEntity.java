package ir.line111.core.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One step of a call's path through the IVR ({@code call_step}); a recording made is a step with its id. */
@Entity
@Table(name = "call_step")
public class CallStepEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "call_step_seq")
    @SequenceGenerator(name = "call_step_seq", sequenceName = "call_step_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;
    @Column(name = "call_id", nullable = false)
    private String callId;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(name = "step", nullable = false)
    private String step;
    @Column(name = "detail")
    private String detail;
    @Column(name = "recording_id")
    private Long recordingId;

    protected CallStepEntity() {}

    public CallStepEntity(String callId, Instant occurredAt, String step, String detail, Long recordingId) {
        this.callId = callId;
        this.occurredAt = occurredAt;
        this.step = step;
        this.detail = detail;
        this.recordingId = recordingId;
    }

    public Long getId() { return id; }
    public String getCallId() { return callId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getStep() { return step; }
    public String getDetail() { return detail; }
    public Long getRecordingId() { return recordingId; }
}
