package ir.line111.sms;

import ir.line111.core.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Telling callers by SMS: the {@link CaseEventTap} queues a row with each case event that calls for
 * one, and one sender thread submits what is due over {@link SmppGateway}, retries what the centre
 * refused with a growing back-off up to {@code sms.max-attempts}, and turns delivery receipts into
 * DELIVERED or FAILED. While the centre cannot be reached nothing is claimed, so an outage of any length
 * costs no attempt and loses nothing; the rows go out, once each, when it is back.
 */
public final class SmsService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmsService.class);
    private static final int BATCH = 50;
    /** Refusals that another try will not change: bad source or destination address, bad data coding. */
    private static final List<Integer> PERMANENT = List.of(0x0000000A, 0x0000000B, 0x00000104);

    private final SmsSettings settings;
    private final SmsTexts texts;
    private final SmsOutbox outbox;
    private final Clock clock;
    private final CaseEventTap tap;
    private final SmppGateway gateway;
    private final ScheduledExecutorService sender;
    private final AtomicLong partsSubmitted = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong receipts = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String databaseProblem;

    private SmsService(SmsSettings settings, Database db, Clock clock) {
        this.settings = settings;
        this.texts = SmsTexts.load();
        for (SmsKind k : SmsKind.values()) {
            if (!texts.has(k.textKey())) throw new IllegalStateException(SmsTexts.RESOURCE + " has no text " + k.textKey());
        }
        this.outbox = new SmsOutbox(db.dataSource());
        this.clock = clock;
        this.tap = CaseEventTap.install(db.sessionFactory(), texts, clock);
        this.gateway = new SmppGateway(settings, this::receipt);
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sms-sender");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues with every case event from now on and starts sending; {@code settings.enabled()} is the caller's business. */
    public static SmsService start(SmsSettings settings, Database db, Clock clock) {
        SmsService s = new SmsService(settings, db, clock);
        s.sender.scheduleWithFixedDelay(s::tick, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        log.info("SMS on: centre {}:{}, at most {} attempts", settings.host(), settings.port(), settings.maxAttempts());
        return s;
    }

    private void tick() {
        try {
            outbox.reconcileReady(clock.instant());
            if (!gateway.ensureBound()) return;
            List<SmsOutbox.Claimed> due = outbox.claimDue(clock.instant(), BATCH, settings.lease());
            databaseProblem = null;
            for (SmsOutbox.Claimed row : due) {
                if (!send(row)) break;
            }
        } catch (SQLException e) {
            if (databaseProblem == null) log.warn("SMS outbox unreachable, retrying: {}", e.getMessage());
            databaseProblem = e.getMessage();
        } catch (RuntimeException e) {
            log.error("SMS sender: {}", e.toString(), e);
        }
    }

    /** Submits the parts of {@code row} the centre has not accepted yet; false when the link went down. */
    private boolean send(SmsOutbox.Claimed row) throws SQLException {
        String text = texts.render(row.kind().textKey(), row.code());
        List<Ucs2Segments.Segment> parts = Ucs2Segments.of(text, (int) row.id());
        for (Ucs2Segments.Segment part : parts) {
            if (row.acceptedParts().contains(part.partNo())) continue;
            Instant at = clock.instant();
            try {
                String messageId = gateway.submit(row.destination(), part);
                outbox.partAccepted(row.id(), part.partNo(), messageId, at);
                partsSubmitted.incrementAndGet();
            } catch (SmppGateway.Refused e) {
                refusals.incrementAndGet();
                SmsOutbox.State st = outbox.refused(row.id(), row.attempts(), settings.maxAttempts(), PERMANENT.contains(e.status()),
                        settings.backoff(row.attempts()), e.getMessage(), clock.instant());
                if (st == SmsOutbox.State.FAILED) {
                    failures.incrementAndGet();
                    log.warn("SMS {} ({} for case {}) FAILED after {} attempt(s): {}", row.id(), row.kind(), row.code().digits(), row.attempts(), e.getMessage());
                }
                return true;
            } catch (SmppGateway.LinkDown e) {
                outbox.released(row.id(), e.getMessage(), clock.instant());
                return false;
            }
        }
        outbox.submitted(row.id(), parts.size(), clock.instant());
        return true;
    }

    private boolean receipt(String messageId, String stat, String error) {
        receipts.incrementAndGet();
        try {
            outbox.receipt(messageId, stat, error, clock.instant());
            return true;
        } catch (SQLException e) {
            log.warn("delivery receipt for {} not recorded (the centre is asked to send it again): {}", messageId, e.getMessage());
            return false;
        }
    }

    public SmsOutbox outbox() { return outbox; }

    public boolean bound() { return gateway.bound(); }

    public long partsSubmitted() { return partsSubmitted.get(); }
    public long refusals() { return refusals.get(); }
    public long receipts() { return receipts.get(); }
    /** Messages that went FAILED after their last refusal in this process (undelivered receipts are in the outbox counts). */
    public long failures() { return failures.get(); }

    /** For {@code /health}: DOWN while the centre is not bound or the outbox cannot be read; the counts of the outbox either way. */
    public Health health() {
        String counts;
        long failed;
        try {
            Map<SmsOutbox.State, Long> c = outbox.counts();
            failed = c.get(SmsOutbox.State.FAILED);
            counts = c.get(SmsOutbox.State.PENDING) + " pending, " + c.get(SmsOutbox.State.SUBMITTED) + " awaiting a receipt, "
                    + c.get(SmsOutbox.State.DELIVERED) + " delivered, " + failed + " failed";
        } catch (SQLException e) {
            return new Health(false, "outbox unreachable: " + e.getMessage(), -1);
        }
        String where = settings.host() + ":" + settings.port();
        if (databaseProblem != null) return new Health(false, "outbox unreachable: " + databaseProblem + "; " + counts, failed);
        return gateway.bound() ? new Health(true, "bound to " + where + "; " + counts, failed)
                : new Health(false, gateway.problem() + "; " + counts, failed);
    }

    public record Health(boolean up, String detail, long failed) {}

    /** Stops sending; rows not sent stay PENDING for the next start (claimed ones after their lease). */
    @Override
    public void close() {
        tap.off();
        sender.shutdown();
        try {
            if (!sender.awaitTermination(10, TimeUnit.SECONDS)) sender.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sender.shutdownNow();
        }
        gateway.close();
    }
}
