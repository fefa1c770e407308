package ir.line111.asteriskconf.dialplan;

import ir.line111.asteriskconf.conf.ConfFile;
import ir.line111.asteriskconf.conf.ConfParseException;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * extensions.conf as pbx_config builds it: contexts of extensions of numbered, optionally labelled
 * steps ({@code exten => name,prio,App(args)} and {@code same => n(label),App(args)}), includes,
 * and the jumps between them ({@code Goto}, {@code GotoIf}, {@code Gosub}, {@code GosubIf}).
 */
public record Dialplan(Map<String, Context> contexts) {

    /** Sections of extensions.conf that are settings, not contexts. */
    public static final Set<String> NOT_CONTEXTS = Set.of("general", "globals");

    public record Context(String name, Map<String, Extension> extensions, List<String> includes, Path file, int line) {
        public List<Step> steps() {
            return extensions.values().stream().flatMap(e -> e.steps().stream()).toList();
        }
    }

    public record Extension(String name, List<Step> steps) {
        public Optional<Step> priority(int p) { return steps.stream().filter(s -> s.priority() == p).findFirst(); }

        public Optional<Step> label(String l) { return steps.stream().filter(s -> l.equals(s.label())).findFirst(); }
    }

    /** One priority: {@code app} with its raw argument string (without the outer parentheses). */
    public record Step(String context, String extension, int priority, String label, String app, String args,
                       Path file, int line) {
        public String where() { return file.getFileName() + ":" + line + " [" + context + "] " + extension + "," + priority; }

        public List<String> argList() { return Args.split(args, ','); }
    }

    /** Where a jump goes; {@code dynamic} when a part is computed at run time (${...}). */
    public record Target(Step from, String context, String extension, String priority, boolean dynamic) {
        public String describe() { return context + "," + extension + "," + priority; }
    }

    private static final Pattern APP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\((.*)\\))?", Pattern.DOTALL);
    private static final Pattern PRIORITY = Pattern.compile("(\\d+|n|hint)(?:\\(([A-Za-z0-9_-]+)\\))?");

    public static Dialplan of(ConfFile conf) throws ConfParseException {
        var contexts = new LinkedHashMap<String, Builder>();
        for (ConfFile.Section section : conf.sections()) {
            if (NOT_CONTEXTS.contains(section.name())) continue;
            var ctx = contexts.computeIfAbsent(section.name(), n -> new Builder(n, section.file(), section.line()));
            String lastExten = null;
            int lastPriority = 0;
            for (ConfFile.Entry e : section.entries()) {
                switch (e.key().toLowerCase()) {
                    case "exten" -> {
                        List<String> parts = splitFirst(e.value(), 2);
                        if (parts.size() < 3) throw new ConfParseException(e.file(), e.line(), "exten needs name,priority,application: " + e.value());
                        lastExten = parts.get(0).strip();
                        if (lastExten.isEmpty()) throw new ConfParseException(e.file(), e.line(), "exten with an empty name");
                        lastPriority = ctx.add(e, lastExten, parts.get(1).strip(), parts.get(2).strip(), 0);
                    }
                    case "same" -> {
                        if (lastExten == null) throw new ConfParseException(e.file(), e.line(), "same => before any exten => in [" + section.name() + "]");
                        List<String> parts = splitFirst(e.value(), 1);
                        if (parts.size() < 2) throw new ConfParseException(e.file(), e.line(), "same needs priority,application: " + e.value());
                        lastPriority = ctx.add(e, lastExten, parts.get(0).strip(), parts.get(1).strip(), lastPriority);
                    }
                    case "include" -> ctx.includes.add(e.value().split(",")[0].strip());
                    case "ignorepat", "switch", "eswitch", "lswitch" -> { }
                    default -> throw new ConfParseException(e.file(), e.line(),
                            "'" + e.key() + "' is not a dialplan line (exten, same, include) in [" + section.name() + "]");
                }
            }
        }
        var built = new LinkedHashMap<String, Context>();
        contexts.forEach((n, b) -> built.put(n, b.build()));
        return new Dialplan(built);
    }

    /** Splits at the first {@code count} commas; the rest (the application) keeps its commas. */
    private static List<String> splitFirst(String value, int count) {
        var out = new ArrayList<String>();
        String rest = value;
        for (int i = 0; i < count; i++) {
            int comma = rest.indexOf(',');
            if (comma < 0) break;
            out.add(rest.substring(0, comma));
            rest = rest.substring(comma + 1);
        }
        out.add(rest);
        return out;
    }

    private static final class Builder {
        final String name;
        final Path file;
        final int line;
        final Map<String, List<Step>> extensions = new LinkedHashMap<>();
        final List<String> includes = new ArrayList<>();

        Builder(String name, Path file, int line) { this.name = name; this.file = file; this.line = line; }

        int add(ConfFile.Entry e, String exten, String priorityText, String appText, int previous) throws ConfParseException {
            var pm = PRIORITY.matcher(priorityText);
            if (!pm.matches()) throw new ConfParseException(e.file(), e.line(), "bad priority '" + priorityText + "'");
            if (pm.group(1).equals("hint")) return previous;
            int priority = pm.group(1).equals("n") ? previous + 1 : Integer.parseInt(pm.group(1));
            if (pm.group(1).equals("n") && previous == 0) {
                throw new ConfParseException(e.file(), e.line(), "priority n with no priority before it in " + exten);
            }
            String label = pm.group(2);
            var am = APP.matcher(appText);
            if (!am.matches()) throw new ConfParseException(e.file(), e.line(), "not an application call: " + appText);
            String args = am.group(2) == null ? "" : am.group(2);
            var problem = Args.unbalanced(args);
            if (problem.isPresent()) {
                throw new ConfParseException(e.file(), e.line(), am.group(1) + "(" + args + "): " + problem.get());
            }
            var steps = extensions.computeIfAbsent(exten, k -> new ArrayList<>());
            for (Step s : steps) {
                if (s.priority() == priority) throw new ConfParseException(e.file(), e.line(), exten + " has priority " + priority + " twice");
                if (label != null && label.equals(s.label())) throw new ConfParseException(e.file(), e.line(), exten + " has label " + label + " twice");
            }
            steps.add(new Step(name, exten, priority, label, am.group(1), args, e.file(), e.line()));
            return priority;
        }

        Context build() {
            var ext = new LinkedHashMap<String, Extension>();
            extensions.forEach((n, steps) -> ext.put(n, new Extension(n, List.copyOf(steps))));
            return new Context(name, ext, List.copyOf(includes), file, line);
        }
    }

    // ---- jumps --------------------------------------------------------------------------------

    /** Every jump a step can make: Goto, GotoIf (both branches), Gosub, GosubIf. */
    public static List<Target> targets(Step step) {
        var out = new ArrayList<Target>();
        String app = step.app().toLowerCase();
        switch (app) {
            case "goto", "gosub" -> out.add(target(step, step.args()));
            case "gotoif", "gosubif" -> {
                var q = Args.indexOutside(step.args(), '?');
                if (q.isEmpty()) break;
                for (String branch : Args.split(step.args().substring(q.getAsInt() + 1), ':')) {
                    if (!branch.isBlank()) out.add(target(step, branch));
                }
            }
            default -> { }
        }
        return out;
    }

    private static Target target(Step from, String spec) {
        List<String> parts = Args.split(spec.strip(), ',').stream().map(String::strip).toList();
        String context = from.context();
        String exten = from.extension();
        String priority;
        switch (parts.size()) {
            case 1 -> priority = parts.get(0);
            case 2 -> { exten = parts.get(0); priority = parts.get(1); }
            default -> { context = parts.get(0); exten = parts.get(1); priority = parts.get(2); }
        }
        int paren = priority.indexOf('(');
        if (paren >= 0) priority = priority.substring(0, paren); // Gosub's (arguments)
        boolean dynamic = (context + exten + priority).contains("$");
        return new Target(from, context, exten, priority, dynamic);
    }

    /** Why a jump lands nowhere, or empty when its context, extension and priority or label exist. */
    public Optional<String> problem(Target t) {
        if (t.dynamic()) return Optional.of("jump to " + t.describe() + " is computed at run time; this check cannot follow it");
        Context ctx = contexts.get(t.context());
        if (ctx == null) return Optional.of("jump to context '" + t.context() + "' which does not exist");
        Optional<Extension> ext = findExtension(ctx, t.extension(), new LinkedHashSet<>());
        if (ext.isEmpty()) return Optional.of("jump to extension '" + t.extension() + "' which [" + t.context() + "] does not have");
        boolean found = t.priority().matches("\\d+")
                ? ext.get().priority(Integer.parseInt(t.priority())).isPresent()
                : ext.get().label(t.priority()).isPresent();
        if (!found) return Optional.of("jump to " + t.describe() + ": no such priority or label in " + t.extension());
        return Optional.empty();
    }

    private Optional<Extension> findExtension(Context ctx, String exten, Set<String> seen) {
        if (!seen.add(ctx.name())) return Optional.empty();
        Extension exact = ctx.extensions().get(exten);
        if (exact != null) return Optional.of(exact);
        for (Extension e : ctx.extensions().values()) {
            if (matches(e.name(), exten)) return Optional.of(e);
        }
        for (String inc : ctx.includes()) {
            Context c = contexts.get(inc);
            if (c != null) {
                var found = findExtension(c, exten, seen);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    /** Asterisk extension pattern matching: _ then X Z N [..] . ! */
    static boolean matches(String pattern, String exten) {
        if (!pattern.startsWith("_")) return pattern.equals(exten);
        var re = new StringBuilder();
        String p = pattern.substring(1);
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            switch (Character.toUpperCase(c)) {
                case 'X' -> re.append("[0-9]");
                case 'Z' -> re.append("[1-9]");
                case 'N' -> re.append("[2-9]");
                case '.' -> re.append(".+");
                case '!' -> re.append(".*");
                case '[' -> {
                    int close = p.indexOf(']', i);
                    if (close < 0) return false;
                    re.append('[').append(p.substring(i + 1, close).replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = close;
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(re.toString(), exten);
    }

    /** Contexts reachable from {@code entries} through includes and static jumps (entries included). */
    public Set<String> reachableFrom(Set<String> entries) {
        var seen = new LinkedHashSet<String>();
        var todo = new ArrayDeque<>(entries);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Context ctx = contexts.get(name);
            if (ctx == null || !seen.add(name)) continue;
            todo.addAll(ctx.includes());
            for (Step s : ctx.steps()) {
                for (Target t : targets(s)) {
                    if (!t.dynamic()) todo.add(t.context());
                }
            }
        }
        return seen;
    }

    public List<Step> steps() {
        return contexts.values().stream().flatMap(c -> c.steps().stream()).toList();
    }
}
