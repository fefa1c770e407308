package ir.line111.console.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who viewed or changed which case, national ID and recording. National IDs are kept masked only.
 * Entries are written behind, in batches of one transaction each (a group commit): auditing every
 * search must not cost every search a disk flush. {@link #list} and {@link #flush} wait for what was
 * recorded before them; a crash can lose at most the last moments' entries, which the log says.
 */
public final class AuditLog implements AutoCloseable {

    public enum Action {
        SIGN_IN, SIGN_IN_FAILED, SIGN_OUT, VIEW_CASE, SEARCH_CASES, CHANGE_CASE, REGISTER_CASE, VIEW_NATIONAL_ID,
        PLAY_RECORDING, VIEW_TRANSCRIPT, CLAIM_VOICEMAIL, ADMIN_CHANGE, REFUSED,
        /** A user changed their own password; a wrong current password given for it. */
        PASSWORD_CHANGED, PASSWORD_CHANGE_FAILED
    }

    public record Entry(Instant at, String username, String action, Long caseId, Long recordingId,
                        String nationalIdMasked, String detail, String ip) {}

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final String INSERT = "insert into console_audit (at, username, action, case_id, recording_id, national_id_masked, detail, ip) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int BATCH = 500;
    private static final int ROWS_PER_INSERT = 100;

    private final Jdbc jdbc;
    private final Clock clock;
    private final java.util.concurrent.LinkedBlockingQueue<Entry> queue = new java.util.concurrent.LinkedBlockingQueue<>(100_000);
    private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
    private final Object progress = new Object();
    private final Thread writer;
    private volatile boolean closed;

    public AuditLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.writer = Thread.ofVirtual().name("console-audit-writer").start(this::writeLoop);
    }

    public void record(String username, Action action, Long caseId, Long recordingId, String nationalIdMasked,
                       String detail, String ip) {
        Entry e = new Entry(clock.instant(), CaseActions.clip(username == null ? "-" : username, 64), action.name(), caseId, recordingId,
                nationalIdMasked, CaseActions.clip(detail, 1000), ip);
        queued.incrementAndGet();
        try {
            // a full queue means the database is stuck: wait rather than drop an audit entry
            queue.put(e);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while auditing", ie);
        }
    }

    /** Waits until everything recorded so far is in the table (at most 10 s). */
    public void flush() {
        flush(10_000);
    }

    private void flush(long millis) {
        long target = queued.get();
        long end = System.nanoTime() + millis * 1_000_000L;
        synchronized (progress) {
            while (written.get() < target && System.nanoTime() < end) {
                try {
                    progress.wait(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void writeLoop() {
        java.util.List<Entry> batch = new java.util.ArrayList<>(BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                writeWithRetry(batch);
                written.addAndGet(batch.size());
                batch.clear();
                synchronized (progress) {
                    progress.notifyAll();
                }
            } catch (InterruptedException ie) {
                if (closed) break;
            }
        }
    }

    private void writeWithRetry(java.util.List<Entry> batch) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                jdbc.inTransaction(c -> {
                    if (jdbc.postgres()) {
                        // Written behind already: a crash can lose the last moments either way, so the
                        // commit need not wait for its WAL flush (and stall the searches' disk).
                        try (var st = c.createStatement()) {
                            st.execute("set local synchronous_commit to off");
                        }
                    }
                    // multi-row INSERTs: one round trip per hundred entries, not one per entry
                    for (int from = 0; from < batch.size(); from += ROWS_PER_INSERT) {
                        List<Entry> part = batch.subList(from, Math.min(batch.size(), from + ROWS_PER_INSERT));
                        StringBuilder sql = new StringBuilder(INSERT);
                        Object[] args = new Object[part.size() * 8];
                        int i = 0;
                        for (Entry e : part) {
                            if (i > 0) sql.append(", (?, ?, ?, ?, ?, ?, ?, ?)");
                            args[i++] = e.at(); args[i++] = e.username(); args[i++] = e.action(); args[i++] = e.caseId();
                            args[i++] = e.recordingId(); args[i++] = e.nationalIdMasked(); args[i++] = e.detail(); args[i++] = e.ip();
                        }
                        try (java.sql.PreparedStatement ps = c.prepareStatement(sql.toString())) {
                            Jdbc.bind(ps, args);
                            ps.executeUpdate();
                        }
                    }
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                // the database is down for a while: keep the entries and try again, never drop them silently
                log.warn("audit log: could not write {} entries (attempt {}): {}", batch.size(), attempt + 1, e.getMessage());
                Thread.sleep(Math.min(5_000, 200L << Math.min(attempt, 5)));
                if (closed && attempt >= 3) {
                    log.error("audit log: {} entries lost at shutdown, the database did not accept them", batch.size());
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        flush(2_000);
        closed = true;
        writer.interrupt();
    }

    public List<Entry> list(Long caseId, String username, Instant from, Instant to, int limit) {
        flush();
        StringBuilder sql = new StringBuilder("select at, username, action, case_id, recording_id, national_id_masked, detail, ip "
                + "from console_audit where 1=1");
        List<Object> args = new ArrayList<>();
        if (caseId != null) { sql.append(" and case_id = ?"); args.add(caseId); }
        if (username != null) { sql.append(" and username = ?"); args.add(username); }
        if (from != null) { sql.append(" and at >= ?"); args.add(from); }
        if (to != null) { sql.append(" and at < ?"); args.add(to); }
        sql.append(" order by at desc, id desc limit ?");
        args.add(limit);
        return jdbc.list(sql.toString(), rs -> new Entry(Jdbc.instant(rs, "at"), rs.getString("username"), rs.getString("action"),
                Jdbc.longOrNull(rs, "case_id"), Jdbc.longOrNull(rs, "recording_id"), rs.getString("national_id_masked"),
                rs.getString("detail"), rs.getString("ip")), args.toArray());
    }
}
