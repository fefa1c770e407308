package ir.line111.asteriskconf.check;

import ir.line111.asteriskconf.Repo;
import ir.line111.asteriskconf.conf.ConfFile;
import ir.line111.asteriskconf.dialplan.Dialplan;
import ir.line111.ivr.DialplanContract;
import ir.line111.recordings.store.FallbackRecordingName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message the dialplan records while the backend is down is adopted only if the recordings
 * module's reconciler recognises its name: expand the dialplan's own expression the way Asterisk
 * would for a few callers and parse the result with FallbackRecordingName.
 */
class FallbackFileNameTest {

    @ParameterizedTest(name = "caller ''{0}''")
    @CsvSource(delimiter = '|', value = {
            "09121234567|09121234567",
            "+98 912 123-4567|989121234567",
            "''|''",
            "Anonymous|''",
            "123456789012345678901234567890|12345678901234567890"})
    void theReconcilerRecognisesWhatTheDialplanWrites(String callerIdNum, String expectedDigits) throws Exception {
        var dialplan = Dialplan.of(ConfFile.read(Repo.etc().resolve("extensions.conf")));
        var fallback = dialplan.contexts().get(DialplanContract.CONTEXT_FALLBACK);
        var globals = ConfFile.read(Repo.etc().resolve("extensions.conf")).section("globals").orElseThrow();

        // The Set() steps of the fallback, run in order, as Asterisk substitutes them.
        var vars = new java.util.HashMap<String, String>();
        vars.put("L111_SPOOL", globals.first("L111_SPOOL").orElseThrow());
        vars.put("EPOCH", "1795378755");
        vars.put("UNIQUEID", "1795378755.23");
        String message = null;
        for (Dialplan.Step s : fallback.steps()) {
            if (!s.app().equals("Set")) continue;
            String name = s.args().substring(0, s.args().indexOf('='));
            String value = expand(s.args().substring(name.length() + 1), vars, callerIdNum);
            vars.put(name, value);
            if (s.args().contains("line111-fallback-")) message = value;
        }

        assertThat(message).as("the fallback sets the message's path").isNotNull();
        Path file = Path.of(message);
        assertThat(file.getParent()).as("written straight into the spool the reconciler lists").isEqualTo(Path.of(vars.get("L111_SPOOL")));
        var parsed = FallbackRecordingName.parse(file.getFileName().toString());
        assertThat(parsed).as("FallbackRecordingName parses %s", file.getFileName()).isPresent();
        assertThat(parsed.get().callerDigits()).isEqualTo(expectedDigits);
        assertThat(parsed.get().uniqueId()).isEqualTo("1795378755.23");
        assertThat(parsed.get().recordedAt()).isEqualTo(Instant.ofEpochSecond(1795378755L));
    }

    /** The few substitutions the fallback uses: ${VAR}, ${VAR:0:n}, ${FILTER(0-9,${CALLERID(num)})}. */
    private static String expand(String expr, java.util.Map<String, String> vars, String callerIdNum) {
        String out = expr.replace("${FILTER(0-9,${CALLERID(num)})}", callerIdNum.replaceAll("[^0-9]", ""));
        var m = java.util.regex.Pattern.compile("\\$\\{([A-Z0-9_]+)(?::(\\d+):(\\d+))?}").matcher(out);
        var sb = new StringBuilder();
        while (m.find()) {
            String v = vars.getOrDefault(m.group(1), "");
            if (m.group(2) != null) {
                int from = Math.min(v.length(), Integer.parseInt(m.group(2)));
                v = v.substring(from, Math.min(v.length(), from + Integer.parseInt(m.group(3))));
            }
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        assertThat(sb.toString()).as("nothing left unexpanded in %s", expr).doesNotContain("${");
        return sb.toString();
    }
}
