package ir.line111.fakeasterisk.ami;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A capture from shared/asterisk-traces: {@code > } lines were sent by Asterisk, {@code < } lines by the
 * client, each ending in a written-out {@code \r\n} or {@code \n} (see the traces' README).
 */
public record AmiTrace(String name, List<Line> lines) {

    public enum Direction { FROM_ASTERISK, TO_ASTERISK }

    /** One protocol line without its terminator; {@code terminator} is the real one ("\r\n" for AMI). */
    public record Line(Direction direction, String text, String terminator) {}

    public static AmiTrace load(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AmiTrace parse(String name, String content) {
        List<Line> out = new ArrayList<>();
        for (String raw : content.split("\n", -1)) {
            if (raw.isEmpty()) continue;
            if (raw.length() < 2 || (raw.charAt(0) != '>' && raw.charAt(0) != '<') || raw.charAt(1) != ' ') {
                throw new IllegalArgumentException(name + ": not a trace line: " + raw);
            }
            Direction d = raw.charAt(0) == '>' ? Direction.FROM_ASTERISK : Direction.TO_ASTERISK;
            String body = raw.substring(2);
            String term;
            if (body.endsWith("\\r\\n")) term = "\r\n";
            else if (body.endsWith("\\n")) term = "\n";
            else throw new IllegalArgumentException(name + ": line without terminator marker: " + raw);
            String text = body.substring(0, body.length() - (term.length() == 2 ? 4 : 2));
            if (text.contains("\\x")) throw new IllegalArgumentException(name + ": escapes are not supported: " + raw);
            out.add(new Line(d, text, term));
        }
        return new AmiTrace(name, List.copyOf(out));
    }

    /** Everything one side sent, as the bytes on the wire. */
    public String stream(Direction d) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) if (l.direction() == d) sb.append(l.text()).append(l.terminator());
        return sb.toString();
    }

    /** One side's messages, split at the empty line; the banner (a line alone) is left out. */
    public List<AmiMessage> messages(Direction d) {
        List<AmiMessage> out = new ArrayList<>();
        List<AmiMessage.Header> cur = new ArrayList<>();
        for (Line l : lines) {
            if (l.direction() != d) continue;
            if (l.text().startsWith("Asterisk Call Manager/")) continue;
            if (l.text().isEmpty()) {
                if (!cur.isEmpty()) out.add(new AmiMessage(cur));
                cur = new ArrayList<>();
                continue;
            }
            int colon = l.text().indexOf(':');
            String n = colon < 0 ? l.text() : l.text().substring(0, colon);
            String v = colon < 0 ? "" : l.text().substring(colon + 1).stripLeading();
            cur.add(new AmiMessage.Header(n, v));
        }
        if (!cur.isEmpty()) out.add(new AmiMessage(cur));
        return out;
    }

    /** The events Asterisk sent (responses left out): what a replay of the scenario emits. */
    public List<AmiMessage> events() {
        return messages(Direction.FROM_ASTERISK).stream().filter(m -> m.has("Event")).toList();
    }

    /** The traces' folder beside the checkout ({@code line111.repo.root}/../shared/asterisk-traces), or null. */
    public static Path defaultFolder() {
        String root = System.getProperty("line111.repo.root", System.getProperty("user.dir"));
        for (Path p = Path.of(root).toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared").resolve("asterisk-traces");
            if (Files.isDirectory(c)) return c;
            Path s = p.resolveSibling("shared").resolve("asterisk-traces");
            if (Files.isDirectory(s)) return s;
        }
        return null;
    }
}
