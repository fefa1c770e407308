package ir.line111.sms;

import ir.line111.core.config.ConfigException;
import ir.line111.core.config.Line111Config;

import java.time.Duration;

/**
 * The {@code sms.*} keys (see line111-defaults.properties).
 *
 * @param retry       the first back-off after a refused submit; each further one doubles, up to {@code retryMax}
 * @param reconnect   how long to wait before binding again after the centre could not be reached
 * @param poll        how often the outbox is looked at for due rows
 * @param lease       how long a claimed row is hidden from other senders while it is being submitted
 */
public record SmsSettings(boolean enabled, String host, int port, String systemId, String password, String systemType,
                          String sourceAddress, String bindAddress, int maxAttempts, Duration retry, Duration retryMax,
                          Duration reconnect, Duration poll, Duration lease, Duration responseTimeout) {

    public static SmsSettings of(Line111Config config) {
        boolean enabled = config.bool("sms.enabled");
        SmsSettings s = new SmsSettings(enabled, config.string("sms.host"), config.port("sms.port"), config.string("sms.system-id"),
                config.string("sms.password"), config.string("sms.system-type"), config.string("sms.source-address"),
                config.string("sms.bind-address"), config.integer("sms.max-attempts", 1, 100),
                config.seconds("sms.retry-seconds"), config.seconds("sms.retry-max-seconds"),
                Duration.ofMillis(config.integer("sms.reconnect-ms", 10, 3_600_000)),
                Duration.ofMillis(config.integer("sms.poll-ms", 10, 600_000)),
                config.seconds("sms.lease-seconds"), Duration.ofMillis(config.integer("sms.response-timeout-ms", 100, 600_000)));
        if (enabled) {
            if (s.systemId.isBlank()) throw new ConfigException("sms.system-id", "must be set when sms.enabled=true");
            if (s.password.isEmpty()) throw new ConfigException("sms.password", "must be set when sms.enabled=true");
            if (s.sourceAddress.isBlank()) throw new ConfigException("sms.source-address", "must be set when sms.enabled=true");
            if (s.port == 0) throw new ConfigException("sms.port", "must be the SMS centre's port when sms.enabled=true");
        }
        return s;
    }

    /** The back-off after the {@code attempts}-th refusal: retry, 2·retry, 4·retry … at most retryMax. */
    public Duration backoff(int attempts) {
        Duration d = retry;
        for (int i = 1; i < attempts && d.compareTo(retryMax) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }

    @Override
    public String toString() {
        return "SmsSettings[enabled=" + enabled + ", " + host + ":" + port + ", system-id=" + systemId + ", password=***]";
    }
}
