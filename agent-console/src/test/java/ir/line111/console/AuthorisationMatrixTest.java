package ir.line111.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.security.Role;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Every endpoint of the contract, with every role and with no session: 401 without a session, 403 for
 * a role the endpoint does not admit, anything else for one it does; every state change refused
 * without the CSRF header.
 */
class AuthorisationMatrixTest {

    static final Set<Role> ANY = EnumSet.allOf(Role.class);
    static final Set<Role> OP = EnumSet.of(Role.OPERATOR), TR = EnumSet.of(Role.TRANSCRIBER), SUP = EnumSet.of(Role.SUPERVISOR),
            ADM = EnumSet.of(Role.ADMIN), DESK = EnumSet.of(Role.OPERATOR, Role.SUPERVISOR),
            READERS = EnumSet.of(Role.OPERATOR, Role.TRANSCRIBER, Role.SUPERVISOR), BENCH = EnumSet.of(Role.TRANSCRIBER, Role.SUPERVISOR),
            REPORTS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN), LIA = EnumSet.of(Role.LIAISON);

    record Endpoint(String method, String template, String path, JsonObject body, Set<Role> roles) {}

    static ConsoleFixture fx;
    static List<Endpoint> endpoints;
    static Map<Role, Browser> browsers = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() {
        fx = ConsoleFixture.h2();
        long liveCase = fx.liveCase().id();
        long vm = fx.voicemail().id();
        long rec = fx.cases.findByTrackingCode(fx.cases.registerVoicemail(new ir.line111.core.domain.cases.VoicemailIntake("m", "1",
                ir.line111.core.domain.cases.SubjectPerson.self(TestNationalIds.random(), false), null, null, fx.clock.instant())).trackingCode())
                .orElseThrow().id();
        long recording = fx.recordings.add(ir.line111.core.domain.recordings.RecordingKind.VOICEMAIL, fx.outside, null);
        JsonObject newCase = new JsonObject().put("kind", "COMPLAINT").put("summary", "s")
                .put("subject", new JsonObject().put("nationalId", TestNationalIds.random().digits()));
        JsonObject user = new JsonObject().put("roles", new JsonArray().add("operator")).put("fullName", "x");
        endpoints = List.of(
                e("GET", "/api/me", "/api/me", null, ANY),
                e("POST", "/api/me/password", "/api/me/password", new JsonObject().put("currentPassword", "x").put("newPassword", "short"), ANY),
                e("GET", "/api/reference", "/api/reference", null, ANY),
                e("GET", "/api/desk/presence", "/api/desk/presence", null, OP),
                e("POST", "/api/desk/presence", "/api/desk/presence", new JsonObject().put("action", "ready"), OP),
                e("GET", "/api/desk/abandoned", "/api/desk/abandoned", null, DESK),
                e("POST", "/api/desk/abandoned/{id}/called-back", "/api/desk/abandoned/999/called-back", null, DESK),
                e("GET", "/api/cases", "/api/cases", null, READERS),
                e("POST", "/api/cases", "/api/cases", newCase, DESK),
                e("POST", "/api/cases/duplicate-check", "/api/cases/duplicate-check", new JsonObject().put("nationalId", TestNationalIds.random().digits()), READERS),
                e("GET", "/api/cases/due", "/api/cases/due", null, DESK),
                e("GET", "/api/cases/{id}", "/api/cases/" + liveCase, null, READERS),
                e("POST", "/api/cases/{id}/messages", "/api/cases/" + liveCase + "/messages", new JsonObject().put("text", "t"), DESK),
                e("POST", "/api/cases/{id}/refer", "/api/cases/" + liveCase + "/refer", new JsonObject().put("agencyId", fx.agencyId), SUP),
                e("POST", "/api/cases/{id}/answer", "/api/cases/" + liveCase + "/answer", new JsonObject().put("text", "a"), SUP),
                e("POST", "/api/cases/{id}/answer-audio", "/api/cases/" + liveCase + "/answer-audio", null, SUP),
                e("POST", "/api/cases/{id}/objection", "/api/cases/" + liveCase + "/objection", new JsonObject(), DESK),
                e("POST", "/api/cases/{id}/board", "/api/cases/" + liveCase + "/board", new JsonObject(), SUP),
                e("POST", "/api/cases/{id}/close", "/api/cases/" + rec + "/close", new JsonObject(), SUP),
                e("GET", "/api/voicemails", "/api/voicemails", null, BENCH),
                e("GET", "/api/voicemails/progress", "/api/voicemails/progress", null, BENCH),
                e("POST", "/api/voicemails/claim", "/api/voicemails/claim", null, TR),
                e("GET", "/api/voicemails/{id}", "/api/voicemails/" + vm, null, BENCH),
                e("POST", "/api/voicemails/{id}/release", "/api/voicemails/" + vm + "/release", null, TR),
                e("POST", "/api/voicemails/{id}/register", "/api/voicemails/" + vm + "/register", new JsonObject(), TR),
                e("POST", "/api/voicemails/{id}/not-a-matter", "/api/voicemails/" + vm + "/not-a-matter", new JsonObject(), TR),
                e("GET", "/api/recordings/{id}", "/api/recordings/" + recording, null, READERS),
                e("GET", "/api/recordings/{id}/audio", "/api/recordings/" + recording + "/audio", null, READERS),
                e("GET", "/api/recordings/{id}/transcript", "/api/recordings/" + recording + "/transcript", null, READERS),
                e("GET", "/api/queue", "/api/queue", null, DESK),
                e("GET", "/api/reports", "/api/reports", null, REPORTS),
                e("GET", "/api/sms", "/api/sms", null, REPORTS),
                e("GET", "/api/reports/{name}", "/api/reports/calls-by-day", null, REPORTS),
                e("GET", "/api/admin/users", "/api/admin/users", null, ADM),
                e("POST", "/api/admin/users", "/api/admin/users", new JsonObject().put("username", "x"), ADM),
                e("PUT", "/api/admin/users/{username}", "/api/admin/users/operator2", user, ADM),
                e("POST", "/api/admin/users/{username}/password", "/api/admin/users/nobody/password", new JsonObject().put("password", "long enough password"), ADM),
                e("GET", "/api/admin/agencies", "/api/admin/agencies", null, ADM),
                e("POST", "/api/admin/agencies", "/api/admin/agencies", new JsonObject(), ADM),
                e("PUT", "/api/admin/agencies/{id}", "/api/admin/agencies/" + fx.otherAgencyId, new JsonObject().put("name", "دانشگاه علوم پزشکی").put("active", true), ADM),
                e("GET", "/api/admin/office-hours", "/api/admin/office-hours", null, ADM),
                e("PUT", "/api/admin/office-hours", "/api/admin/office-hours", new JsonObject(), ADM),
                e("GET", "/api/admin/holidays", "/api/admin/holidays", null, ADM),
                e("POST", "/api/admin/holidays", "/api/admin/holidays", new JsonObject().put("jalaliDate", "1405/01/01").put("name", "نوروز"), ADM),
                e("DELETE", "/api/admin/holidays/{jalaliDate}", "/api/admin/holidays/1405-01-02", null, ADM),
                e("GET", "/api/admin/settings", "/api/admin/settings", null, ADM),
                e("PUT", "/api/admin/settings", "/api/admin/settings", new JsonObject(), ADM),
                e("GET", "/api/admin/audit", "/api/admin/audit", null, EnumSet.of(Role.ADMIN, Role.SUPERVISOR)),
                e("GET", "/api/wrap-up-codes", "/api/wrap-up-codes", null, EnumSet.of(Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN)),
                e("POST", "/api/desk/calls/{callId}/wrap-up", "/api/desk/calls/1763000000.1/wrap-up", new JsonObject().put("code", "INFORMATION"), OP),
                e("GET", "/api/desk/calls/{callId}/wrap-up", "/api/desk/calls/1763000000.1/wrap-up", null, DESK),
                e("GET", "/api/wrap-up-report", "/api/wrap-up-report", null, REPORTS),
                e("GET", "/api/admin/wrap-up-codes", "/api/admin/wrap-up-codes", null, ADM),
                e("POST", "/api/admin/wrap-up-codes", "/api/admin/wrap-up-codes", new JsonObject().put("code", "MATRIX").put("label", "ماتریس"), ADM),
                e("PUT", "/api/admin/wrap-up-codes/{code}", "/api/admin/wrap-up-codes/INFORMATION", new JsonObject().put("active", true), ADM),
                // issue 16: the agency desk (liaison only; a case not referred to the liaison's agency is 404), oversight, the board
                e("GET", "/api/agency/inbox", "/api/agency/inbox", null, LIA),
                e("GET", "/api/agency/cases/{id}", "/api/agency/cases/" + liveCase, null, LIA),
                e("POST", "/api/agency/cases/{id}/attachments", "/api/agency/cases/" + liveCase + "/attachments", null, LIA),
                e("GET", "/api/agency/cases/{id}/attachments/{attachmentId}", "/api/agency/cases/" + liveCase + "/attachments/1", null, LIA),
                e("GET", "/api/agency/cases/{id}/recordings/{recordingId}/audio", "/api/agency/cases/" + liveCase + "/recordings/" + recording + "/audio", null, LIA),
                e("POST", "/api/agency/cases/{id}/answer", "/api/agency/cases/" + liveCase + "/answer", new JsonObject().put("text", "a"), LIA),
                e("POST", "/api/agency/cases/{id}/extension", "/api/agency/cases/" + liveCase + "/extension", new JsonObject().put("deadlineClass", "INSPECTION").put("reason", "r"), LIA),
                e("POST", "/api/agency/cases/{id}/not-ours", "/api/agency/cases/" + liveCase + "/not-ours", new JsonObject().put("reason", "r"), LIA),
                e("POST", "/api/agency/cases/{id}/complied", "/api/agency/cases/" + liveCase + "/complied", new JsonObject(), LIA),
                e("GET", "/api/oversight", "/api/oversight", null, SUP),
                e("GET", "/api/oversight/digest", "/api/oversight/digest", null, SUP),
                e("GET", "/api/oversight/urgent.csv", "/api/oversight/urgent.csv", null, REPORTS),
                e("GET", "/api/oversight/agency-report", "/api/oversight/agency-report", null, REPORTS),
                e("GET", "/api/cases/{id}/flags", "/api/cases/" + liveCase + "/flags", null, DESK),
                e("PUT", "/api/cases/{id}/sharing", "/api/cases/" + liveCase + "/sharing", new JsonObject(), SUP),
                e("POST", "/api/cases/{id}/urgent", "/api/cases/" + liveCase + "/urgent", new JsonObject().put("urgent", false), DESK),
                e("POST", "/api/extensions/{id}/decision", "/api/extensions/999/decision", new JsonObject().put("approve", true), SUP),
                e("GET", "/api/board/sessions", "/api/board/sessions", null, SUP),
                e("GET", "/api/board/sessions/{id}", "/api/board/sessions/999", null, SUP),
                e("GET", "/api/board/sessions/{id}/agenda.html", "/api/board/sessions/999/agenda.html", null, SUP),
                e("POST", "/api/board/sessions/{id}/move", "/api/board/sessions/999/move", new JsonObject(), SUP),
                e("POST", "/api/board/sessions/{id}/cases/{caseId}/attendance", "/api/board/sessions/999/cases/" + liveCase + "/attendance", new JsonObject(), SUP),
                e("POST", "/api/board/sessions/{id}/cases/{caseId}/verdict", "/api/board/sessions/999/cases/" + liveCase + "/verdict", new JsonObject(), SUP),
                e("GET", "/api/board/schedule", "/api/board/schedule", null, REPORTS),
                e("PUT", "/api/board/schedule", "/api/board/schedule", new JsonObject(), ADM),
                // last: it ends the session
                e("DELETE", "/api/session", "/api/session", null, ANY));
        for (Role r : Role.values()) browsers.put(r, fx.signedIn(r.wire()));
    }

    static Endpoint e(String m, String template, String path, JsonObject body, Set<Role> roles) {
        return new Endpoint(m, template, path, body, roles);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void theMatrixCoversEveryApiOperationOfTheContract() throws Exception {
        Set<String> contract = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/openapi.yaml")) {
            Map<String, Object> doc = new Yaml().load(in);
            @SuppressWarnings("unchecked") Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
            paths.forEach((p, ops) -> {
                if (p.startsWith("/api/")) ops.keySet().forEach(m -> contract.add(m.toUpperCase() + " " + p));
            });
        }
        Set<String> tested = new TreeSet<>();
        endpoints.forEach(e -> tested.add(e.method() + " " + e.template()));
        tested.add("POST /api/session"); // sign-in: no session needed, see SessionSecurityTest
        assertThat(tested).isEqualTo(contract);
    }

    @Test
    void withoutASessionEveryEndpointAnswers401() {
        Browser anonymous = fx.browser();
        assertSoftly(s -> {
            for (Endpoint e : endpoints) {
                var r = anonymous.send(e.method(), e.path(), e.body() == null ? null : e.body().encode(), true);
                s.assertThat(r.status()).as(e.method() + " " + e.path()).isEqualTo(401);
                s.assertThat(r.error()).as(e.method() + " " + e.path()).isEqualTo("unauthenticated");
            }
        });
    }

    @Test
    void eachRoleReachesOnlyItsEndpoints() {
        assertSoftly(s -> {
            for (Endpoint e : endpoints) {
                for (Role role : Role.values()) {
                    // a fresh session per call: some calls (sign-out) end it
                    Browser b = e.method().equals("DELETE") && e.path().equals("/api/session") ? fx.signedIn(role.wire()) : browsers.get(role);
                    var r = b.send(e.method(), e.path(), e.body() == null ? null : e.body().encode(), true);
                    String what = role + " " + e.method() + " " + e.path() + " -> " + r.status() + " " + r.body();
                    if (e.roles().contains(role)) {
                        s.assertThat(r.status()).as(what).isNotIn(401, 403, 500);
                    } else {
                        s.assertThat(r.status()).as(what).isEqualTo(403);
                        s.assertThat(r.error()).as(what).isEqualTo("forbidden");
                    }
                }
            }
        });
    }

    @Test
    void everyStateChangeNeedsTheCsrfToken() {
        assertSoftly(s -> {
            for (Endpoint e : endpoints) {
                if (e.method().equals("GET")) continue;
                Role role = e.roles().iterator().next();
                Browser b = fx.signedIn(role.wire());
                var none = b.send(e.method(), e.path(), e.body() == null ? null : e.body().encode(), false);
                s.assertThat(none.status()).as("no token: " + e.method() + " " + e.path()).isEqualTo(403);
                s.assertThat(none.error()).as("no token: " + e.method() + " " + e.path()).isEqualTo("csrf");
                var wrong = b.send(e.method(), e.path(), e.body() == null ? null : e.body().encode(), false,
                        List.of("X-CSRF-Token", b.csrf().substring(1) + "x"));
                s.assertThat(wrong.status()).as("wrong token: " + e.method() + " " + e.path()).isEqualTo(403);
            }
        });
    }

    @Test
    void anotherSessionsTokenDoesNotPass() {
        Browser a = fx.signedIn("supervisor");
        Browser b = fx.signedIn("supervisor");
        a.csrf(b.csrf());
        assertThat(a.post("/api/cases/duplicate-check", new JsonObject().put("nationalId", TestNationalIds.random().digits())).status()).isEqualTo(403);
    }
}
