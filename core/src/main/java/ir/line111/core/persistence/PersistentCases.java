package ir.line111.core.persistence;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseRuleException;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.NoSuchCaseException;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.entity.AgencyEntity;
import ir.line111.core.persistence.entity.CaseEntity;
import ir.line111.core.persistence.entity.CaseEventEntity;
import org.hibernate.Session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The case registry on Hibernate: registration (tracking code, first timeline event, duplicate
 * link) and the caller-facing actions of {@link CaseRegistry}. Every change appends a timeline
 * event in the same transaction.
 */
public class PersistentCases implements CaseRegistry {

    protected final Database db;
    protected final TrackingCodeIssuer codes;
    protected final Clock clock;
    protected final Duration duplicateWindow;

    public PersistentCases(Database db, TrackingCodeIssuer codes, Clock clock, Duration duplicateWindow) {
        this.db = Objects.requireNonNull(db, "db");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.duplicateWindow = Objects.requireNonNull(duplicateWindow, "duplicateWindow");
    }

    /** With {@code cases.duplicate-window-days} from the configuration and the system clock. */
    public PersistentCases(Database db, TrackingCodeIssuer codes, Line111Config config) {
        this(db, codes, Clock.systemUTC(), Duration.ofDays(config.integer("cases.duplicate-window-days", 0, 3650)));
    }

    public Database database() {
        return db;
    }

    // ---------------------------------------------------------------- CaseRegistry

    @Override
    public Optional<CaseSummary> findLikelyDuplicate(NationalId subject) {
        Objects.requireNonNull(subject, "subject");
        Instant now = now();
        return db.fromTransaction(s -> likelyDuplicate(s, subject.digits(), now).map(c -> summary(s, c)));
    }

    private Optional<CaseEntity> likelyDuplicate(Session s, String nationalId, Instant now) {
        return s.createSelectionQuery(
                        "from CaseEntity c where c.subjectNationalId = :nid and c.status <> :closed and c.registeredAt >= :since "
                                + "order by c.registeredAt desc, c.id desc", CaseEntity.class)
                .setParameter("nid", nationalId)
                .setParameter("closed", CaseStatus.CLOSED)
                .setParameter("since", now.minus(duplicateWindow))
                .setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    @Override
    public CaseSummary registerVoicemail(VoicemailIntake in) {
        Objects.requireNonNull(in, "intake");
        Objects.requireNonNull(in.subject(), "subject");
        Instant at = (in.at() == null ? clock.instant() : in.at()).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        TrackingCode code = codes.issue();
        return db.fromTransaction(s -> {
            CaseEntity c = new CaseEntity();
            c.setTrackingCode(code.digits());
            c.setChannel(Channel.PHONE_MESSAGE);
            c.setStatus(CaseStatus.AWAITING_TRANSCRIPTION);
            subject(c, in.subject());
            // The caller hears an expected date now; the transcriber may choose a longer class later.
            c.setDeadlineClass(DeadlineClass.SIMPLE);
            c.setDueAt(at.plus(DeadlineClass.SIMPLE.duration()));
            c.setRegisteredAt(at);
            c.setRegisteredBy(Actor.IVR.name());
            c.setCallerNumber(in.callerNumber());
            c.setCallId(in.callId());
            c.setSpokenIdRecordingId(in.spokenIdRecordingId());
            c.setMessageRecordingId(in.messageRecordingId());
            c.setUpdatedAt(at);
            linkDuplicate(s, c, at, Actor.IVR);
            s.persist(c);
            event(s, c.getId(), at, Actor.IVR, CaseEventType.VOICEMAIL_REGISTERED,
                    "message left by " + nullToDash(in.callerNumber()), null, CaseStatus.AWAITING_TRANSCRIPTION,
                    in.callId(), in.messageRecordingId());
            afterLink(s, c, at, Actor.IVR);
            return summary(c, null);
        });
    }

    @Override
    public CaseSummary register(NewCase n) {
        Objects.requireNonNull(n, "newCase");
        Objects.requireNonNull(n.kind(), "kind");
        Objects.requireNonNull(n.channel(), "channel");
        Objects.requireNonNull(n.subject(), "subject");
        Actor by = n.registeredBy() == null ? Actor.SYSTEM : n.registeredBy();
        Instant now = now();
        TrackingCode code = codes.issue();
        return db.fromTransaction(s -> {
            String agencyName = null;
            CaseStatus status = CaseStatus.REGISTERED;
            if (n.agencyId() != null) {
                AgencyEntity a = s.find(AgencyEntity.class, n.agencyId());
                if (a == null) throw new IllegalArgumentException("no agency with id " + n.agencyId());
                agencyName = a.getName();
            }
            DeadlineClass deadline = n.deadline() == null ? DeadlineClass.SIMPLE : n.deadline();
            CaseEntity c = new CaseEntity();
            c.setTrackingCode(code.digits());
            c.setKind(n.kind());
            c.setChannel(n.channel());
            c.setStatus(status);
            subject(c, n.subject());
            c.setAgencyId(n.agencyId());
            c.setSummary(n.summary());
            c.setDescription(n.description());
            c.setDeadlineClass(deadline);
            c.setDueAt(now.plus(deadline.duration()));
            c.setRegisteredAt(now);
            c.setRegisteredBy(by.name());
            c.setCallerNumber(n.callerNumber());
            c.setCallId(n.callId());
            c.setUpdatedAt(now);
            linkDuplicate(s, c, now, by);
            s.persist(c);
            event(s, c.getId(), now, by, CaseEventType.REGISTERED,
                    n.kind() + " via " + n.channel() + ", " + deadline + (agencyName == null ? "" : ", agency " + agencyName),
                    null, status, n.callId(), null);
            afterLink(s, c, now, by);
            return summary(c, agencyName);
        });
    }

    /** The duplicate rule: link to the open case about the same person within the window. */
    private void linkDuplicate(Session s, CaseEntity c, Instant now, Actor by) {
        if (c.getSubjectNationalId() == null) return;
        likelyDuplicate(s, c.getSubjectNationalId(), now).ifPresent(d -> c.setDuplicateOf(d.getId()));
    }

    private void afterLink(Session s, CaseEntity c, Instant now, Actor by) {
        if (c.getDuplicateOf() == null) return;
        CaseEntity d = s.find(CaseEntity.class, c.getDuplicateOf());
        event(s, c.getId(), now, by, CaseEventType.LINKED_AS_DUPLICATE,
                "likely duplicate of open case " + d.getTrackingCode(), null, null, c.getCallId(), null);
        event(s, d.getId(), now, by, CaseEventType.DUPLICATE_REGISTERED,
                "case " + c.getTrackingCode() + " registered about the same person", null, null, c.getCallId(), null);
    }

    @Override
    public void addMessage(long caseId, Long recordingId, String callId, String text, Actor actor) {
        Instant now = now();
        db.inTransaction(s -> {
            CaseEntity c = load(s, caseId);
            event(s, c.getId(), now, actor == null ? Actor.IVR : actor, CaseEventType.MESSAGE_ADDED,
                    text, null, null, callId, recordingId);
        });
    }

    @Override
    public Optional<CaseSummary> findByTrackingCode(TrackingCode code) {
        Objects.requireNonNull(code, "code");
        return db.fromTransaction(s -> s.createSelectionQuery("from CaseEntity c where c.trackingCode = :code", CaseEntity.class)
                .setParameter("code", code.digits())
                .getResultList().stream().findFirst().map(c -> summary(s, c)));
    }

    @Override
    public Optional<CaseSummary> findRegisteredInCall(String callId) {
        if (callId == null || callId.isBlank()) return Optional.empty();
        return db.fromTransaction(s -> s.createSelectionQuery(
                        "from CaseEntity c where c.callId = :call order by c.registeredAt desc, c.id desc", CaseEntity.class)
                .setParameter("call", callId)
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(c -> summary(s, c)));
    }

    /**
     * The caller objects to the answer. The first objection re-opens the matter with the agency
     * (OBJECTION_1); the second sends it to the complaints board (OBJECTION_2, then COMPLAINTS_BOARD).
     * After the board has answered, a further objection is recorded on the timeline only: the
     * board's decision is final.
     */
    @Override
    public CaseSummary object(long caseId, String callId, Actor actor, String note) {
        Actor by = actor == null ? Actor.IVR : actor;
        Instant now = now();
        return db.fromTransaction(s -> {
            CaseEntity c = load(s, caseId);
            if (c.getStatus() != CaseStatus.ANSWERED) {
                throw new CaseRuleException("an objection needs an answer to object to; the case is " + c.getStatus());
            }
            int n = c.getObjectionCount() + 1;
            String detail = "objection " + n + (note == null || note.isBlank() ? "" : ": " + note);
            if (n == 1) {
                move(s, c, CaseStatus.OBJECTION_1, now, by, CaseEventType.OBJECTION, detail, callId);
            } else if (n == 2) {
                move(s, c, CaseStatus.OBJECTION_2, now, by, CaseEventType.OBJECTION, detail, callId);
                move(s, c, CaseStatus.COMPLAINTS_BOARD, now, Actor.SYSTEM, CaseEventType.SENT_TO_BOARD,
                        "second objection: the matter goes to the complaints board", callId);
            } else {
                event(s, c.getId(), now, by, CaseEventType.OBJECTION, detail + " (after the complaints board's decision)",
                        null, null, callId, null);
            }
            c.setObjectionCount(n);
            c.setUpdatedAt(now);
            return summary(s, c);
        });
    }

    // ---------------------------------------------------------------- shared helpers

    /** Microseconds: what both databases keep, so a returned summary equals the stored one. */
    protected Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    protected static CaseEntity load(Session s, long caseId) {
        CaseEntity c = s.find(CaseEntity.class, caseId);
        if (c == null) throw new NoSuchCaseException("id " + caseId);
        return c;
    }

    /** Changes the status if the rules allow it, with its timeline event. */
    protected static void move(Session s, CaseEntity c, CaseStatus to, Instant now, Actor by, CaseEventType type,
                               String detail, String callId) {
        CaseStatus from = c.getStatus();
        if (!from.canMoveTo(to)) throw CaseRuleException.transition(from, to);
        c.setStatus(to);
        c.setUpdatedAt(now);
        if (to == CaseStatus.CLOSED) c.setClosedAt(now);
        event(s, c.getId(), now, by, type, detail, from, to, callId, null);
    }

    protected static void event(Session s, long caseId, Instant at, Actor by, CaseEventType type, String detail,
                                CaseStatus from, CaseStatus to, String callId, Long recordingId) {
        s.persist(new CaseEventEntity(caseId, at, by.name(), type.name(), detail, from, to, callId, recordingId));
    }

    private static void subject(CaseEntity c, SubjectPerson p) {
        c.setSubjectNationalId(p.nationalId() == null ? null : p.nationalId().digits());
        c.setSubjectIdVerified(p.nationalId() != null && p.idVerified());
        c.setSubjectRelation(p.relation());
        c.setSubjectFullName(p.fullName());
    }

    protected static CaseSummary summary(Session s, CaseEntity c) {
        String agency = null;
        if (c.getAgencyId() != null) {
            AgencyEntity a = s.find(AgencyEntity.class, c.getAgencyId());
            agency = a == null ? null : a.getName();
        }
        return summary(c, agency);
    }

    protected static CaseSummary summary(CaseEntity c, String agencyName) {
        NationalId nid = c.getSubjectNationalId() == null ? null : new NationalId(c.getSubjectNationalId());
        return new CaseSummary(c.getId(), new TrackingCode(c.getTrackingCode()), c.getKind(), c.getChannel(), c.getStatus(),
                new SubjectPerson(nid, c.isSubjectIdVerified(), c.getSubjectRelation(), c.getSubjectFullName()),
                agencyName, c.getRegisteredAt(), c.getDueAt(), c.getAnswer());
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    static <T> List<T> page(List<T> all, int offset, int limit) {
        return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
    }
}
