package ir.line111.app.sms;

import ir.line111.app.Backend;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.users.Role;
import ir.line111.core.testing.ExpectedLogs;
import ir.line111.core.testing.TestNationalIds;
import ir.line111.sms.FakeSmsCentre;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The backend with sms.enabled=true against an SMS centre on loopback: told callers, /health, /metrics, the supervisors' list. */
class SmsBackendTest {

    @RegisterExtension
    static final ExpectedLogs logs = ExpectedLogs.of("org.jsmpp", "ir.line111.sms", "ir.line111.recordings.RecordingsService");

    @TempDir static Path dir;
    static FakeSmsCentre centre;
    static Backend backend;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        centre = FakeSmsCentre.started();
        Map<String, String> cfg = new HashMap<>(Map.of(
                "data.dir", dir.resolve("data").toString(),
                "db.url", "jdbc:h2:file:" + dir.resolve("data").resolve("line111"),
                "agi.port", "0",
                "console.port", "0",
                "sms.enabled", "true",
                "sms.port", String.valueOf(centre.port()),
                "sms.system-id", "line111",
                "sms.password", "secret",
                "sms.source-address", "3000111"));
        cfg.putAll(Map.of("sms.max-attempts", "1", "sms.poll-ms", "20", "sms.reconnect-ms", "50"));
        backend = Backend.start(Line111Config.of(cfg).validate(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() throws Exception {
        if (backend != null) backend.close();
        if (centre != null) centre.close();
    }

    static CaseSummary register(String callerNumber) {
        return backend.core().caseRegistry().register(new NewCase(CaseKind.REQUEST, Channel.PHONE_LIVE,
                SubjectPerson.self(TestNationalIds.random(), true), null, "s", "d", DeadlineClass.SIMPLE, callerNumber, null, new Actor("op1")));
    }

    static String get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + backend.consolePort() + path)).GET();
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aCallerIsToldAndAFailureIsVisibleOnHealthMetricsAndTheSupervisorsList() throws Exception {
        CaseSummary told = register("09351112233");
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/health", null).contains("1 delivered"));
        assertThat(get("/health", null)).contains("\"sms\"").contains("bound to 127.0.0.1:" + centre.port());
        assertThat(centre.submits).isNotEmpty().allSatisfy(s -> assertThat(s.destination()).isEqualTo("989351112233"));

        centre.refuseWith = SMPPConstant.STAT_ESME_RSYSERR;
        CaseSummary refused = register("+989351114455");
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/health", null).contains("1 failed"));
        assertThat(get("/metrics", null)).contains("line111_sms_outbox{state=\"FAILED\"} 1.0", "line111_sms_refusals_total 1.0", "line111_sms_bound 1.0");

        backend.core().users().add("sms-sup", "Sup", Set.of(Role.SUPERVISOR), "a-long-password".toCharArray());
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + backend.consolePort() + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"sms-sup\",\"password\":\"a-long-password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = signIn.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        String failed = get("/api/sms", cookie);
        assertThat(failed).contains("\"enabled\":true", refused.trackingCode().digits(), "0935*****55", "0x00000008")
                .doesNotContain(told.trackingCode().digits(), "989351114455");
        assertThat(get("/api/sms?state=DELIVERED", cookie)).contains(told.trackingCode().digits());
    }
}
