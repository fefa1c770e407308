package ir.line111.core.persistence;

import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseDesk;
import ir.line111.core.domain.cases.CaseDetail;
import ir.line111.core.domain.cases.CaseListItem;
import ir.line111.core.domain.cases.CasePage;
import ir.line111.core.domain.cases.CaseQuery;
import ir.line111.core.domain.cases.TimelineEvent;
import ir.line111.core.domain.cases.VoicemailRegistration;
import ir.line111.core.domain.cases.CaseEventType;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.CaseRuleException;
import ir.line111.core.domain.cases.CaseRules;
import ir.line111.core.domain.cases.CaseStatus;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.NoSuchCaseException;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.entity.AgencyEntity;
import ir.line111.core.persistence.entity.CaseEntity;
import org.hibernate.Session;

import static ir.line111.core.persistence.CaseRows.blankToNull;
import static ir.line111.core.persistence.CaseRows.event;
import static ir.line111.core.persistence.CaseRows.truncate;
import static ir.line111.core.persistence.CaseRows.load;
import static ir.line111.core.persistence.CaseRows.move;
import static ir.line111.core.persistence.CaseRows.subject;
import static ir.line111.core.persistence.CaseRows.summary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    private final CaseDuplicates duplicates;

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
        this.duplicates = new CaseDuplicates(this.duplicateWindow);
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
        return db.fromTransaction(s -> duplicates.find(s, subject.digits(), now).map(c -> summary(s, c)));
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
            duplicates.link(s, c, at);
            s.persist(c);
            event(s, c.getId(), at, Actor.IVR, CaseEventType.VOICEMAIL_REGISTERED,
                    CaseRows.params("caller", in.callerNumber()), null, null, CaseStatus.AWAITING_TRANSCRIPTION,
                    in.callId(), in.messageRecordingId());
            duplicates.announce(s, c, at, Actor.IVR);
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
            duplicates.link(s, c, now);
            s.persist(c);
            event(s, c.getId(), now, by, CaseEventType.REGISTERED,
                    CaseRows.params("kind", n.kind().name(), "channel", n.channel().name(), "deadline", deadline.name(), "agency", agencyName),
                    null, null, status, n.callId(), null);
            duplicates.announce(s, c, now, by);
            return summary(c, agencyName);
        });
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
            CaseRules.Objection objection = CaseRules.objection(c.getStatus(), c.getObjectionCount());
            int n = c.getObjectionCount() + 1;
            String nth = Integer.toString(n);
            switch (objection) {
                case REOPENED -> move(s, c, CaseStatus.OBJECTION_1, now, by, CaseEventType.OBJECTION, CaseRows.params("n", nth), note, callId);
                case TO_BOARD -> {
                    move(s, c, CaseStatus.OBJECTION_2, now, by, CaseEventType.OBJECTION, CaseRows.params("n", nth), note, callId);
                    move(s, c, CaseStatus.COMPLAINTS_BOARD, now, Actor.SYSTEM, CaseEventType.SENT_TO_BOARD,
                            CaseRows.params("reason", "SECOND_OBJECTION"), null, callId);
                }
                case RECORDED_ONLY -> event(s, c.getId(), now, by, CaseEventType.OBJECTION,
                        CaseRows.params("n", nth, "afterBoard", "true"), note, null, null, callId, null);
            }
            c.setObjectionCount(n);
            c.setUpdatedAt(now);
            return summary(s, c);
        });
    }

    @Override
    public Optional<Instant> boardVerdictAt(long caseId) {
        return db.fromTransaction(s -> BoardVerdicts.at(s, caseId));
    }

    // ---------------------------------------------------------------- CaseDesk

    @Override
    public Optional<CaseDetail> detail(long caseId) {
        Instant now = now();
        return db.fromTransaction(s -> Optional.ofNullable(s.find(CaseEntity.class, caseId)).map(c -> CaseRows.detail(s, c, now)));
    }

    @Override
    public Optional<CaseListItem> item(long caseId) {
        return CaseLinks.item(db, caseId, now());
    }

    @Override
    public Optional<Long> caseOfRecording(long recordingId) {
        return CaseLinks.caseOfRecording(db, recordingId);
    }

    @Override
    public java.util.Set<String> callsOf(long caseId) {
        return CaseLinks.callsOf(db, caseId);
    }

    @Override
    public List<TimelineEvent> timeline(long caseId) {
        return db.fromTransaction(s -> {
            load(s, caseId);
            return CaseRows.timeline(s, caseId);
        });
    }

    @Override
    public CasePage search(CaseQuery q) {
        return CaseSearch.run(db, q, now());
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
            move(s, c, CaseStatus.REFERRED, now, actor, CaseEventType.REFERRED, CaseRows.params("agency", a.getName(),
                    "agencyId", Long.toString(agencyId)), note, null);
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
            move(s, c, CaseStatus.REGISTERED, now, actor, CaseEventType.REGISTERED,
                    CaseRows.params("kind", r.kind().name(), "deadline", deadline.name()), null, null);
        });
    }

    @Override
    public CaseDetail notAMatter(long caseId, String reason, String note, Actor actor) {
        Instant now = now();
        return change(caseId, now, (s, c) -> {
            if (c.getStatus() != CaseStatus.AWAITING_TRANSCRIPTION) {
                throw new CaseRuleException("only a message awaiting transcription can be set aside; the case is " + c.getStatus());
            }
            move(s, c, CaseStatus.CLOSED, now, actor, CaseEventType.CLOSED, CaseRows.params("notAMatter", reason), note, null);
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
            return CaseRows.detail(s, c, now);
        });
    }

    // ---------------------------------------------------------------- shared helpers

    /** Microseconds: what both databases keep, so a returned summary equals the stored one. */
    protected Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

}
