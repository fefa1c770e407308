package ir.line111.ivr.ami;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to hold the AMI connection to one Asterisk, among the nodes of a cluster: a cluster-wide
 * lock from Vert.x's cluster manager (Hazelcast: a map lock, held until released or until its member
 * leaves the cluster, so a node that dies hands it on). Nodes that do not hold it keep asking; the one
 * that gets it runs {@code onHeld} once and keeps it for as long as it runs.
 */
final class AmiLease {
    private static final Logger log = LoggerFactory.getLogger(AmiLease.class);
    /** How long one attempt waits for the lock before asking again (the wait is on a worker thread). */
    static final long ATTEMPT_MS = 2000;

    private final Vertx vertx;
    private final String name;
    private final Runnable onHeld;
    private Lock lock;
    private boolean stopped;
    private boolean saidStandby;

    AmiLease(Vertx vertx, String name, Runnable onHeld) {
        this.vertx = vertx;
        this.name = name;
        this.onHeld = onHeld;
    }

    /** The lock's name for one Asterisk: every node configured for the same AMI endpoint competes for it. */
    static String nameFor(AmiSettings settings) {
        return "line111.ami." + settings.host() + ":" + settings.port();
    }

    void start() {
        attempt();
    }

    private void attempt() {
        synchronized (this) {
            if (stopped) return;
        }
        long asked = System.nanoTime();
        vertx.sharedData().getLockWithTimeout(name, ATTEMPT_MS).onComplete(ar -> {
            boolean run;
            synchronized (this) {
                if (ar.failed()) {
                    if (!stopped && !saidStandby) {
                        saidStandby = true;
                        log.info("AMI standby: another node holds {}; taking over when it leaves", name);
                    }
                    run = false;
                } else if (stopped) {
                    ar.result().release();
                    return;
                } else {
                    lock = ar.result();
                    run = true;
                }
            }
            if (run) {
                log.info("AMI lease {} held by this node: connecting", name);
                onHeld.run();
            } else if (System.nanoTime() - asked >= ATTEMPT_MS * 500_000L) {
                attempt();   // waited its time: another node holds it
            } else {
                // Refused at once (the cluster is leaving or not ready): ask again a little later, not in a loop.
                try {
                    vertx.setTimer(ATTEMPT_MS / 4, id -> attempt());
                } catch (RuntimeException closed) {
                    log.debug("no more AMI lease attempts: {}", closed.toString());
                }
            }
        });
    }

    synchronized boolean held() {
        return lock != null;
    }

    /** Gives the lease back (another node takes it over) and stops asking. */
    void stop() {
        Lock l;
        synchronized (this) {
            stopped = true;
            l = lock;
            lock = null;
        }
        if (l != null) l.release();
    }
}
