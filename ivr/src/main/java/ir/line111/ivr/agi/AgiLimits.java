package ir.line111.ivr.agi;

import ir.line111.core.config.ConfigException;
import ir.line111.core.config.Line111Config;

import java.time.Duration;

/**
 * Deadlines of the FastAGI edge. The environment comes in one packet from Asterisk, so a few seconds
 * is generous; a command's reply can take as long as the longest legitimate command (the message
 * RECORD FILE), so its timeout must exceed that and is checked against it at start-up.
 *
 * @param environmentTimeout the whole agi_ block must arrive within this
 * @param replyTimeout       each command's reply must arrive within this; a silent peer is a hang-up
 * @param maxConnecting      connections that may be sending their environment at once
 */
record AgiLimits(Duration environmentTimeout, Duration replyTimeout, int maxConnecting) {
    /** A prompt plays before GET DATA's timeout starts, RECORD FILE plays a beep first, and Asterisk answers a moment after. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    AgiLimits {
        if (environmentTimeout.isNegative() || environmentTimeout.isZero()) throw new IllegalArgumentException("environmentTimeout must be positive");
        if (replyTimeout.isNegative() || replyTimeout.isZero()) throw new IllegalArgumentException("replyTimeout must be positive");
        if (maxConnecting < 1) throw new IllegalArgumentException("maxConnecting must be positive");
    }

    static AgiLimits from(Line111Config config) {
        Duration env = Duration.ofMillis(config.integer("agi.environment-timeout-ms", 100, 60_000));
        Duration reply = Duration.ofSeconds(config.integer("agi.reply-timeout-seconds", 1, 24 * 3600));
        long longestCommandMs = Math.max(1000L * Math.max(config.integer("ivr.message.max-seconds", 0, Integer.MAX_VALUE),
                config.integer("ivr.id.max-seconds", 0, Integer.MAX_VALUE)), config.integer("ivr.code-timeout-ms", 0, Integer.MAX_VALUE));
        Duration needed = Duration.ofMillis(longestCommandMs).plus(MARGIN);
        if (reply.compareTo(needed) < 0) {
            throw new ConfigException("agi.reply-timeout-seconds", "must be at least " + (needed.toMillis() + 999) / 1000
                    + " (the longest command: ivr.message.max-seconds, ivr.id.max-seconds or ivr.code-timeout-ms, plus "
                    + MARGIN.toSeconds() + " s), was " + reply.toSeconds());
        }
        return new AgiLimits(env, reply, config.integer("agi.max-connecting", 1, 1_000_000));
    }
}
