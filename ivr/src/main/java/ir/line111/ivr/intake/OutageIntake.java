package ir.line111.ivr.intake;

import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.cases.ReservedCodeRegistry;
import ir.line111.core.domain.cases.Relation;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.domain.recordings.RecordingStore;
import ir.line111.core.domain.recordings.RecordingStore.PlannedRecording;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.ivr.intake.IntakeJournal.Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Messages while the database is away (issue 11): a caller still hears a tracking code, one of a
 * block reserved in advance ({@link CodeReservoir}), after the intake is fsynced in the local
 * journal ({@link IntakeJournal}). When the database answers again the journal is replayed, oldest
 * first: each intake becomes its case with the code its caller heard, exactly once — a replay cut
 * short by a crash finds the case by its code (unique in the database) and goes on.
 */
public final class OutageIntake implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutageIntake.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final IntakeJournal journal;
    private final CodeReservoir reservoir;
    private final Supplier<TrackingCode> issuer;
    private final ReservedCodeRegistry registry;
    private volatile RecordingStore store;
    private final CallLog callLog;
    private final DatabaseWatch watch;
    private final Clock clock;
    private final Object replaying = new Object();
    private Duration backoff = FIRST_BACKOFF;
    private Instant notBefore = Instant.MIN;
    private boolean replayedSinceCompaction;

    /**
     * @param issuer   the database's tracking-code issuer (reserving a code is issuing it)
     * @param store    the real recording store: replay adopts what Asterisk wrote during the outage; null
     *                 until {@link #replayInto} names it (nothing is replayed before)
     * @param callLog  the real call log: replay links the calls to their cases
     */
    public OutageIntake(Path dir, int reserve, Supplier<TrackingCode> issuer, ReservedCodeRegistry registry,
                        RecordingStore store, CallLog callLog, DatabaseWatch watch, Clock clock) {
        this.journal = new IntakeJournal(dir.resolve("intake-journal.jsonl"));
        this.reservoir = new CodeReservoir(dir.resolve("reserved-codes.txt"), reserve, journal.usedCodes());
        this.issuer = issuer;
        this.registry = registry;
        this.store = store;
        this.callLog = callLog;
        this.watch = watch;
        this.clock = clock;
        watch.afterProbe(this::tick);
        if (journal.waiting() > 0) log.warn("{} messages taken while the database was away wait in the intake journal", journal.waiting());
    }

    /** Starts the database watch: a probe every interval, then {@link #tick}. */
    public void startWatching() {
        watch.start();
    }

    /** The store replay adopts recordings into, when it is built after the intake (the composition root). */
    public void replayInto(RecordingStore store) {
        this.store = store;
    }

    /**
     * The registry for the backend's other registrars of messages (the spool and stray reconcilers): a
     * message the journal took gets its case from replay alone, with the code its caller heard, so a
     * reconciler that finds its recording first must not make a second case with another code.
     */
    public CaseRegistry guard(CaseRegistry cases) {
        return new JournalGuard(cases, journal::tookCall);
    }

    /** Replays what waits and fills the reserve, when the database answers; the watch calls it after every probe. */
    public void tick() {
        if (!watch.isUp() || store == null) return;
        replayPending();
        try {
            reservoir.refill(issuer);
        } catch (RuntimeException e) {
            log.warn("could not reserve tracking codes: {}", e.toString());
        }
        synchronized (this) {
            if (replayedSinceCompaction) {
                // The reservoir file first, so that it no longer lists a code the journal then forgets.
                reservoir.rewrite();
                journal.compact();
                replayedSinceCompaction = false;
            }
        }
    }

    /** Writes the intake with a reserved code, fsynced; empty when no reserved code is left. */
    synchronized Optional<TrackingCode> take(Function<TrackingCode, Intake> intake) {
        Optional<TrackingCode> code = reservoir.take();
        code.ifPresent(c -> journal.append(intake.apply(c)));
        return code;
    }

    /** False only when the database is away and no reserved code is left: then the dialplan records the caller. */
    public boolean canTakeMessages() {
        return watch.isUp() || reservoir.remaining() > 0;
    }

    public boolean databaseUp() {
        return watch.isUp();
    }

    /** Intakes in the journal that have no case yet. */
    public int waiting() {
        return journal.waiting();
    }

    public int codesLeft() {
        return reservoir.remaining();
    }

    DatabaseWatch watch() {
        return watch;
    }

    /** Replays the waiting intakes in order; stops at the first failure and tries again later. Returns how many it replayed. */
    public int replayPending() {
        synchronized (replaying) {
            Instant now = clock.instant();
            if (now.isBefore(notBefore)) return 0;
            int done = 0;
            for (Intake i : journal.pending()) {
                try {
                    replay(i);
                    done++;
                } catch (RuntimeException e) {
                    notBefore = now.plus(backoff);
                    log.warn("replaying the intake of call {} failed (again in {} s): {}", i.callId(), backoff.toSeconds(), e.toString());
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                    break;
                }
            }
            if (done > 0) {
                backoff = FIRST_BACKOFF;
                synchronized (this) {
                    replayedSinceCompaction = true;
                }
                log.info("{} messages taken while the database was away are registered; {} wait", done, journal.waiting());
            }
            return done;
        }
    }

    private void replay(Intake i) {
        TrackingCode code = ((TrackingCode.Parsed.Valid) TrackingCode.parse(i.code())).code();
        Long spoken = adopt(i.callId(), i.spokenId());
        Long message = adopt(i.callId(), i.message());
        long caseId = registry.caseWithCode(code).orElseGet(() -> registry.voicemailCaseOfCall(i.callId()).map(existing -> {
            // Registered after all (the commit went through as the connection broke): its code was never read out, the journal's was.
            registry.giveCode(existing, code);
            log.warn("case {} of call {} was registered although the IVR saw it fail; it now has the code its caller heard", existing, i.callId());
            return existing;
        }).orElseGet(() -> register(i, code, spoken, message)));
        journal.replayed(i.code(), caseId);
        try {
            if (spoken != null && (i.spokenId().id() == null)) callLog.recordingMade(i.callId(), spoken);
            if (message != null && (i.message().id() == null)) callLog.recordingMade(i.callId(), message);
            callLog.caseLinked(i.callId(), caseId);
        } catch (RuntimeException e) {
            log.info("could not link call {} to case {}: {}", i.callId(), caseId, e.toString());
        }
    }

    private long register(Intake i, TrackingCode code, Long spoken, Long message) {
        NationalId nid = i.nationalId() == null ? null : NationalId.of(i.nationalId());
        SubjectPerson subject = new SubjectPerson(nid, i.idVerified(), Relation.valueOf(i.relation()), i.fullName());
        VoicemailIntake intake = new VoicemailIntake(i.callId(), i.callerNumber(), subject, spoken, message, Instant.parse(i.at()));
        try {
            return registry.registerVoicemail(intake, code);
        } catch (RuntimeException e) {
            // Another replay (or a racing start) made it first: the unique code says so.
            return registry.caseWithCode(code).orElseThrow(() -> e);
        }
    }

    private Long adopt(String callId, IntakeJournal.Recording r) {
        if (r == null) return null;
        if (r.id() != null) return r.id();
        return store.adopt(new PlannedRecording(callId, RecordingKind.valueOf(r.kind()), Path.of(r.basePath()), r.format())).id();
    }

    @Override
    public void close() {
        journal.close();
    }
}
