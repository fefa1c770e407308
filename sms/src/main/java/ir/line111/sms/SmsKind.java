package ir.line111.sms;

import java.util.Optional;

/**
 * Why a caller gets an SMS, and the case event that calls for it. Events are matched by name, so an
 * event type that another module adds later (the board's verdict) needs no change here.
 */
public enum SmsKind {
    /** A case registered for the caller: by an operator, or from their voicemail. */
    REGISTERED("registered"),
    /** The agency's answer was recorded. */
    ANSWERED("answered"),
    /** The complaints board's verdict was recorded. */
    BOARD_VERDICT("board-verdict");

    private final String textKey;

    SmsKind(String textKey) { this.textKey = textKey; }

    /** The key of its text in {@code sms/catalogue.tsv}. */
    public String textKey() { return textKey; }

    /** The kind a stored case-event type (its enum name) calls for, if any. */
    public static Optional<SmsKind> forEvent(String eventType) {
        if (eventType == null) return Optional.empty();
        return switch (eventType) {
            case "REGISTERED", "VOICEMAIL_REGISTERED" -> Optional.of(REGISTERED);
            case "ANSWERED" -> Optional.of(ANSWERED);
            case "BOARD_VERDICT" -> Optional.of(BOARD_VERDICT);
            default -> Optional.empty();
        };
    }
}
