package ir.line111.fakeasterisk.cli;

import ir.line111.fakeasterisk.agi.CallEnd;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.FakeAsterisk;
import ir.line111.fakeasterisk.agi.FakeCall;
import ir.line111.fakeasterisk.agi.YamlScript;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code call --script offline-message.yaml [--host 127.0.0.1] [--port 4573] [--script-name line111]}:
 * places one simulated call against a running FastAGI server and prints what was said on the line.
 */
public final class CallCommand {
    private CallCommand() {}

    static final String USAGE = """
            usage: call --script FILE.yaml [options]
              --script FILE         caller script (YAML); looked up as given, then in fake-asterisk/scripts/
              --host HOST           FastAGI server address (default 127.0.0.1)
              --port PORT           FastAGI server port (default 4573)
              --script-name NAME    FastAGI script to request (default: the YAML's call.script, else line111)
              --caller-id NUMBER    the caller's number (default: the YAML's call.callerId)
              --recordings-under D  write RECORD FILE audio under folder D instead of the paths the server names
              --sounds DIR          prompt files (NAME.wav) for realistic endpos; a prompt missing there fails
              --timeout SECONDS     give up when the server sends nothing for this long (default 30)
              --time-scale X        commands take their real-line time times X (1 = real time; default: the YAML's call.timeScale, else 0 = at once)
              --live                print each command and reply as it happens
            Speech files named in the script are found next to it or in the shared folder
            ($LINE111_SHARED, else ../shared beside the working directory).
            """;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command; returns the exit status (0 call completed, 1 call failed, 2 bad arguments). */
    public static int run(String[] args) {
        return run(args, System.out, System.err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        String script = null;
        String host = "127.0.0.1";
        int port = 4573;
        String scriptName = null;
        String callerId = null;
        Path recordingsUnder = null;
        Path sounds = null;
        int timeout = 30;
        Double timeScale = null;
        boolean live = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    case "--script" -> script = value(args, ++i, a);
                    case "--host" -> host = value(args, ++i, a);
                    case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                    case "--script-name" -> scriptName = value(args, ++i, a);
                    case "--caller-id" -> callerId = value(args, ++i, a);
                    case "--recordings-under" -> recordingsUnder = Path.of(value(args, ++i, a));
                    case "--sounds" -> sounds = Path.of(value(args, ++i, a));
                    case "--timeout" -> timeout = Integer.parseInt(value(args, ++i, a));
                    case "--time-scale" -> timeScale = Double.parseDouble(value(args, ++i, a));
                    case "--live" -> live = true;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (script == null) {
                throw new IllegalArgumentException("--script is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("call: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        Path shared = sharedFolder(env);
        YamlScript yaml;
        try {
            Path file = findScript(script);
            yaml = YamlScript.load(file, shared);
        } catch (IOException | IllegalArgumentException e) {
            err.println("call: " + e.getMessage());
            return 2;
        }
        FakeCall call = yaml.applyTo(FakeAsterisk.call(host, port, scriptName != null ? scriptName : yaml.scriptName("line111")))
                .readTimeout(Duration.ofSeconds(timeout));
        if (callerId != null) {
            call.callerId(callerId);
        }
        if (recordingsUnder != null) {
            call.redirectRecordings(recordingsUnder);
        }
        if (sounds != null) {
            call.soundsDir(sounds);
        }
        if (timeScale != null) {
            call.timeScale(timeScale);
        }
        if (live) {
            call.listener(e -> {
                out.printf("%3d < %s%n", e.command().number(), e.command().line());
                e.sent().forEach(l -> out.println("    > " + l));
                out.flush();
            });
        }
        if (!yaml.description().isBlank()) {
            out.println("# " + yaml.description().strip());
        }
        CallTranscript t = call.run();
        out.print(t.format());
        if (t.end() instanceof CallEnd.ConnectionFailed f) {
            err.println("call: could not reach the FastAGI server at " + host + ":" + port + " (" + f.reason()
                    + "). Is the backend running (./line111 run)?");
            return 1;
        }
        return t.end() instanceof CallEnd.ConnectionLost ? 1 : 0;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static Path findScript(String name) throws IOException {
        List<Path> tried = new ArrayList<>();
        for (Path c : List.of(Path.of(name), Path.of("fake-asterisk", "scripts", name),
                Path.of("fake-asterisk", "scripts", name + ".yaml"))) {
            if (Files.isRegularFile(c)) {
                return c;
            }
            tried.add(c.toAbsolutePath());
        }
        throw new IOException("no script " + name + " (tried " + tried + ")");
    }

    /** The shared folder: $LINE111_SHARED, else ../shared beside the working directory, else none. */
    static Path sharedFolder(Map<String, String> env) {
        String configured = env.get("LINE111_SHARED");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path beside = Path.of("").toAbsolutePath().resolveSibling("shared");
        return Files.isDirectory(beside) ? beside : null;
    }
}
