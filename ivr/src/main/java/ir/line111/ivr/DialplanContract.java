package ir.line111.ivr;

/**
 * What the Java side and the Asterisk configuration (asterisk-conf) must agree on. The consistency
 * test in asterisk-conf reads these constants and the .conf files and fails when they drift.
 */
public final class DialplanContract {
    private DialplanContract() {}

    /** Where the dialplan reaches the FastAGI server (DESIGN §6; config keys agi.bind / agi.port). */
    public static final String AGI_HOST = "127.0.0.1";
    public static final int AGI_PORT = 4573;

    /** The number callers dial; the trunk delivers it to {@link #CONTEXT_INBOUND}. */
    public static final String INBOUND_EXTENSION = "111";

    /** FastAGI script names, the path in agi://127.0.0.1:4573/<script>. */
    public static final String SCRIPT_ENTRY = "line111";
    public static final String SCRIPT_AFTER_QUEUE = "line111-after-queue";

    /** Dialplan contexts. */
    public static final String CONTEXT_INBOUND = "line111-inbound";
    public static final String CONTEXT_QUEUE = "line111-queue";
    public static final String CONTEXT_AFTER_QUEUE = "line111-after-queue";
    public static final String CONTEXT_FALLBACK = "line111-fallback";

    /** The operators' queue in queues.conf. */
    public static final String QUEUE_NAME = "line111-operators";

    /** Channel variables the entry script sets before returning to the dialplan for Queue(). */
    public static final String VAR_CALL_ID = "LINE111_CALL_ID";
    public static final String VAR_NATIONAL_ID = "LINE111_NATIONAL_ID";
    public static final String VAR_NATIONAL_ID_VERIFIED = "LINE111_NID_VERIFIED";
    public static final String VAR_SPOKEN_ID_RECORDING = "LINE111_NID_RECORDING";
    public static final String VAR_SUBJECT_NATIONAL_ID = "LINE111_SUBJECT_NID";
    public static final String VAR_RELATION = "LINE111_RELATION";
    public static final String VAR_DRAFT_CASE = "LINE111_DRAFT_CASE";
    /**
     * What the script tells the dialplan to do next: QUEUE, or HANGUP after it finished the call itself.
     * HANGUP is set as soon as a message is taken, so that a call cut off after that (a backend
     * stopping at the end of its grace period) is not sent to the fallback to record it again; unset
     * means nothing was taken, and the dialplan's fallback records the caller.
     */
    public static final String VAR_NEXT = "LINE111_NEXT";
    /** Values of {@link #VAR_NEXT}. FALLBACK: the IVR refused the call (at capacity, or a garbled start): record it in the dialplan. */
    public static final String NEXT_QUEUE = "QUEUE";
    public static final String NEXT_HANGUP = "HANGUP";
    public static final String NEXT_FALLBACK = "FALLBACK";
    /** Full path (no extension) for MixMonitor of the conversation, chosen by the recordings store. */
    public static final String VAR_CONVERSATION_FILE = "LINE111_CONVERSATION_FILE";
}
