package ir.line111.ivr.flow;

import ir.line111.core.config.Line111Config;

import java.time.Duration;

/** The knobs of the call flows, read once from {@link Line111Config}. */
public record IvrSettings(Duration digitTimeout, Duration codeTimeout, Duration idMaxLength, Duration idSilence,
                          Duration messageMaxLength, Duration messageSilence, Duration recognitionTimeout,
                          boolean keyedIdFallback, Duration busyMaxWait, int busyMaxCallersPerOperator) {

    /** DESIGN §4: menus repeat at most three times, the spoken ID gets three attempts, the tracking code three tries. */
    public static final int MENU_ATTEMPTS = 3;
    public static final int ID_ATTEMPTS = 3;
    public static final int CODE_ATTEMPTS = 3;
    public static final String RECORDING_FORMAT = "wav";

    public static IvrSettings from(Line111Config c) {
        return new IvrSettings(
                c.millis("ivr.digit-timeout-ms"),
                c.millis("ivr.code-timeout-ms"),
                c.seconds("ivr.id.max-seconds"),
                c.seconds("ivr.id.silence-seconds"),
                c.seconds("ivr.message.max-seconds"),
                c.seconds("ivr.message.silence-seconds"),
                c.millis("speech.timeout-ms"),
                c.bool("ivr.keyed-id-fallback"),
                c.seconds("ivr.busy.max-wait-seconds"),
                c.integer("ivr.busy.max-callers-per-operator", 1, 1000));
    }
}
