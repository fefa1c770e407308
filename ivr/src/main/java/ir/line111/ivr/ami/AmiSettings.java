package ir.line111.ivr.ami;

import ir.line111.core.config.Line111Config;

import java.time.Duration;
import java.time.ZoneId;

/** The ami.* keys, read once at start-up (a bad value stops start-up with the key's name). */
public record AmiSettings(String host, int port, String username, String password, String queue,
                          Duration pingInterval, int serviceLevelSeconds, Duration actionTimeout, ZoneId zone, int eventQueue) {

    public static AmiSettings from(Line111Config c) {
        return new AmiSettings(c.string("ami.host"), c.port("ami.port"), c.string("ami.username"),
                c.string("ami.password"), c.string("ami.queue"),
                Duration.ofSeconds(c.integer("ami.ping-seconds", 1, 3600)),
                c.integer("ami.service-level-seconds", 1, 3600),
                Duration.ofMillis(c.integer("ami.action-timeout-ms", 100, 600_000)),
                ZoneId.of(c.string("office.zone")), c.integer("ami.event-queue", 100, 10_000_000));
    }

    /** No credentials, no client: there are no default passwords. */
    public boolean enabled() {
        return !username.isBlank();
    }

    /**
     * Silence on the socket for this long means the far side is gone (a half-open socket sends no FIN):
     * a ping answer should arrive every {@link #pingInterval}, so allow two missed pings and some slack.
     */
    public Duration readTimeout() {
        return pingInterval.multipliedBy(2).plus(actionTimeout);
    }
}
