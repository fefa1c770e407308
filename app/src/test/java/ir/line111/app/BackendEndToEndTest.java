package ir.line111.app;

import ir.line111.core.testing.ExpectedLogs;
import org.junit.jupiter.api.extension.RegisterExtension;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.users.Role;
import ir.line111.fakeasterisk.agi.CallTranscript;
import ir.line111.fakeasterisk.agi.FakeAsterisk;
import ir.line111.fakeasterisk.agi.YamlScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole backend as `line111 serve` runs it, on ephemeral ports and a private H2 file: a simulated
 * caller leaves a message over real FastAGI, and a supervisor finds the case over the real console API.
 */
class BackendEndToEndTest {

    /** What these tests provoke on purpose is kept off the console and asserted where it matters. */
    @RegisterExtension
    static final ExpectedLogs logs = ExpectedLogs.of("ir.line111.recordings.RecordingsService");

    @TempDir static Path dataDir;
    static Backend backend;
    static String firstStartOutput;

    @BeforeAll
    static void start() {
        Line111Config config = Line111Config.of(Map.of(
                "data.dir", data().toString(),
                "db.url", "jdbc:h2:file:" + data().resolve("line111"),
                "agi.port", "0",
                "console.port", "0"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        backend = Backend.start(config, new PrintStream(out, true, StandardCharsets.UTF_8));
        firstStartOutput = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (backend != null) backend.close();
    }

    /** Made by the backend itself (the temporary folder around it is already 0700). */
    static Path data() {
        return dataDir.resolve("data");
    }

    static Path shared() {
        return Path.of(System.getProperty("line111.repo.root", "..")).resolve("../shared").normalize();
    }

    @Test
    void firstStartCreatesAnAdminAndKeepsItsPasswordOutOfRedirectedOutput() throws Exception {
        // The test's output is no terminal: the password goes to a file only this user can read.
        Path file = data().resolve("first-admin-password.txt").toAbsolutePath().normalize();
        assertThat(firstStartOutput).contains("created user 'admin'").contains(file.toString());
        String password = Files.readAllLines(file).stream().filter(l -> l.startsWith("password: ")).findFirst().orElseThrow()
                .substring("password: ".length());
        assertThat(password).hasSizeGreaterThan(10);
        assertThat(firstStartOutput).doesNotContain(password);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(backend.core().users().verify("admin", password.toCharArray())).isPresent();
        assertThat(backend.core().users().list()).extracting(u -> u.username()).contains("admin");
    }

    @Test
    void theDataFolderTheDatabaseAndTheRecordingsAreTheOwnersOnly() throws Exception {
        assertThat(mode(data())).isEqualTo("rwx------");
        assertThat(mode(data().resolve("line111.mv.db"))).isEqualTo("rw-------");
        assertThat(mode(data().resolve("line111.trace.db"))).as("made before H2 writes SQL errors into it").isEqualTo("rw-------");
        assertThat(mode(data().resolve("recordings"))).isEqualTo("rwx------");
        assertThat(mode(data().resolve("spool"))).isEqualTo("rwx------");
        assertThat(mode(data().resolve("tracking-code.key"))).isEqualTo("rw-------");
    }

    static String mode(Path p) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theEdgesCountWhatTheyShedOnMetrics() throws Exception {
        HttpResponse<String> m = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + backend.consolePort() + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.body()).contains("line111_agi_connections_stalled_total", "line111_agi_calls_refused_total",
                "line111_ami_events_dropped_total", "line111_ami_messages_malformed_total");
    }

    @Test
    void aMessageLeftByPhoneGetsACodeThatTheConsoleFinds() throws Exception {
        assumeTrue(Files.isDirectory(shared().resolve("speech")), "shared/speech is not beside the checkout");
        Path script = Path.of(System.getProperty("line111.repo.root", "..")).resolve("fake-asterisk/scripts/offline-message.yaml");
        CallTranscript call = YamlScript.load(script, shared())
                .applyTo(FakeAsterisk.call("127.0.0.1", backend.agiPort(), "line111"))
                .run();

        List<String> prompts = call.promptNames();
        assertThat(prompts).contains("message-registered", "your-code-is");
        // The code is read as nine digit prompts right after "your-code-is".
        int at = prompts.indexOf("your-code-is");
        String code = prompts.subList(at + 1, at + 10).stream()
                .map(p -> p.replace("digit-", "")).collect(Collectors.joining());
        assertThat(code).matches("\\d{9}");
        assertThat(call.recordings()).hasSize(2);

        backend.core().users().add("sara", "Sara", Set.of(Role.SUPERVISOR), "a-long-password".toCharArray());
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + backend.consolePort();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"sara\",\"password\":\"a-long-password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        String cookie = signIn.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];

        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cases?trackingCode=" + code))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(code).contains("AWAITING_TRANSCRIPTION").contains("PHONE_MESSAGE");

        HttpResponse<String> noSession = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cases?trackingCode=" + code))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noSession.statusCode()).isEqualTo(401);
    }
}
