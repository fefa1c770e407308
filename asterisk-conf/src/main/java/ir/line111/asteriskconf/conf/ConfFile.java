package ir.line111.asteriskconf.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Asterisk configuration file read the way Asterisk's config.c reads it: {@code [section]}
 * headers with {@code (!)} templates and {@code (tpl)} inheritance, {@code key = value} and
 * {@code key => value} lines, {@code ;} comments ({@code \;} escaped), {@code ;-- --;} block
 * comments, and {@code #include}/{@code #tryinclude} continuing the current section. There is no
 * asterisk binary on the build machines, so this is how the tests see the files.
 */
public record ConfFile(Path path, List<Section> sections) {

    /** One {@code key = value} or {@code key => value} line, where it came from. */
    public record Entry(String key, String value, boolean arrow, Path file, int line) {
        public String where() { return file.getFileName() + ":" + line; }
    }

    /** A {@code [name](options)} section; {@code templates} are the sections it inherits from. */
    public record Section(String name, boolean template, List<String> templates, List<Entry> entries,
                          Path file, int line) {
        public List<Entry> all(String key) {
            return entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).toList();
        }

        public Optional<String> first(String key) {
            return entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).map(Entry::value).findFirst();
        }

        public String where() { return file.getFileName() + ":" + line; }
    }

    public static ConfFile read(Path path) throws IOException, ConfParseException {
        var parser = new Parser();
        parser.load(path, 0, false);
        return new ConfFile(path, List.copyOf(parser.sections));
    }

    public List<Section> named(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).toList();
    }

    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The entries a section ends up with, its templates' entries first, as Asterisk applies them
     * (a later value of a single-valued option wins, which {@link #effectiveValue} follows).
     */
    public List<Entry> effective(Section section) {
        var out = new ArrayList<Entry>();
        for (String t : section.templates()) {
            named(t).forEach(ts -> out.addAll(effective(ts)));
        }
        out.addAll(section.entries());
        return out;
    }

    public Optional<String> effectiveValue(Section section, String key) {
        String value = null;
        for (Entry e : effective(section)) {
            if (e.key().equalsIgnoreCase(key)) value = e.value();
        }
        return Optional.ofNullable(value);
    }

    private static final class Parser {
        final List<Section> sections = new ArrayList<>();
        // Sections are built mutable while reading, then frozen.
        final Map<Integer, List<Entry>> open = new LinkedHashMap<>();
        int current = -1;
        boolean inBlockComment;

        void load(Path path, int depth, boolean optional) throws IOException, ConfParseException {
            if (depth > 10) throw new ConfParseException(path, 0, "#include nested more than 10 deep (a loop?)");
            List<String> lines;
            try {
                lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                if (optional) return;
                throw new ConfParseException(path, 0, "#include of a missing file " + path);
            }
            for (int i = 0; i < lines.size(); i++) {
                int lineNo = i + 1;
                String line = stripComment(lines.get(i)).strip();
                if (line.isEmpty()) continue;
                if (line.startsWith("#")) {
                    directive(path, lineNo, line, depth);
                } else if (line.startsWith("[")) {
                    header(path, lineNo, line);
                } else {
                    entry(path, lineNo, line);
                }
            }
            if (depth == 0) {
                if (inBlockComment) throw new ConfParseException(path, lines.size(), "block comment ;-- is never closed with --;");
                freeze();
            }
        }

        private String stripComment(String raw) {
            var out = new StringBuilder();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (inBlockComment) {
                    if (raw.startsWith("--;", i)) { inBlockComment = false; i += 2; }
                    continue;
                }
                if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == ';') {
                    out.append(';');
                    i++;
                } else if (c == ';') {
                    if (raw.startsWith(";--", i)) { inBlockComment = true; i += 2; continue; }
                    break;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private void directive(Path path, int lineNo, String line, int depth) throws IOException, ConfParseException {
            String[] parts = line.substring(1).split("\\s+", 2);
            String kind = parts[0];
            if (!kind.equals("include") && !kind.equals("tryinclude")) {
                throw new ConfParseException(path, lineNo, "unsupported directive #" + kind);
            }
            if (parts.length < 2 || parts[1].isBlank()) throw new ConfParseException(path, lineNo, "#" + kind + " without a file");
            String name = parts[1].strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) name = name.substring(1, name.length() - 1);
            if (name.contains("*") || name.contains("?")) {
                throw new ConfParseException(path, lineNo, "#" + kind + " with a wildcard is not supported by this reader");
            }
            Path target = path.resolveSibling(name);
            load(target, depth + 1, kind.equals("tryinclude"));
        }

        private void header(Path path, int lineNo, String line) throws ConfParseException {
            int close = line.indexOf(']');
            if (close < 0) throw new ConfParseException(path, lineNo, "section header without ]: " + line);
            String name = line.substring(1, close).strip();
            if (name.isEmpty()) throw new ConfParseException(path, lineNo, "empty section name");
            String rest = line.substring(close + 1).strip();
            boolean template = false;
            boolean append = false;
            var templates = new ArrayList<String>();
            if (!rest.isEmpty()) {
                if (!rest.startsWith("(") || !rest.endsWith(")")) {
                    throw new ConfParseException(path, lineNo, "text after the section header: " + rest);
                }
                for (String opt : rest.substring(1, rest.length() - 1).split(",")) {
                    String o = opt.strip();
                    if (o.equals("!")) template = true;
                    else if (o.equals("+")) append = true;
                    else if (!o.isEmpty()) templates.add(o);
                }
            }
            if (append) {
                for (int i = sections.size() - 1; i >= 0; i--) {
                    if (sections.get(i).name().equals(name)) { current = i; return; }
                }
                throw new ConfParseException(path, lineNo, "[" + name + "](+) appends to a section that does not exist");
            }
            sections.add(new Section(name, template, List.copyOf(templates), List.of(), path, lineNo));
            current = sections.size() - 1;
            open.put(current, new ArrayList<>());
        }

        private void entry(Path path, int lineNo, String line) throws ConfParseException {
            if (current < 0) throw new ConfParseException(path, lineNo, "a line outside any [section]: " + line);
            int eq = line.indexOf('=');
            if (eq <= 0) throw new ConfParseException(path, lineNo, "not a 'key = value' line: " + line);
            boolean arrow = eq + 1 < line.length() && line.charAt(eq + 1) == '>';
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + (arrow ? 2 : 1)).strip();
            open.get(current).add(new Entry(key, value, arrow, path, lineNo));
        }

        private void freeze() {
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                sections.set(i, new Section(s.name(), s.template(), s.templates(), List.copyOf(open.get(i)), s.file(), s.line()));
            }
        }
    }
}
