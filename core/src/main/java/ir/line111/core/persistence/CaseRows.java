package ir.line111.core.persistence;

import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseAction;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseRules;
import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.CaseRuleException;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.NoSuchCaseException;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.TimelineEvent;
import ir.line111.core.domain.cases.TimelineText;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.entity.AgencyEntity;
import ir.line111.core.persistence.entity.CaseEntity;
import ir.line111.core.persistence.entity.CaseEventEntity;
import org.hibernate.Session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The case rows as {@link PersistentCases} and {@link CaseSearch} read and change them: load, move, timeline, summary. */
final class CaseRows {
    private CaseRows() {}

    static List<TimelineEvent> timeline(Session s, long caseId) {
        return s.createSelectionQuery("from CaseEventEntity e where e.caseId = :id order by e.occurredAt, e.id", CaseEventEntity.class)
                .setParameter("id", caseId).getResultList().stream()
                .map(e -> {
                    CaseEventType type = eventType(e.getEventType());
                    // another module's event name this version does not know is shown as a note, never lost
                    String detail = type == CaseEventType.NOTE && !"NOTE".equals(e.getEventType())
                            ? e.getEventType() + (e.getDetail() == null ? "" : ": " + e.getDetail()) : e.getDetail();
                    return new TimelineEvent(e.getId(), e.getCaseId(), e.getOccurredAt(), new Actor(e.getActor()),
                            type, detail, e.getFromStatus(), e.getToStatus(), e.getCallId(), e.getRecordingId(),
                            TimelineText.params(type, e.getParams(), detail));
                })
                .toList();
    }

    static CaseEventType eventType(String stored) {
        try {
            return CaseEventType.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return CaseEventType.NOTE;
        }
    }

    static CaseEntity load(Session s, long caseId) {
        CaseEntity c = s.find(CaseEntity.class, caseId);
        if (c == null) throw new NoSuchCaseException("id " + caseId);
        return c;
    }

    static void subject(CaseEntity c, SubjectPerson p) {
        c.setSubjectNationalId(p.nationalId() == null ? null : p.nationalId().digits());
        c.setSubjectIdVerified(p.nationalId() != null && p.idVerified());
        c.setSubjectRelation(p.relation());
        c.setSubjectFullName(p.fullName());
    }

    static CaseSummary summary(Session s, CaseEntity c) {
        AgencyEntity a = c.getAgencyId() == null ? null : s.find(AgencyEntity.class, c.getAgencyId());
        return a == null ? summary(c, null, null) : summary(c, a.getName(), a.getPromptKey());
    }

    static CaseSummary summary(CaseEntity c, String agencyName) {
        return summary(c, agencyName, null);
    }

    /** {@code agencyPromptKey}: the prompt the IVR says for the agency, kept with it (null: none). */
    static CaseSummary summary(CaseEntity c, String agencyName, String agencyPromptKey) {
        NationalId nid = c.getSubjectNationalId() == null ? null : new NationalId(c.getSubjectNationalId());
        return new CaseSummary(c.getId(), new TrackingCode(c.getTrackingCode()), c.getKind(), c.getChannel(), c.getStatus(),
                new SubjectPerson(nid, c.isSubjectIdVerified(), c.getSubjectRelation(), c.getSubjectFullName()),
                agencyName, c.getRegisteredAt(), c.getDueAt(), c.getAnswer(), agencyPromptKey);
    }

    /** Changes the status if the rules allow it, with its timeline event. */
    static void move(Session s, CaseEntity c, CaseStatus to, Instant now, Actor by, CaseEventType type,
                               String detail, String callId) {
        move(s, c, to, now, by, type, Map.of(), detail, callId);
    }

    /** As above, with the entry's parameters (TimelineText); {@code detail} is only what a person wrote. */
    static void move(Session s, CaseEntity c, CaseStatus to, Instant now, Actor by, CaseEventType type,
                     Map<String, String> params, String detail, String callId) {
        CaseStatus from = c.getStatus();
        if (!from.canMoveTo(to)) throw CaseRuleException.transition(from, to);
        c.setStatus(to);
        c.setUpdatedAt(now);
        if (to == CaseStatus.CLOSED) c.setClosedAt(now);
        event(s, c.getId(), now, by, type, params, detail, from, to, callId, null);
    }

    static void event(Session s, long caseId, Instant at, Actor by, CaseEventType type, String detail,
                                CaseStatus from, CaseStatus to, String callId, Long recordingId) {
        event(s, caseId, at, by, type, Map.of(), detail, from, to, callId, recordingId);
    }

    static void event(Session s, long caseId, Instant at, Actor by, CaseEventType type, Map<String, String> params, String detail,
                      CaseStatus from, CaseStatus to, String callId, Long recordingId) {
        s.persist(new CaseEventEntity(caseId, at, by.name(), type.name(), TimelineText.encode(params), blankToNull(detail),
                from, to, callId, recordingId));
    }

    /** Parameters in the order given, nulls left out. */
    static Map<String, String> params(String... keyValues) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) if (keyValues[i + 1] != null) m.put(keyValues[i], keyValues[i + 1]);
        return m;
    }

    static CaseDetail detail(Session s, CaseEntity c, Instant now) {
        CaseSummary sum = summary(s, c);
        return new CaseDetail(sum, c.getAgencyId(), c.getSummary(), c.getDescription(), c.getDeadlineClass(), c.getRegisteredBy(),
                c.getCallerNumber(), c.getCallId(), c.getSpokenIdRecordingId(), c.getMessageRecordingId(), c.getDuplicateOf(),
                c.getObjectionCount(), c.getAnsweredAt(), c.getClosedAt(), CaseRules.overdue(c.getStatus(), c.getDueAt(), now), CaseAction.allowedIn(c.getStatus()),
                CaseRows.timeline(s, c.getId()));
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String withNote(String note) {
        return note == null || note.isBlank() ? "" : ": " + note.strip();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static String nullToDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
