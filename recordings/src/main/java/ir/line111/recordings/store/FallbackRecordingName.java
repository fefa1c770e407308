package ir.line111.recordings.store;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name the dialplan's fallback gives a message it records when the AGI server cannot be
 * reached (DESIGN §4): {@code line111-fallback-<epochSeconds>-<callerDigits>-<uniqueid>.wav} in
 * {@code recordings.spool}, for example {@code line111-fallback-1732300000-09121234567-1732300000.42.wav}.
 * {@code epochSeconds} is {@code ${EPOCH}}, {@code callerDigits} is {@code ${FILTER(0-9,${CALLERID(num)})}}
 * (empty for a withheld number) and {@code uniqueid} is {@code ${UNIQUEID}}. The asterisk-conf
 * module writes the dialplan with exactly this pattern; the spool reconciler reads it back.
 */
public record FallbackRecordingName(Instant recordedAt, String callerDigits, String uniqueId) {

    public static final Pattern PATTERN = Pattern.compile("line111-fallback-(\\d{1,12})-(\\d{0,20})-([A-Za-z0-9._]{1,64})\\.wav");

    public static Optional<FallbackRecordingName> parse(String fileName) {
        Matcher m = PATTERN.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new FallbackRecordingName(Instant.ofEpochSecond(Long.parseLong(m.group(1))), m.group(2), m.group(3)));
    }

    public String fileName() {
        return "line111-fallback-" + recordedAt.getEpochSecond() + "-" + callerDigits + "-" + uniqueId + ".wav";
    }
}
