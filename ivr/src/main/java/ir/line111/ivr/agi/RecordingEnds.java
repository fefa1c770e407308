package ir.line111.ivr.agi;

import ir.line111.ivr.flow.Caller.RecordingEnd;

import java.time.Duration;

/**
 * How a RECORD FILE ended, from what Asterisk 22 reports (traces' README item 8, real-calls/):
 * {@code (hangup)} or -1, {@code (dtmf)}, and {@code (timeout)} for both a silence stop and the
 * maximum length. Only {@code result} tells those two apart: on a silence stop it is the
 * milliseconds left on the recording's clock ({@code result=3916 (timeout)}, {@code result=11105
 * (timeout) endpos=8160}); at the maximum it is 0 or the one or two milliseconds its last wait had
 * left ({@code result=1 (timeout) endpos=60538} at the 15 s maximum).
 */
final class RecordingEnds {
    /** Left on the clock at a stop by the maximum length: less than a frame's wait, never this much. */
    static final long MAX_LENGTH_SLACK_MS = 100;

    private RecordingEnds() {}

    static RecordingEnd of(int result, String how, long samples, Duration maxLength, Duration silence) {
        // -1 is also what a file Asterisk cannot open gives: that caller is still there, and is asked again.
        if ("writefile".equals(how)) return RecordingEnd.NOT_WRITTEN;
        if (result == -1 || "hangup".equals(how)) return RecordingEnd.HUNG_UP;
        if ("dtmf".equals(how)) return RecordingEnd.KEY;
        boolean atMaximum = !maxLength.isNegative() && !maxLength.isZero() && samples >= maxLength.toMillis() * 8;
        if (silence.isZero() || atMaximum || result <= MAX_LENGTH_SLACK_MS) return RecordingEnd.MAX_LENGTH;
        return RecordingEnd.SILENCE;
    }
}
