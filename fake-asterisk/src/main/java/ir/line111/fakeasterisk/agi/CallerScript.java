package ir.line111.fakeasterisk.agi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the simulated caller does, keyed by what the IVR asks. A script is an ordered list of rules;
 * for each command the first rule that matches and still has uses left fires (a rule fires once unless
 * {@link Step#times(int)} or {@link Step#always()} says otherwise). With no rule the caller is silent:
 * prompts play to the end, reads time out, recordings get no audio.
 *
 * <p>Keys the caller presses are typed ahead: keys pressed while a prompt plays interrupt it when
 * they are escape digits, otherwise they wait for the next command that reads keys (GET DATA, WAIT FOR
 * DIGIT, GET OPTION, or a prompt that they can interrupt). A '#' ends GET DATA; keys left over after
 * GET DATA's maximum go to the next read, as on a real line.
 *
 * <pre>{@code
 * CallerScript.builder()
 *     .onPrompt("main-menu").press("1")
 *     .onRecord().say(nationalIdWav)
 *     .onPrompt("confirm-id").press("1")
 *     .onPrompt("goodbye").hangUp()
 *     .build();
 * }</pre>
 */
public final class CallerScript {

    /** What a rule reacts to. */
    public sealed interface Trigger {
        boolean matches(AgiCommand command);

        /** With what the caller last heard: the last prompt played before this command, or "". */
        default boolean matches(AgiCommand command, String lastPrompt) {
            return matches(command);
        }

        /** A prompt file being played: STREAM FILE, GET DATA, GET OPTION, CONTROL STREAM FILE, EXEC Playback/Background.
         *  {@code name} matches the whole file name or its last path segments ("main-menu" matches "line111/main-menu"). */
        record Prompt(String name) implements Trigger {
            public boolean matches(AgiCommand command) {
                return Prompts.played(command).stream().anyMatch(file -> Prompts.nameMatches(file, name));
            }
        }

        /** Any RECORD FILE. */
        record Record() implements Trigger {
            public boolean matches(AgiCommand command) {
                return command.is("RECORD FILE");
            }
        }

        /** A RECORD FILE that follows the given prompt (the last prompt played before it matches the name). */
        record RecordAfter(String prompt) implements Trigger {
            public boolean matches(AgiCommand command) {
                return command.is("RECORD FILE");
            }

            @Override
            public boolean matches(AgiCommand command, String lastPrompt) {
                return command.is("RECORD FILE") && Prompts.nameMatches(lastPrompt, prompt);
            }
        }

        /** A command by its words, e.g. "WAIT FOR DIGIT", "EXEC", "SET VARIABLE". */
        record Command(String verb) implements Trigger {
            public boolean matches(AgiCommand command) {
                return command.is(verb);
            }
        }

        /** The n-th command of the call (1-based). */
        record CommandNumber(int number) implements Trigger {
            public boolean matches(AgiCommand command) {
                return command.number() == number;
            }
        }

        /** Any command that waits for keys: GET DATA, WAIT FOR DIGIT, GET OPTION. */
        record Input() implements Trigger {
            public boolean matches(AgiCommand command) {
                return command.is("GET DATA") || command.is("WAIT FOR DIGIT") || command.is("GET OPTION");
            }
        }

        /** Anything else. */
        record Matching(String description, Predicate<AgiCommand> predicate) implements Trigger {
            public boolean matches(AgiCommand command) {
                return predicate.test(command);
            }
        }
    }

    /** When, relative to the command, the caller hangs up. */
    public enum HangUp {
        /** Not at all. */
        NONE,
        /** Just before the command runs: Asterisk sends HANGUP, then the dead-channel reply. */
        BEFORE,
        /** While the command runs: its failure reply (result=-1…), then HANGUP. */
        DURING,
        /** Right after the command's normal reply: an unsolicited HANGUP. */
        AFTER
    }

    /**
     * The caller's reaction to one command.
     *
     * @param keys        DTMF keys pressed ("" for none)
     * @param at          when, from the start of the prompt or recording, the keys are pressed or the
     *                    caller hangs up; null for the default (1 s into a prompt)
     * @param speech      the WAV the caller says into a RECORD FILE, or null
     * @param speechDelay time before the caller starts speaking (on a Local channel no audio frames
     *                    arrive then, so it is not in the file)
     * @param hangUp      whether and when the caller hangs up at this command
     * @param rawReply    lines sent instead of Asterisk's reply (garbled-Asterisk tests), or empty
     * @param close       close the connection when this command arrives (after {@code partialReply}, if any)
     * @param partialReply bytes written before closing (no newline is added), or null
     * @param reset       with {@code close}: reset the connection (RST) instead of closing it (FIN)
     */
    public record Reaction(String keys, Duration at, Path speech, Duration speechDelay, HangUp hangUp,
                           List<String> rawReply, boolean close, String partialReply, boolean reset) {
        public Reaction {
            keys = keys == null ? "" : keys;
            speechDelay = speechDelay == null ? Duration.ZERO : speechDelay;
            hangUp = hangUp == null ? HangUp.NONE : hangUp;
            rawReply = rawReply == null ? List.of() : List.copyOf(rawReply);
        }

        static Reaction nothing() {
            return new Reaction("", null, null, Duration.ZERO, HangUp.NONE, List.of(), false, null, false);
        }

        boolean onlyHangUp() {
            return keys.isEmpty() && speech == null && rawReply.isEmpty() && !close && hangUp != HangUp.NONE;
        }
    }

    /** A trigger, the reaction, and how many times it may fire (-1: always). */
    public record Rule(Trigger trigger, Reaction reaction, int times) {}

    private final List<Rule> rules;

    private CallerScript(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** A caller who never presses a key nor speaks. */
    public static CallerScript silent() {
        return new CallerScript(List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "CallerScript" + rules;
    }

    /** Builds a script rule by rule: {@code onXxx()} starts a rule, the {@link Step} methods say what the caller does. */
    public static class Builder {
        final List<Step> steps = new ArrayList<>();

        Builder() {}

        /** When the prompt is played (STREAM FILE, GET DATA, GET OPTION, EXEC Playback…). */
        public Step onPrompt(String name) {
            return add(new Trigger.Prompt(Objects.requireNonNull(name)));
        }

        /** When a RECORD FILE comes. */
        public Step onRecord() {
            return add(new Trigger.Record());
        }

        /** When a RECORD FILE comes right after this prompt (e.g. "say-national-id" or "record-message"). */
        public Step onRecordAfter(String prompt) {
            return add(new Trigger.RecordAfter(Objects.requireNonNull(prompt)));
        }

        /** When the command with these words comes ("WAIT FOR DIGIT", "SET VARIABLE", "EXEC"). */
        public Step onCommand(String verb) {
            return add(new Trigger.Command(verb));
        }

        /** When the n-th command of the call (1-based) comes. */
        public Step onCommandNumber(int number) {
            return add(new Trigger.CommandNumber(number));
        }

        /** When any command that reads keys comes (GET DATA, WAIT FOR DIGIT, GET OPTION). */
        public Step onInput() {
            return add(new Trigger.Input());
        }

        /** When a command matches the predicate. */
        public Step on(String description, Predicate<AgiCommand> predicate) {
            return add(new Trigger.Matching(description, predicate));
        }

        /** Hang up right after the reply to the n-th command. */
        public Step hangUpAfterCommands(int n) {
            return onCommandNumber(n).hangUpAfter();
        }

        /** Hang up while this prompt is playing. */
        public Step hangUpWhenPlayed(String prompt) {
            return onPrompt(prompt).hangUp();
        }

        /** Hang up just before the next command with these words runs. */
        public Step hangUpBefore(String verb) {
            return onCommand(verb).hangUpBefore();
        }

        public CallerScript build() {
            List<Rule> rules = new ArrayList<>();
            for (Step s : steps) {
                rules.add(s.toRule());
            }
            return new CallerScript(rules);
        }

        private Step add(Trigger trigger) {
            Step step = new Step(this, trigger);
            steps.add(step);
            return step;
        }
    }

    /** One rule being built. Its methods say what the caller does; the {@code onXxx} methods start the next rule. */
    public static final class Step extends Builder {
        private final Builder owner;
        private final Trigger trigger;
        private String keys = "";
        private Duration at;
        private Path speech;
        private Duration speechDelay = Duration.ZERO;
        private HangUp hangUp = HangUp.NONE;
        private List<String> rawReply = List.of();
        private boolean close;
        private String partialReply;
        private boolean reset;
        private int times = 1;

        private Step(Builder owner, Trigger trigger) {
            this.owner = owner;
            this.trigger = trigger;
        }

        /** Press these keys (0-9, *, #, A-D). With a RECORD FILE, they are pressed after speaking (e.g. "#" to stop). */
        public Step press(String keys) {
            for (char c : keys.toCharArray()) {
                if ("0123456789*#ABCDabcd".indexOf(c) < 0) {
                    throw new IllegalArgumentException("not a DTMF key: '" + c + "' in " + keys);
                }
            }
            this.keys = this.keys + keys.toUpperCase(java.util.Locale.ROOT);
            return this;
        }

        /** When the keys are pressed or the caller hangs up, from the start of the prompt; past its end means after it. */
        public Step at(Duration at) {
            this.at = at;
            return this;
        }

        /** Say this WAV (any PCM WAV; converted to 8 kHz 16-bit mono) into the RECORD FILE, then fall silent. */
        public Step say(Path wav) {
            this.speech = Objects.requireNonNull(wav);
            return this;
        }

        /** Say this WAV after staying quiet for {@code delay} (no audio frames then, as on a Local channel). */
        public Step say(Path wav, Duration delay) {
            this.speech = Objects.requireNonNull(wav);
            this.speechDelay = delay;
            return this;
        }

        /** Do nothing (but use up this rule): the prompt plays, the read times out. */
        public Step silence() {
            return this;
        }

        /** Hang up during the command (after saying/pressing what the rule says). */
        public Step hangUp() {
            this.hangUp = HangUp.DURING;
            return this;
        }

        public Step hangUpBefore() {
            this.hangUp = HangUp.BEFORE;
            return this;
        }

        public Step hangUpAfter() {
            this.hangUp = HangUp.AFTER;
            return this;
        }

        /** Garbled Asterisk: send these lines instead of the real reply (e.g. "999 what"). */
        public Step reply(String... lines) {
            this.rawReply = List.of(lines);
            return this;
        }

        /**
         * The line drops: reset the connection (RST) when the command arrives, without a reply. With
         * {@link #say} on a RECORD FILE, the file still holds what was said (as with {@link #closeConnection()}).
         */
        public Step resetConnection() {
            this.close = true;
            this.reset = true;
            return this;
        }

        /** Garbled Asterisk: close the socket when the command arrives, without a reply (after writing what was said into a RECORD FILE). */
        public Step closeConnection() {
            this.close = true;
            return this;
        }

        /** Garbled Asterisk: write part of a reply (no newline), then close the socket. */
        public Step closeConnection(String partialReply) {
            this.close = true;
            this.partialReply = partialReply;
            return this;
        }

        /** Let this rule fire n times. */
        public Step times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times must be at least 1");
            }
            this.times = n;
            return this;
        }

        /** Let this rule fire every time it matches. */
        public Step always() {
            this.times = -1;
            return this;
        }

        Rule toRule() {
            return new Rule(trigger, new Reaction(keys, at, speech, speechDelay, hangUp, rawReply, close, partialReply, reset), times);
        }

        @Override
        public Step onPrompt(String name) {
            return owner.onPrompt(name);
        }

        @Override
        public Step onRecord() {
            return owner.onRecord();
        }

        @Override
        public Step onRecordAfter(String prompt) {
            return owner.onRecordAfter(prompt);
        }

        @Override
        public Step onCommand(String verb) {
            return owner.onCommand(verb);
        }

        @Override
        public Step onCommandNumber(int number) {
            return owner.onCommandNumber(number);
        }

        @Override
        public Step onInput() {
            return owner.onInput();
        }

        @Override
        public Step on(String description, Predicate<AgiCommand> predicate) {
            return owner.on(description, predicate);
        }

        @Override
        public CallerScript build() {
            return owner.build();
        }
    }
}
