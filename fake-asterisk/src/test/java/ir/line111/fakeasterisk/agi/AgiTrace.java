package ir.line111.fakeasterisk.agi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed trace of ../shared/asterisk-traces (see its README for the format). */
record AgiTrace(List<String> fromAsterisk, List<String> toAsterisk) {

    static Path shared() {
        String root = System.getProperty("line111.repo.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        return base.resolve("../shared").normalize();
    }

    static Path tracesDir() {
        return shared().resolve("asterisk-traces");
    }

    static AgiTrace load(String name) throws IOException {
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        for (String raw : Files.readAllLines(tracesDir().resolve(name), StandardCharsets.UTF_8)) {
            if (raw.isEmpty()) {
                continue;
            }
            if (!raw.endsWith("\\n") || raw.endsWith("\\r\\n")) {
                throw new IllegalStateException("AGI trace lines end with \\n: " + raw);
            }
            String line = raw.substring(2, raw.length() - 2);
            (raw.startsWith("> ") ? from : to).add(line);
        }
        return new AgiTrace(from, to);
    }

    /** The agi_ block as a map (the lines before the first blank one). */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String l : fromAsterisk) {
            if (l.isEmpty()) {
                break;
            }
            int colon = l.indexOf(": ");
            env.put(l.substring(0, colon), l.substring(colon + 2));
        }
        return env;
    }

    String asteriskBytes() {
        StringBuilder sb = new StringBuilder();
        fromAsterisk.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    /** A FakeCall whose environment is the trace's, byte for byte. */
    FakeCall callTo(int port) {
        Map<String, String> env = environment();
        FakeCall call = FakeAsterisk.call("127.0.0.1", port, env.get("agi_network_script"))
                .requestUrl(env.get("agi_request"))
                .channel(env.get("agi_channel"))
                .language(env.get("agi_language"))
                .uniqueId(env.get("agi_uniqueid"))
                .callerId(env.get("agi_callerid"))
                .callerIdName(env.get("agi_calleridname"))
                .dnid(env.get("agi_dnid"))
                .context(env.get("agi_context"))
                .extension(env.get("agi_extension"))
                .priority(Integer.parseInt(env.get("agi_priority")))
                .accountCode(env.get("agi_accountcode"))
                .threadId(env.get("agi_threadid"));
        for (int i = 1; env.containsKey("agi_arg_" + i); i++) {
            call.args(env.get("agi_arg_" + i));
        }
        return call;
    }

    /** The commands the FastAGI server sent. */
    List<String> commands() {
        return toAsterisk;
    }
}
