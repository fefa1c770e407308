package ir.line111.core.persistence.entity;

import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.Relation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A row of {@code case_record}. The agency is kept as an id: lists join it by name when they need it. */
@Entity
@Table(name = "case_record")
public class CaseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_record_seq")
    @SequenceGenerator(name = "case_record_seq", sequenceName = "case_record_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;
    @Column(name = "tracking_code", nullable = false, length = 9)
    private String trackingCode;
    @Enumerated(EnumType.STRING) @Column(name = "kind")
    private CaseKind kind;
    @Enumerated(EnumType.STRING) @Column(name = "channel", nullable = false)
    private Channel channel;
    @Enumerated(EnumType.STRING) @Column(name = "status", nullable = false)
    private CaseStatus status;
    @Column(name = "subject_national_id", length = 10)
    private String subjectNationalId;
    @Column(name = "subject_id_verified", nullable = false)
    private boolean subjectIdVerified;
    @Enumerated(EnumType.STRING) @Column(name = "subject_relation", nullable = false)
    private Relation subjectRelation;
    @Column(name = "subject_full_name")
    private String subjectFullName;
    @Column(name = "agency_id")
    private Long agencyId;
    @Column(name = "summary")
    private String summary;
    @Column(name = "description")
    private String description;
    @Enumerated(EnumType.STRING) @Column(name = "deadline_class")
    private DeadlineClass deadlineClass;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "registered_by", nullable = false)
    private String registeredBy;
    @Column(name = "caller_number")
    private String callerNumber;
    @Column(name = "call_id")
    private String callId;
    @Column(name = "spoken_id_recording_id")
    private Long spokenIdRecordingId;
    @Column(name = "message_recording_id")
    private Long messageRecordingId;
    @Column(name = "duplicate_of")
    private Long duplicateOf;
    @Column(name = "objection_count", nullable = false)
    private int objectionCount;
    @Column(name = "answer")
    private String answer;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version @Column(name = "row_version", nullable = false)
    private int rowVersion;

    public Long getId() { return id; }
    public String getTrackingCode() { return trackingCode; }
    public void setTrackingCode(String v) { trackingCode = v; }
    public CaseKind getKind() { return kind; }
    public void setKind(CaseKind v) { kind = v; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel v) { channel = v; }
    public CaseStatus getStatus() { return status; }
    public void setStatus(CaseStatus v) { status = v; }
    public String getSubjectNationalId() { return subjectNationalId; }
    public void setSubjectNationalId(String v) { subjectNationalId = v; }
    public boolean isSubjectIdVerified() { return subjectIdVerified; }
    public void setSubjectIdVerified(boolean v) { subjectIdVerified = v; }
    public Relation getSubjectRelation() { return subjectRelation; }
    public void setSubjectRelation(Relation v) { subjectRelation = v; }
    public String getSubjectFullName() { return subjectFullName; }
    public void setSubjectFullName(String v) { subjectFullName = v; }
    public Long getAgencyId() { return agencyId; }
    public void setAgencyId(Long v) { agencyId = v; }
    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public DeadlineClass getDeadlineClass() { return deadlineClass; }
    public void setDeadlineClass(DeadlineClass v) { deadlineClass = v; }
    public Instant getDueAt() { return dueAt; }
    public void setDueAt(Instant v) { dueAt = v; }
    public Instant getRegisteredAt() { return registeredAt; }
    public void setRegisteredAt(Instant v) { registeredAt = v; }
    public String getRegisteredBy() { return registeredBy; }
    public void setRegisteredBy(String v) { registeredBy = v; }
    public String getCallerNumber() { return callerNumber; }
    public void setCallerNumber(String v) { callerNumber = v; }
    public String getCallId() { return callId; }
    public void setCallId(String v) { callId = v; }
    public Long getSpokenIdRecordingId() { return spokenIdRecordingId; }
    public void setSpokenIdRecordingId(Long v) { spokenIdRecordingId = v; }
    public Long getMessageRecordingId() { return messageRecordingId; }
    public void setMessageRecordingId(Long v) { messageRecordingId = v; }
    public Long getDuplicateOf() { return duplicateOf; }
    public void setDuplicateOf(Long v) { duplicateOf = v; }
    public int getObjectionCount() { return objectionCount; }
    public void setObjectionCount(int v) { objectionCount = v; }
    public String getAnswer() { return answer; }
    public void setAnswer(String v) { answer = v; }
    public Instant getAnsweredAt() { return answeredAt; }
    public void setAnsweredAt(Instant v) { answeredAt = v; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant v) { closedAt = v; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant v) { updatedAt = v; }
    public int getRowVersion() { return rowVersion; }
}
