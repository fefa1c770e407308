package ir.line111.fakeasterisk.agi;

/** Ways to send a broken agi_ environment, for robustness tests of the FastAGI server. */
public enum MalformedEnvironment {
    /** Lines without a colon, an unknown key and non-UTF-8 bytes mixed into an otherwise complete block. */
    GARBAGE_LINES,
    /** The block lacks agi_request and agi_network_script. */
    MISSING_REQUEST,
    /** Only the blank line that ends the block. */
    EMPTY,
    /** Half the block, then the connection is closed. */
    TRUNCATED_THEN_CLOSE
}
