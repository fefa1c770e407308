package ir.line111.ivr.agi;

import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.ivr.prompts.PersianSpeech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs the read-only paths of a call once before the first caller: the Solar Hijri calendar (ICU4J
 * builds its tables on first use), the case look-ups by tracking code and by call (the ORM prepares
 * its query plans), the parsers, and a socket read on a virtual thread (the JDK's poller is set up on
 * the first one, and a call that waits for it pins its carrier: 54 ms in the cold round of
 * {@code ./line111 bench ivr think}, issue 13.9). Without it the first callers after a start wait for these
 * one-time costs between two prompts. Writes nothing; a failure only means the first call is slower.
 */
public final class StartupWarmup implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmup.class);

    private final CaseRegistry cases;
    private final Clock clock;

    public StartupWarmup(CaseRegistry cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void run() {
        long t0 = System.nanoTime();
        PersianSpeech.jalaliDate(clock.instant());
        NationalId.parse("0499370899");
        TrackingCode code = TrackingCode.fromBody(1);
        TrackingCode.parse(code.digits());
        try {
            cases.findByTrackingCode(code);
            cases.findRegisteredInCall("line111-startup-warmup");
        } catch (RuntimeException e) {
            log.debug("start-up warm-up of the case look-ups failed ({}); the first call will do it", e.toString());
        }
        try {
            Thread.ofVirtual().name("line111-warmup-socket").start(StartupWarmup::loopbackReadOnVirtualThread).join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.debug("call paths warmed in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /** One line over loopback, read with a deadline as a call's thread reads Asterisk's replies. */
    private static void loopbackReadOnVirtualThread() {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            accepted.setSoTimeout(1000);
            client.getOutputStream().write("200 result=0\n".getBytes(StandardCharsets.US_ASCII));
            accepted.getInputStream().read(new byte[64]);
        } catch (IOException e) {
            log.debug("start-up warm-up of the socket path failed ({}); the first call will do it", e.toString());
        }
    }
}
