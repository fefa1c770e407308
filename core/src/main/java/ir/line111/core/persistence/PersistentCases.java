package ir.line111.core.persistence;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseAction;
import ir.line111.core.domain.cases.CaseDesk;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseListItem;
import ir.line111.core.domain.cases.CasePage;
import ir.line111.core.domain.cases.CaseQuery;
import ir.line111.core.domain.cases.TimelineEvent;
import ir.line111.core.domain.cases.VoicemailRegistration;
import ir.line111.core.domain.identity.Digits;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cases on Hibernate: the callers' side ({@link CaseRegistry}: registration with tracking code,
 * first timeline event and duplicate link; follow-up; objections) and the console's
 * ({@link CaseDesk}: search, case page, refer, answer, board, close, transcription). Every change
 * appends its timeline event in the same transaction.
 */
public class PersistentCases implements CaseRegistry, CaseDesk {

    protected final Database db;
    protected final TrackingCodeIssuer codes;
    protected final Clock clock;
    private final Supplier<Duration> duplicateWindow;

    public PersistentCases(Database db, TrackingCodeIssuer codes, Clock clock, Duration duplicateWindow) {
        Objects.requireNonNull(duplicateWindow, "duplicateWindow");
        this(db, codes, clock, () -> duplicateWindow);
    }

    /** With a duplicate window that administrators may change while the system runs ({@link CoreSettings#duplicateWindow}). */
    public PersistentCases(Database db, TrackingCodeIssuer codes, Clock clock, Supplier<Duration> duplicateWindow) {
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
                .setParameter("since", now.minus(duplicateWindow.get()))
                .setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    @Override
    public CaseSummary registerVoicemail(VoicemailIntake in) {
        return registerVoicemail(in, codes.issue());
    }

    /** With a code issued before: one reserved while the database was up and already read to the caller. */
    public CaseSummary registerVoicemail(VoicemailIntake in, TrackingCode code) {
        Objects.requireNonNull(in, "intake");
        Objects.requireNonNull(in.subject(), "subject");
        Instant at = (in.at() == null ? clock.instant() : in.at()).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return db.fromTransaction(s -> {
            CaseEntity c = new CaseEntity();
            c.setTrackingCode(code.digits());
            c.setChannel(Channel.PHONE_MESSAGE);
            c.setStatus(CaseStatus.AWAITING_TRANSCRIPTION);
            subject(c, in.subject());
            // The caller hears an expected date now; the transcriber may choose a longer class later.
            c.setDeadlineClass(DeadlineClass.SIMPLE);
            c.setDueAt(DeadlineClass.SIMPLE.dueAt(at));
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
            c.setDueAt(deadline.dueAt(now));
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
                    truncate(text, 4000), null, null, callId, recordingId);
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


    // ---------------------------------------------------------------- CaseDesk

    @Override
    public Optional<CaseDetail> detail(long caseId) {
        Instant now = now();
        return db.fromTransaction(s -> Optional.ofNullable(s.find(CaseEntity.class, caseId)).map(c -> detail(s, c, now)));
    }

    @Override
    public List<TimelineEvent> timeline(long caseId) {
        return db.fromTransaction(s -> {
            load(s, caseId);
            return timeline(s, caseId);
        });
    }

    @Override
    public CasePage search(CaseQuery q) {
        Objects.requireNonNull(q, "query");
        Instant now = now();
        StringBuilder hql = new StringBuilder("select c, a.name from CaseEntity c left join AgencyEntity a on a.id = c.agencyId where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (notBlank(q.trackingCode())) {
            String code = Digits.toAscii(q.trackingCode()).replaceAll("[\\s-]", "");
            if (code.length() == TrackingCode.LENGTH) {
                hql.append(" and c.trackingCode = :code");
                params.put("code", code);
            } else {
                hql.append(" and c.trackingCode like :code");
                params.put("code", code.replace("%", "").replace("_", "") + "%");
            }
        }
        if (notBlank(q.nationalId())) {
            hql.append(" and c.subjectNationalId = :nid");
            params.put("nid", Digits.toAscii(q.nationalId()).replaceAll("[\\s-]", ""));
        }
        if (notBlank(q.callerNumber())) {
            hql.append(" and c.callerNumber = :caller");
            params.put("caller", Digits.toAscii(q.callerNumber()).strip());
        }
        if (q.agencyId() != null) {
            hql.append(" and c.agencyId = :agency");
            params.put("agency", q.agencyId());
        }
        if (q.kind() != null) {
            hql.append(" and c.kind = :kind");
            params.put("kind", q.kind());
        }
        if (!q.statuses().isEmpty()) {
            hql.append(" and c.status in (:statuses)");
            params.put("statuses", q.statuses());
        }
        if (!q.channels().isEmpty()) {
            hql.append(" and c.channel in (:channels)");
            params.put("channels", q.channels());
        }
        if (q.registeredFrom() != null) {
            hql.append(" and c.registeredAt >= :from");
            params.put("from", q.registeredFrom());
        }
        if (q.registeredTo() != null) {
            hql.append(" and c.registeredAt < :to");
            params.put("to", q.registeredTo());
        }
        if (q.dueBefore() != null) {
            hql.append(" and c.dueAt < :due");
            params.put("due", q.dueBefore());
        }
        if (q.openOnly()) {
            hql.append(" and c.status <> :closed");
            params.put("closed", CaseStatus.CLOSED);
        }
        hql.append(q.dueBefore() != null ? " order by c.dueAt asc, c.id asc" : " order by c.registeredAt desc, c.id desc");
        return db.fromTransaction(s -> {
            var query = s.createSelectionQuery(hql.toString(), Object[].class);
            params.forEach(query::setParameter);
            List<Object[]> rows = query.setFirstResult(q.page() * q.size()).setMaxResults(q.size() + 1).getResultList();
            boolean more = rows.size() > q.size();
            List<CaseListItem> items = rows.stream().limit(q.size()).map(r -> {
                CaseEntity c = (CaseEntity) r[0];
                return new CaseListItem(summary(c, (String) r[1]), c.getAgencyId(), c.getSummary(), c.getCallerNumber(), overdue(c, now));
            }).toList();
            return new CasePage(items, q.page(), q.size(), more);
        });
    }

    @Override
    public List<CaseSummary> historyOf(NationalId subject, int limit) {
        Objects.requireNonNull(subject, "subject");
        return search(CaseQuery.all(Math.max(1, Math.min(limit, CaseQuery.MAX_SIZE))).withNationalId(subject.digits()))
                .items().stream().map(CaseListItem::summary).toList();
    }

    @Override
    public CaseDetail refer(long caseId, long agencyId, String note, Actor actor) {
        Instant now = now();
        return change(caseId, now, (s, c) -> {
            AgencyEntity a = s.find(AgencyEntity.class, agencyId);
            if (a == null) throw new IllegalArgumentException("no agency with id " + agencyId);
            if (!a.isActive()) throw new CaseRuleException("agency " + a.getName() + " is inactive");
            c.setAgencyId(agencyId);
            move(s, c, CaseStatus.REFERRED, now, actor, CaseEventType.REFERRED, "referred to " + a.getName() + withNote(note), null);
        });
    }

    @Override
    public CaseDetail answer(long caseId, String text, Long recordingId, Actor actor) {
        if ((text == null || text.isBlank()) && recordingId == null) throw new IllegalArgumentException("an answer needs a text or a recording");
        Instant now = now();
        return change(caseId, now, (s, c) -> {
            CaseStatus from = c.getStatus();
            if (!from.canMoveTo(CaseStatus.ANSWERED)) throw CaseRuleException.transition(from, CaseStatus.ANSWERED);
            c.setStatus(CaseStatus.ANSWERED);
            c.setAnswer(text == null ? null : text.strip());
            c.setAnsweredAt(now);
            c.setUpdatedAt(now);
            event(s, c.getId(), now, actor, CaseEventType.ANSWERED, text, from, CaseStatus.ANSWERED, null, recordingId);
        });
    }

    @Override
    public CaseDetail registerObjection(long caseId, String note, String callId, Actor actor) {
        object(caseId, callId, actor, note);
        return detail(caseId).orElseThrow(() -> new NoSuchCaseException("id " + caseId));
    }

    @Override
    public CaseDetail sendToBoard(long caseId, String note, Actor actor) {
        Instant now = now();
        return change(caseId, now, (s, c) ->
                move(s, c, CaseStatus.COMPLAINTS_BOARD, now, actor, CaseEventType.SENT_TO_BOARD, blankToNull(note), null));
    }

    @Override
    public CaseDetail close(long caseId, String note, Actor actor) {
        Instant now = now();
        return change(caseId, now, (s, c) -> move(s, c, CaseStatus.CLOSED, now, actor, CaseEventType.CLOSED, blankToNull(note), null));
    }

    @Override
    public CaseDetail registerTranscribed(long caseId, VoicemailRegistration r, Actor actor) {
        Objects.requireNonNull(r, "registration");
        Objects.requireNonNull(r.kind(), "kind");
        Objects.requireNonNull(r.subject(), "subject");
        Instant now = now();
        return change(caseId, now, (s, c) -> {
            if (c.getStatus() != CaseStatus.AWAITING_TRANSCRIPTION) {
                throw new CaseRuleException("only a message awaiting transcription can be registered; the case is " + c.getStatus());
            }
            if (r.agencyId() != null && s.find(AgencyEntity.class, r.agencyId()) == null) {
                throw new IllegalArgumentException("no agency with id " + r.agencyId());
            }
            DeadlineClass deadline = r.deadline() == null ? DeadlineClass.SIMPLE : r.deadline();
            c.setKind(r.kind());
            subject(c, r.subject());
            c.setAgencyId(r.agencyId());
            c.setSummary(r.summary());
            c.setDescription(r.description());
            c.setDeadlineClass(deadline);
            c.setDueAt(deadline.dueAt(c.getRegisteredAt()));
            if (r.transcript() != null && !r.transcript().isBlank()) {
                event(s, c.getId(), now, actor, CaseEventType.TRANSCRIBED, truncate(r.transcript(), 4000), null, null, null, c.getMessageRecordingId());
            }
            move(s, c, CaseStatus.REGISTERED, now, actor, CaseEventType.REGISTERED, r.kind() + ", " + deadline, null);
        });
    }

    @Override
    public CaseDetail notAMatter(long caseId, String reason, String note, Actor actor) {
        Instant now = now();
        return change(caseId, now, (s, c) -> {
            if (c.getStatus() != CaseStatus.AWAITING_TRANSCRIPTION) {
                throw new CaseRuleException("only a message awaiting transcription can be set aside; the case is " + c.getStatus());
            }
            move(s, c, CaseStatus.CLOSED, now, actor, CaseEventType.CLOSED, "not a matter: " + reason + withNote(note), null);
        });
    }

    @Override
    public void addNote(long caseId, String note, Actor actor) {
        if (note == null || note.isBlank()) throw new IllegalArgumentException("a note needs text");
        Instant now = now();
        db.inTransaction(s -> event(s, load(s, caseId).getId(), now, actor, CaseEventType.NOTE, truncate(note, 4000), null, null, null, null));
    }

    private interface Change {
        void apply(Session s, CaseEntity c);
    }

    private CaseDetail change(long caseId, Instant now, Change change) {
        return db.fromTransaction(s -> {
            CaseEntity c = load(s, caseId);
            change.apply(s, c);
            s.flush();
            return detail(s, c, now);
        });
    }

    private CaseDetail detail(Session s, CaseEntity c, Instant now) {
        CaseSummary sum = summary(s, c);
        return new CaseDetail(sum, c.getAgencyId(), c.getSummary(), c.getDescription(), c.getDeadlineClass(), c.getRegisteredBy(),
                c.getCallerNumber(), c.getCallId(), c.getSpokenIdRecordingId(), c.getMessageRecordingId(), c.getDuplicateOf(),
                c.getObjectionCount(), c.getAnsweredAt(), c.getClosedAt(), overdue(c, now), CaseAction.allowedIn(c.getStatus()),
                timeline(s, c.getId()));
    }

    private static List<TimelineEvent> timeline(Session s, long caseId) {
        return s.createSelectionQuery("from CaseEventEntity e where e.caseId = :id order by e.occurredAt, e.id", CaseEventEntity.class)
                .setParameter("id", caseId).getResultList().stream()
                .map(e -> {
                    CaseEventType type = eventType(e.getEventType());
                    // another module's event name this version does not know is shown as a note, never lost
                    String detail = type == CaseEventType.NOTE && !"NOTE".equals(e.getEventType())
                            ? e.getEventType() + (e.getDetail() == null ? "" : ": " + e.getDetail()) : e.getDetail();
                    return new TimelineEvent(e.getId(), e.getCaseId(), e.getOccurredAt(), new Actor(e.getActor()),
                            type, detail, e.getFromStatus(), e.getToStatus(), e.getCallId(), e.getRecordingId());
                })
                .toList();
    }

    private static CaseEventType eventType(String stored) {
        try {
            return CaseEventType.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return CaseEventType.NOTE;
        }
    }

    private static boolean overdue(CaseEntity c, Instant now) {
        return c.getStatus().isOpen() && c.getStatus() != CaseStatus.ANSWERED && c.getDueAt() != null && c.getDueAt().isBefore(now);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String withNote(String note) {
        return note == null || note.isBlank() ? "" : ": " + note.strip();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
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

}
