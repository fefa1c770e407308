package ir.line111.core.persistence;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code is read to a caller only after the case that holds it is committed, so a commit must be on
 * disk when it returns. H2 (MVStore) by default writes commits behind, up to {@code WRITE_DELAY}
 * (500 ms) later: a kill -9 in that window loses cases whose codes were already spoken, and the
 * tracking-code sequence's advance with them, so the next start issues the same codes again (seen:
 * two callers heard {@code 354824468}). With {@code WRITE_DELAY=0} every commit stores the MVStore
 * chunk before it returns ({@code TransactionStore.endTransaction}: autoCommitDelay 0 → commit).
 * It is written to the operating system, not fsynced: a killed process loses nothing, a power cut
 * may; PostgreSQL (fsync on commit) is the choice where that matters.
 */
final class H2Durability {
    private static final Pattern WRITE_DELAY = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=\\s*([^;]*)");

    private H2Durability() {}

    /** An H2 file URL with {@code WRITE_DELAY=0}; other URLs unchanged. A non-zero delay is refused. */
    static String durable(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) return url;
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:mem:")) return url;
        Matcher m = WRITE_DELAY.matcher(url);
        if (m.find()) {
            if (!m.group(1).strip().equals("0")) {
                throw new DatabaseUnavailableException(Database.withoutPassword(url),
                        "WRITE_DELAY=" + m.group(1).strip() + " would let a kill lose committed cases whose codes callers heard; "
                                + "leave it out (line111 sets 0) or set 0", null);
            }
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }
}
