package ir.line111.fakeasterisk.agi;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A simulated call written in YAML: the call's settings and the caller's rules, the same rules as
 * {@link CallerScript.Builder}. Example:
 *
 * <pre>
 * description: leaves a message
 * call:
 *   script: line111
 *   callerId: "09121234567"
 * caller:
 *   - onPrompt: main-menu
 *     press: "1"
 *   - onRecordAfter: say-national-id
 *     say: speech/national-ids/nid_Elyas_0_6631441625.wav
 *   - onRecordAfter: record-message
 *     say: speech/national-ids/nid_samad_2_3244111432.wav
 *     press: "#"
 *   - onPrompt: goodbye
 *     hangUp: during
 * </pre>
 *
 * Triggers: onPrompt, onRecord (true), onRecordAfter, onCommand, onCommandNumber, onInput (true),
 * afterCommands (hang up after the n-th command). Actions: press, say, speechDelayMs, atMs, hangUp
 * (before | during | after), reply (a line or a list), close (true, "reset" for an RST, or the partial bytes), silence,
 * times (a number or "always"). A relative {@code say} path is looked up next to the YAML file, then
 * in the shared folder.
 */
public record YamlScript(String description, Map<String, Object> call, CallerScript caller) {

    private static final Set<String> CALL_KEYS = Set.of("script", "callerId", "callerIdName", "language", "channel",
            "context", "extension", "args", "variables", "hangupCause", "uniqueId", "accountCode", "timeScale");
    private static final Set<String> STEP_KEYS = Set.of("onPrompt", "onRecord", "onRecordAfter", "onCommand",
            "onCommandNumber", "onInput", "afterCommands", "press", "say", "speechDelayMs", "atMs", "hangUp", "reply",
            "close", "silence", "times", "note");

    /** Reads a YAML script; {@code shared} is the shared folder (for speech files), may be null. */
    public static YamlScript load(Path file, Path shared) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toAbsolutePath().getParent(), shared, file.toString());
        }
    }

    /** Parses YAML text; relative speech paths are resolved against {@code baseDir}, then {@code shared}. */
    public static YamlScript parse(Reader yaml, Path baseDir, Path shared, String sourceName) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException(sourceName + ": expected a mapping with 'call' and 'caller'");
        }
        Map<String, Object> call = new LinkedHashMap<>();
        if (top.get("call") instanceof Map<?, ?> c) {
            c.forEach((k, v) -> {
                if (!CALL_KEYS.contains(String.valueOf(k))) {
                    throw new IllegalArgumentException(sourceName + ": unknown call setting '" + k + "' (known: " + CALL_KEYS + ")");
                }
                call.put(String.valueOf(k), v);
            });
        }
        CallerScript.Builder b = CallerScript.builder();
        Object steps = top.get("caller");
        if (steps != null && !(steps instanceof List<?>)) {
            throw new IllegalArgumentException(sourceName + ": 'caller' must be a list of steps");
        }
        int n = 0;
        for (Object o : steps == null ? List.of() : (List<?>) steps) {
            n++;
            if (!(o instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(sourceName + ": caller step " + n + " must be a mapping");
            }
            addStep(b, m, baseDir, shared, sourceName + " step " + n);
        }
        Object d = top.get("description");
        return new YamlScript(d == null ? "" : d.toString(), call, b.build());
    }

    private static void addStep(CallerScript.Builder b, Map<?, ?> m, Path baseDir, Path shared, String where) {
        for (Object k : m.keySet()) {
            if (!STEP_KEYS.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "' (known: " + STEP_KEYS + ")");
            }
        }
        CallerScript.Step s;
        if (m.containsKey("onPrompt")) {
            s = b.onPrompt(text(m.get("onPrompt"), where));
        } else if (m.containsKey("onRecordAfter")) {
            s = b.onRecordAfter(text(m.get("onRecordAfter"), where));
        } else if (m.containsKey("onRecord")) {
            s = m.get("onRecord") instanceof String p ? b.onRecordAfter(p) : b.onRecord();
        } else if (m.containsKey("onCommand")) {
            s = b.onCommand(text(m.get("onCommand"), where));
        } else if (m.containsKey("onCommandNumber")) {
            s = b.onCommandNumber(number(m.get("onCommandNumber"), where));
        } else if (m.containsKey("onInput")) {
            s = b.onInput();
        } else if (m.containsKey("afterCommands")) {
            s = b.onCommandNumber(number(m.get("afterCommands"), where)).hangUpAfter();
        } else {
            throw new IllegalArgumentException(where + ": a step needs a trigger (onPrompt, onRecord, onRecordAfter, "
                    + "onCommand, onCommandNumber, onInput or afterCommands)");
        }
        if (m.containsKey("press")) {
            Object keys = m.get("press");
            if (!(keys instanceof String)) {
                throw new IllegalArgumentException(where + ": quote the keys of 'press' (\"0499370899#\"), "
                        + "or YAML reads them as a number and drops leading zeros");
            }
            s.press((String) keys);
        }
        if (m.containsKey("say")) {
            Path speech = resolve(text(m.get("say"), where), baseDir, shared, where);
            s = m.containsKey("speechDelayMs")
                    ? s.say(speech, Duration.ofMillis(number(m.get("speechDelayMs"), where))) : s.say(speech);
        }
        if (m.containsKey("atMs")) {
            s.at(Duration.ofMillis(number(m.get("atMs"), where)));
        }
        if (m.containsKey("hangUp")) {
            Object h = m.get("hangUp");
            String when = h instanceof Boolean bool ? (bool ? "during" : "none") : text(h, where);
            switch (when) {
                case "during" -> s.hangUp();
                case "before" -> s.hangUpBefore();
                case "after" -> s.hangUpAfter();
                case "none" -> { }
                default -> throw new IllegalArgumentException(where + ": hangUp is before, during or after, not " + when);
            }
        }
        if (m.containsKey("reply")) {
            Object r = m.get("reply");
            List<String> lines = new ArrayList<>();
            if (r instanceof List<?> l) {
                l.forEach(x -> lines.add(String.valueOf(x)));
            } else {
                lines.add(String.valueOf(r));
            }
            s.reply(lines.toArray(String[]::new));
        }
        if (m.containsKey("close")) {
            Object c = m.get("close");
            if ("reset".equals(c)) {
                s.resetConnection();
            } else if (c instanceof String partial) {
                s.closeConnection(partial);
            } else if (Boolean.TRUE.equals(c)) {
                s.closeConnection();
            }
        }
        if (m.containsKey("times")) {
            Object t = m.get("times");
            if ("always".equals(t)) {
                s.always();
            } else {
                s.times(number(t, where));
            }
        }
    }

    private static Path resolve(String name, Path baseDir, Path shared, String where) {
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            return p;
        }
        List<Path> tried = new ArrayList<>();
        for (Path base : new Path[] {baseDir, shared}) {
            if (base != null) {
                Path c = base.resolve(p).normalize();
                if (Files.isRegularFile(c)) {
                    return c;
                }
                tried.add(c);
            }
        }
        throw new IllegalArgumentException(where + ": speech file " + name + " not found (tried " + tried + ")");
    }

    private static String text(Object o, String where) {
        if (o == null) {
            throw new IllegalArgumentException(where + ": a value is missing");
        }
        return o.toString();
    }

    private static int number(Object o, String where) {
        if (o instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(text(o, where).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": expected a number, not " + o);
        }
    }

    /** The FastAGI script to call (call.script), or the fallback. */
    public String scriptName(String fallback) {
        Object s = call.get("script");
        return s == null ? fallback : s.toString();
    }

    /** Applies the call settings and the caller's rules to a call. */
    public FakeCall applyTo(FakeCall c) {
        call.forEach((k, v) -> {
            String s = String.valueOf(v);
            switch (k) {
                case "callerId" -> c.callerId(s);
                case "callerIdName" -> c.callerIdName(s);
                case "language" -> c.language(s);
                case "channel" -> c.channel(s);
                case "context" -> c.context(s);
                case "extension" -> c.extension(s);
                case "uniqueId" -> c.uniqueId(s);
                case "accountCode" -> c.accountCode(s);
                case "hangupCause" -> c.hangupCause(Integer.parseInt(s));
                case "timeScale" -> c.timeScale(Double.parseDouble(s));
                case "args" -> {
                    if (v instanceof List<?> l) {
                        l.forEach(a -> c.args(String.valueOf(a)));
                    } else {
                        c.args(s);
                    }
                }
                case "variables" -> {
                    if (v instanceof Map<?, ?> vars) {
                        vars.forEach((name, value) -> c.variable(String.valueOf(name), String.valueOf(value)));
                    }
                }
                default -> { } // script: chosen by the caller of applyTo
            }
        });
        return c.script(caller);
    }
}
