package ir.line111.asteriskconf.check;

import ir.line111.asteriskconf.conf.ConfFile;
import ir.line111.asteriskconf.conf.ConfParseException;
import ir.line111.asteriskconf.dialplan.Args;
import ir.line111.asteriskconf.dialplan.Dialplan;
import ir.line111.asteriskconf.dialplan.Dialplan.Step;
import ir.line111.asteriskconf.prompts.PromptCatalogue;
import ir.line111.asteriskconf.prompts.WavFormat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks that the Asterisk configuration in asterisk-conf/etc/asterisk agrees with the Java side
 * (DialplanContract, the prompt catalogue, the default configuration) and keeps its own safety
 * rules. Returns every disagreement found, each with the file and line, so one run shows them all.
 */
public final class ConfigurationCheck {

    /** What the Java side expects; the test fills it from DialplanContract. */
    public record Expectations(String agiHost, int agiPort, String entryScript, String afterQueueScript,
                               String inboundContext, String inboundExtension, String queueContext,
                               String afterQueueContext, String fallbackContext, String queueName,
                               Set<String> contractVariables, String nextVariable, Set<String> nextValues,
                               String nextQueueValue, String conversationFileVariable, int amiPort) {}

    public record Finding(String where, String message) {
        @Override public String toString() { return where + ": " + message; }
    }

    /** The contract's channel variables are LINE111_*; the dialplan's own ones are L111_*. */
    static final Pattern CONTRACT_VAR = Pattern.compile("LINE111_[A-Z0-9_]+");
    static final String OWN_VAR_PREFIX = "L111_";
    /** The fallback file name the recordings module's reconciler adopts. */
    static final Pattern FALLBACK_FILE = Pattern.compile(
            ".*/line111-fallback-\\$\\{EPOCH}-\\$\\{[A-Za-z0-9_]+}-\\$\\{UNIQUEID}\\.wav");
    static final Set<String> FORBIDDEN_WRITE = Set.of("originate", "system", "config", "command", "all");
    static final Set<String> FORBIDDEN_READ = Set.of("config", "all");
    /** Values that come from the caller or the trunk. */
    static final Pattern UNTRUSTED = Pattern.compile("\\$\\{(CALLERID\\(|CONNECTEDLINE\\(|PJSIP_HEADER\\(|SIP_HEADER\\(|EXTEN[}:])");
    static final Pattern FILTERED_PREFIX = Pattern.compile("\\$\\{FILTER\\([^,()]*,\\s*$");
    static final Pattern VAR_READ = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)[}:]");
    static final Set<String> PROMPT_APPS = Set.of("playback", "background", "controlplayback");
    /** Modules the dialplan's applications and functions live in. */
    static final Map<String, String> MODULE_OF = Map.ofEntries(
            Map.entry("AGI", "res_agi.so"), Map.entry("Queue", "app_queue.so"), Map.entry("MixMonitor", "app_mixmonitor.so"),
            Map.entry("Record", "app_record.so"), Map.entry("Playback", "app_playback.so"), Map.entry("Log", "app_verbose.so"),
            Map.entry("Verbose", "app_verbose.so"), Map.entry("Gosub", "app_stack.so"), Map.entry("GosubIf", "app_stack.so"),
            Map.entry("FILTER", "func_strings.so"), Map.entry("REGEX", "func_strings.so"), Map.entry("IF", "func_logic.so"),
            Map.entry("CALLERID", "func_callerid.so"), Map.entry("CHANNEL", "func_channel.so"));
    static final List<String> MUST_NOT_LOAD = List.of("app_system.so", "func_shell.so");

    private final Path etc;
    private final Path catalogueFile;
    private final Path promptDir;
    private final Expectations x;
    private final List<Finding> findings = new ArrayList<>();

    private ConfigurationCheck(Path etc, Path catalogueFile, Path promptDir, Expectations x) {
        this.etc = etc;
        this.catalogueFile = catalogueFile;
        this.promptDir = promptDir;
        this.x = x;
    }

    /**
     * @param etc           the folder with extensions.conf, queues.conf, manager.conf, pjsip.conf, ...
     * @param catalogue     prompts/catalogue.tsv
     * @param promptDir     the generated prompts (…/sounds/line111), or null to skip the check that
     *                      every prompt has a file
     */
    public static List<Finding> run(Path etc, Path catalogue, Path promptDir, Expectations x) {
        var check = new ConfigurationCheck(etc, catalogue, promptDir, x);
        check.all();
        return List.copyOf(check.findings);
    }

    private void add(String where, String message) { findings.add(new Finding(where, message)); }

    private Optional<ConfFile> read(String name) {
        Path p = etc.resolve(name);
        if (!Files.exists(p)) { add(name, "missing"); return Optional.empty(); }
        try {
            return Optional.of(ConfFile.read(p));
        } catch (ConfParseException e) {
            add(e.file().getFileName() + ":" + e.line(), "does not parse: " + e.getMessage());
        } catch (IOException e) {
            add(name, "cannot be read: " + e);
        }
        return Optional.empty();
    }

    private void all() {
        Optional<ConfFile> extensions = read("extensions.conf");
        Optional<ConfFile> queues = read("queues.conf");
        Optional<ConfFile> manager = read("manager.conf");
        Optional<ConfFile> pjsip = read("pjsip.conf");
        Optional<ConfFile> moh = read("musiconhold.conf");
        Optional<ConfFile> modules = read("modules.conf");
        Optional<PromptCatalogue> catalogue = readCatalogue();

        Optional<Dialplan> dialplan = Optional.empty();
        if (extensions.isPresent()) {
            try {
                dialplan = Optional.of(Dialplan.of(extensions.get()));
            } catch (ConfParseException e) {
                add(e.file().getFileName() + ":" + e.line(), "dialplan does not parse: " + e.getMessage());
            }
        }
        Set<String> channelVars = manager.map(this::checkManager).orElse(Set.of());
        Set<String> endpointContexts = pjsip.map(this::endpointContexts).orElse(Set.of());
        if (dialplan.isPresent()) {
            Dialplan d = dialplan.get();
            checkContexts(d, endpointContexts);
            checkAgi(d);
            checkQueueLeg(d, queues);
            checkFallback(d);
            checkUntrusted(d);
            checkVariables(d, extensions.get(), channelVars);
            catalogue.ifPresent(c -> checkDialplanPrompts(d, c));
            modules.ifPresent(m -> checkModules(m, d));
        }
        queues.ifPresent(q -> checkQueues(q, moh));
        catalogue.ifPresent(this::checkPromptFiles);
        for (var f : List.of(extensions, queues, manager, pjsip, moh, modules)) f.ifPresent(this::checkNoSecrets);
    }

    // ---- contexts and jumps ------------------------------------------------------------------

    private void checkContexts(Dialplan d, Set<String> endpointContexts) {
        for (String c : List.of(x.inboundContext(), x.queueContext(), x.afterQueueContext(), x.fallbackContext())) {
            if (!d.contexts().containsKey(c)) add("extensions.conf", "context [" + c + "] of DialplanContract does not exist");
        }
        var inbound = d.contexts().get(x.inboundContext());
        if (inbound != null && (!inbound.extensions().containsKey(x.inboundExtension())
                || inbound.extensions().get(x.inboundExtension()).priority(1).isEmpty())) {
            add(inbound.file().getFileName() + ":" + inbound.line(),
                    "[" + x.inboundContext() + "] has no extension " + x.inboundExtension() + " starting at priority 1");
        }
        for (var ctx : d.contexts().values()) {
            for (var ext : ctx.extensions().values()) {
                if (ext.priority(1).isEmpty()) {
                    add(ext.steps().getFirst().where(), "extension " + ext.name() + " has no priority 1: Asterisk never enters it");
                }
            }
        }
        for (Step s : d.steps()) {
            for (var t : Dialplan.targets(s)) d.problem(t).ifPresent(p -> add(s.where(), p));
        }
        for (var ctx : d.contexts().values()) {
            for (String inc : ctx.includes()) {
                if (!d.contexts().containsKey(inc)) add(ctx.file().getFileName() + ":" + ctx.line(), "[" + ctx.name() + "] includes [" + inc + "] which does not exist");
            }
        }
        for (String c : endpointContexts) {
            if (!d.contexts().containsKey(c)) add("pjsip.conf", "an endpoint sends calls to context [" + c + "] which extensions.conf does not have");
        }
        Set<String> fromInbound = d.reachableFrom(Set.of(x.inboundContext()));
        for (String c : List.of(x.queueContext(), x.afterQueueContext(), x.fallbackContext())) {
            if (d.contexts().containsKey(c) && !fromInbound.contains(c)) {
                add("extensions.conf", "context [" + c + "] cannot be reached from [" + x.inboundContext() + "]");
            }
        }
        var entries = new LinkedHashSet<String>(endpointContexts);
        entries.add(x.inboundContext());
        Set<String> reachable = d.reachableFrom(entries);
        for (var ctx : d.contexts().values()) {
            if (!reachable.contains(ctx.name())) {
                add(ctx.file().getFileName() + ":" + ctx.line(), "context [" + ctx.name() + "] is reached from nowhere (not from ["
                        + x.inboundContext() + "] nor from an endpoint's context)");
            }
        }
    }

    // ---- AGI ---------------------------------------------------------------------------------

    private void checkAgi(Dialplan d) {
        var used = new TreeSet<String>();
        for (Step s : d.steps()) {
            if (!s.app().equalsIgnoreCase("AGI")) continue;
            String url = s.argList().getFirst().strip();
            if (!url.startsWith("agi://")) {
                add(s.where(), "AGI(" + url + ") is not a FastAGI agi:// URL");
                continue;
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                add(s.where(), "AGI URL does not parse: " + url);
                continue;
            }
            if (!x.agiHost().equals(uri.getHost())) add(s.where(), "AGI host " + uri.getHost() + " but DialplanContract says " + x.agiHost());
            if (uri.getPort() != x.agiPort()) add(s.where(), "AGI port " + (uri.getPort() < 0 ? "(none)" : uri.getPort()) + " but DialplanContract says " + x.agiPort());
            String script = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            if (!script.equals(x.entryScript()) && !script.equals(x.afterQueueScript())) {
                add(s.where(), "AGI script '" + script + "' is not a DialplanContract script (" + x.entryScript() + ", " + x.afterQueueScript() + ")");
            }
            if (script.equals(x.entryScript()) && !s.context().equals(x.inboundContext())) {
                add(s.where(), "the entry script " + script + " runs outside [" + x.inboundContext() + "]");
            }
            if (script.equals(x.afterQueueScript()) && !s.context().equals(x.afterQueueContext())) {
                add(s.where(), "the after-queue script " + script + " runs outside [" + x.afterQueueContext() + "]");
            }
            used.add(script);
        }
        for (String script : List.of(x.entryScript(), x.afterQueueScript())) {
            if (!used.contains(script)) add("extensions.conf", "no AGI(agi://" + x.agiHost() + ":" + x.agiPort() + "/" + script + ")");
        }
    }

    // ---- the queue leg -----------------------------------------------------------------------

    private void checkQueueLeg(Dialplan d, Optional<ConfFile> queues) {
        var inbound = d.contexts().get(x.inboundContext());
        if (inbound != null) {
            for (String value : new TreeSet<>(x.nextValues())) {
                var decisions = inbound.steps().stream().filter(s -> s.app().equalsIgnoreCase("GotoIf")
                        && s.args().contains("${" + x.nextVariable() + "}") && s.args().contains("\"" + value + "\"")).toList();
                if (decisions.isEmpty()) {
                    add("extensions.conf", "[" + x.inboundContext() + "] does not handle ${" + x.nextVariable() + "} = \"" + value
                            + "\" (DialplanContract)");
                }
                if (value.equals(x.nextQueueValue()) && !decisions.isEmpty() && decisions.stream().noneMatch(s ->
                        Dialplan.targets(s).stream().anyMatch(t -> t.context().equals(x.queueContext())))) {
                    add(decisions.getFirst().where(), "${" + x.nextVariable() + "} = \"" + value + "\" does not go to [" + x.queueContext() + "]");
                }
            }
        }
        var queueCtx = d.contexts().get(x.queueContext());
        if (queueCtx == null) return;
        List<Step> steps = queueCtx.steps();
        int mix = indexOf(steps, s -> s.app().equalsIgnoreCase("MixMonitor")
                && s.argList().getFirst().contains("${" + x.conversationFileVariable() + "}"));
        int queue = indexOf(steps, s -> s.app().equalsIgnoreCase("Queue"));
        if (mix < 0) add("extensions.conf", "[" + x.queueContext() + "] does not MixMonitor into ${" + x.conversationFileVariable() + "}");
        if (queue < 0) add("extensions.conf", "[" + x.queueContext() + "] has no Queue()");
        if (mix >= 0 && queue >= 0 && mix > queue) add(steps.get(mix).where(), "MixMonitor starts after Queue(): the conversation would not be recorded");
        if (!d.reachableFrom(Set.of(x.queueContext())).contains(x.afterQueueContext())) {
            add("extensions.conf", "[" + x.queueContext() + "] does not go on to [" + x.afterQueueContext() + "] after Queue()");
        }
        for (Step s : d.steps()) {
            if (!s.app().equalsIgnoreCase("Queue")) continue;
            String name = s.argList().getFirst().strip();
            if (!name.equals(x.queueName())) add(s.where(), "Queue(" + name + ") but DialplanContract's queue is " + x.queueName());
            if (queues.isPresent() && queues.get().section(name).filter(q -> !q.template()).isEmpty()) {
                add(s.where(), "Queue(" + name + ") but queues.conf has no [" + name + "]");
            }
        }
    }

    private static int indexOf(List<Step> steps, java.util.function.Predicate<Step> p) {
        for (int i = 0; i < steps.size(); i++) if (p.test(steps.get(i))) return i;
        return -1;
    }

    // ---- the fallback ------------------------------------------------------------------------

    private void checkFallback(Dialplan d) {
        var fb = d.contexts().get(x.fallbackContext());
        if (fb == null) return;
        var records = fb.steps().stream().filter(s -> s.app().equalsIgnoreCase("Record")).toList();
        if (records.isEmpty()) {
            add(fb.file().getFileName() + ":" + fb.line(), "[" + x.fallbackContext() + "] records no message (no Record())");
        }
        for (Step r : records) {
            String file = resolveOwnVars(d, fb, r.argList().getFirst().strip());
            if (!FALLBACK_FILE.matcher(file).matches()) {
                add(r.where(), "fallback file " + file + " does not follow line111-fallback-${EPOCH}-<callerDigits>-${UNIQUEID}.wav");
            }
            List<String> a = r.argList();
            if (a.size() < 4 || !a.get(3).contains("k")) add(r.where(), "Record() without option k loses the message when the caller hangs up");
        }
        if (fb.steps().stream().noneMatch(s -> PROMPT_APPS.contains(s.app().toLowerCase(Locale.ROOT)))) {
            add(fb.file().getFileName() + ":" + fb.line(), "[" + x.fallbackContext() + "] plays no apology before recording");
        }
    }

    /** Replaces ${L111_X} set earlier in the context by Set(L111_X=...) with its value, once. */
    private static String resolveOwnVars(Dialplan d, Dialplan.Context ctx, String text) {
        Matcher m = Pattern.compile("^\\$\\{(" + OWN_VAR_PREFIX + "[A-Z0-9_]+)}$").matcher(text);
        if (!m.matches()) return text;
        for (Step s : ctx.steps()) {
            if (s.app().equalsIgnoreCase("Set") && s.args().startsWith(m.group(1) + "=")) {
                return s.args().substring(m.group(1).length() + 1);
            }
        }
        return text;
    }

    // ---- untrusted input ---------------------------------------------------------------------

    private void checkUntrusted(Dialplan d) {
        for (Step s : d.steps()) {
            Matcher m = UNTRUSTED.matcher(s.args());
            while (m.find()) {
                if (!FILTERED_PREFIX.matcher(s.args().substring(0, m.start())).find()) {
                    add(s.where(), s.app() + "() uses " + reference(s.args(), m.start()) + " from the caller without FILTER()");
                }
            }
        }
    }

    /** The whole ${...} starting at {@code start}. */
    private static String reference(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '(') depth++;
            else if ((c == '}' || c == ')') && --depth == 0 && c == '}') return text.substring(start, i + 1);
        }
        return text.substring(start);
    }

    // ---- channel variables -------------------------------------------------------------------

    private void checkVariables(Dialplan d, ConfFile extensions, Set<String> channelVars) {
        var globals = extensions.section("globals").map(g -> g.entries().stream().map(ConfFile.Entry::key).collect(Collectors.toSet()))
                .orElse(Set.of());
        var set = new TreeSet<String>();
        var readVars = new TreeSet<String>();
        for (Step s : d.steps()) {
            if (s.app().equalsIgnoreCase("Set")) {
                String name = s.args().split("=", 2)[0].strip().replaceFirst("^_+", "");
                set.add(name);
            }
            Matcher m = VAR_READ.matcher(s.args());
            while (m.find()) readVars.add(m.group(1));
        }
        var all = new TreeSet<String>(set);
        all.addAll(readVars);
        for (String v : all) {
            if (CONTRACT_VAR.matcher(v).matches() && !x.contractVariables().contains(v)) {
                add("extensions.conf", "channel variable " + v + " is not in DialplanContract");
            }
        }
        for (String v : readVars) {
            if (v.startsWith(OWN_VAR_PREFIX) && !set.contains(v) && !globals.contains(v)) {
                add("extensions.conf", "${" + v + "} is read but never set (not in [globals], no Set())");
            }
        }
        for (String v : channelVars) {
            if (!x.contractVariables().contains(v)) add("manager.conf", "channelvars exports " + v + " which is not in DialplanContract");
        }
        for (String v : x.contractVariables()) {
            if (!all.contains(v) && !channelVars.contains(v)) {
                add("extensions.conf", "DialplanContract variable " + v + " is neither used by the dialplan nor exported to AMI (manager.conf channelvars)");
            }
        }
    }

    // ---- prompts -----------------------------------------------------------------------------

    private Optional<PromptCatalogue> readCatalogue() {
        try {
            var c = PromptCatalogue.read(catalogueFile);
            c.problems().forEach(p -> add("catalogue", p));
            return Optional.of(c);
        } catch (IOException e) {
            add(String.valueOf(catalogueFile), "prompt catalogue cannot be read: " + e);
            return Optional.empty();
        }
    }

    private void checkDialplanPrompts(Dialplan d, PromptCatalogue catalogue) {
        for (Step s : d.steps()) {
            if (!PROMPT_APPS.contains(s.app().toLowerCase(Locale.ROOT))) continue;
            for (String sound : s.argList().getFirst().split("&")) {
                String snd = sound.strip();
                if (!snd.startsWith("line111/")) {
                    add(s.where(), s.app() + "(" + snd + ") is not a line111/<key> prompt: the Persian set has no such file");
                    continue;
                }
                String key = snd.substring("line111/".length());
                if (!catalogue.prompts().containsKey(key)) {
                    add(s.where(), s.app() + "(" + snd + "): key '" + key + "' is not in prompts/catalogue.tsv");
                } else if (promptDir != null && !Files.isRegularFile(promptDir.resolve(key + ".wav"))) {
                    add(s.where(), s.app() + "(" + snd + "): no file " + promptDir.resolve(key + ".wav"));
                }
            }
        }
    }

    private void checkPromptFiles(PromptCatalogue catalogue) {
        if (promptDir == null) return;
        for (var p : new TreeSet<>(catalogue.prompts().keySet())) {
            Path f = promptDir.resolve(p + ".wav");
            if (!Files.isRegularFile(f)) {
                add("catalogue:" + catalogue.prompts().get(p).line(), "prompt '" + p + "' has no file " + f);
                continue;
            }
            try {
                var fmt = WavFormat.read(f);
                if (!fmt.isTelephonePcm() || fmt.dataBytes() == 0) add(f.toString(), "not 8 kHz mono 16-bit PCM with audio: " + fmt);
            } catch (IOException e) {
                add(f.toString(), e.getMessage());
            }
        }
    }

    // ---- queues.conf, musiconhold.conf -------------------------------------------------------

    private void checkQueues(ConfFile queues, Optional<ConfFile> moh) {
        var q = queues.section(x.queueName()).filter(s -> !s.template());
        if (q.isEmpty()) { add("queues.conf", "no [" + x.queueName() + "] (DialplanContract.QUEUE_NAME)"); return; }
        var s = q.get();
        Map<String, String> off = Map.of("announce-frequency", "0", "periodic-announce-frequency", "0",
                "announce-position", "no", "announce-holdtime", "no");
        off.forEach((k, v) -> {
            String got = queues.effectiveValue(s, k).orElse("(default)");
            if (!got.equalsIgnoreCase(v)) add(s.where(), k + " = " + got + ": Asterisk's English announcements must be off (" + v + "); the IVR speaks Persian");
        });
        if (!queues.effectiveValue(s, "queue-thankyou").map(String::isEmpty).orElse(false)) {
            add(s.where(), "queue-thankyou must be empty: Asterisk would say 'thank you for your patience' in English");
        }
        for (String k : List.of("strategy", "timeout", "wrapuptime", "joinempty", "leavewhenempty")) {
            if (queues.effectiveValue(s, k).isEmpty()) add(s.where(), k + " is not set; line111 does not rely on Asterisk's default");
        }
        queues.effectiveValue(s, "musicclass").ifPresent(cls -> {
            if (moh.isPresent() && moh.get().section(cls).isEmpty()) add(s.where(), "musicclass " + cls + " is not in musiconhold.conf");
        });
    }

    // ---- manager.conf ------------------------------------------------------------------------

    /** Checks manager.conf and returns its channelvars. */
    private Set<String> checkManager(ConfFile manager) {
        var general = manager.section("general");
        if (general.isEmpty()) { add("manager.conf", "no [general]"); return Set.of(); }
        var g = general.get();
        if (!g.first("bindaddr").orElse("0.0.0.0").equals("127.0.0.1")) add(g.where(), "bindaddr must be 127.0.0.1 (it is " + g.first("bindaddr").orElse("unset: all interfaces") + ")");
        if (!g.first("port").orElse("5038").equals(String.valueOf(x.amiPort()))) add(g.where(), "port " + g.first("port").orElse("5038") + " but the backend connects to " + x.amiPort());
        if (g.first("webenabled").map(v -> !v.equalsIgnoreCase("no")).orElse(false)) add(g.where(), "webenabled must be no: AMI over HTTP is another way in");
        var users = manager.sections().stream().filter(s -> !s.name().equals("general")).toList();
        if (users.isEmpty()) add("manager.conf", "no user for the backend");
        for (var u : users) {
            for (String dir : List.of("write", "read")) {
                Set<String> forbidden = dir.equals("write") ? FORBIDDEN_WRITE : FORBIDDEN_READ;
                for (var e : u.all(dir)) {
                    for (String cls : e.value().split(",")) {
                        if (forbidden.contains(cls.strip().toLowerCase(Locale.ROOT))) {
                            add(e.where(), "user " + u.name() + " may " + dir + " '" + cls.strip() + "': the backend must not have originate, system, config, command or all");
                        }
                    }
                }
            }
            if (u.all("deny").stream().noneMatch(e -> e.value().replace(" ", "").equals("0.0.0.0/0.0.0.0"))) {
                add(u.where(), "user " + u.name() + " has no deny = 0.0.0.0/0.0.0.0 before its permit list");
            }
            var permits = u.all("permit");
            if (permits.isEmpty()) add(u.where(), "user " + u.name() + " has no permit list");
            for (var p : permits) {
                String v = p.value().replace(" ", "");
                if (!v.equals("127.0.0.1/255.255.255.255") && !v.equals("127.0.0.1/32") && !v.equals("127.0.0.1")) {
                    add(p.where(), "user " + u.name() + " is permitted from " + p.value() + "; only 127.0.0.1");
                }
            }
            if (u.entries().stream().noneMatch(e -> e.key().toLowerCase(Locale.ROOT).startsWith("eventfilter"))) {
                add(u.where(), "user " + u.name() + " has no eventfilter: it would receive every event");
            }
        }
        return g.first("channelvars").map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new))).map(s -> (Set<String>) s).orElse(Set.of());
    }

    // ---- pjsip.conf, modules.conf, secrets ---------------------------------------------------

    private Set<String> endpointContexts(ConfFile pjsip) {
        var out = new TreeSet<String>();
        // Templates count: the endpoints made from them may live in an included file on the PBX.
        for (var s : pjsip.sections()) {
            if (!pjsip.effectiveValue(s, "type").map("endpoint"::equals).orElse(false)) continue;
            pjsip.effectiveValue(s, "context").ifPresent(out::add);
        }
        return out;
    }

    private void checkModules(ConfFile modules, Dialplan d) {
        var section = modules.section("modules");
        if (section.isEmpty()) { add("modules.conf", "no [modules]"); return; }
        var noload = section.get().all("noload").stream().map(ConfFile.Entry::value).collect(Collectors.toSet());
        for (String m : MUST_NOT_LOAD) {
            if (!noload.contains(m)) add(section.get().where(), m + " must be noload: it runs shell commands from the dialplan");
        }
        for (Step s : d.steps()) {
            var names = new LinkedHashSet<String>();
            names.add(s.app());
            Matcher fm = Pattern.compile("\\$\\{([A-Z_]+)\\(").matcher(s.args());
            while (fm.find()) names.add(fm.group(1));
            for (String n : names) {
                String mod = MODULE_OF.get(n);
                if (mod != null && noload.contains(mod)) add(s.where(), n + " needs " + mod + " which modules.conf does not load");
            }
        }
    }

    private void checkNoSecrets(ConfFile conf) {
        for (var s : conf.sections()) {
            for (var e : s.entries()) {
                String k = e.key().toLowerCase(Locale.ROOT);
                if ((k.equals("secret") || k.equals("password") || k.equals("md5_cred")) && !e.value().matches("<[A-Z0-9_]+>")) {
                    add(e.where(), k + " has a value in git; secrets live only on the PBX (a <PLACEHOLDER> or an included file)");
                }
            }
        }
    }
}
