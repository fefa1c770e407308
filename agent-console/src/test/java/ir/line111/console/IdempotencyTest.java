package ir.line111.console;

import io.vertx.core.json.JsonObject;
import ir.line111.console.store.Jdbc;
import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.testing.TestNationalIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Double clicks and retries: one Idempotency-Key, one change, the first answer again. */
class IdempotencyTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() { fx = ConsoleFixture.h2(); }

    @AfterAll
    static void stop() { fx.close(); }

    static Browser.Response post(Browser b, String path, JsonObject body, String key) {
        return b.send("POST", path, body.encode(), true, List.of("Idempotency-Key", key));
    }

    static JsonObject newCase(NationalId id, String summary) {
        return new JsonObject().put("kind", "COMPLAINT").put("agencyId", fx.agencyId).put("summary", summary)
                .put("callerNumber", "09123456789")
                .put("subject", new JsonObject().put("nationalId", id.digits()).put("idVerified", true).put("relation", "SELF"));
    }

    static long casesOf(NationalId id) {
        return new Jdbc(fx.db.dataSource()).count("select count(*) from case_record where subject_national_id = ?", id.digits());
    }

    @Test
    void aRepeatedRegistrationWithTheSameKeyCreatesOneCaseAndGetsTheFirstAnswer() {
        Browser op = fx.signedIn("operator");
        NationalId id = TestNationalIds.random();
        JsonObject body = newCase(id, "قطعی برق");
        String key = UUID.randomUUID().toString();
        var first = post(op, "/api/cases", body, key);
        var again = post(op, "/api/cases", body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(casesOf(id)).isEqualTo(1);
        assertThat(new Jdbc(fx.db.dataSource()).count("select count(*) from console_idempotency_key where username = 'operator' and idem_key = ?", key))
                .as("kept durably in the database").isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        Browser op = fx.signedIn("operator");
        NationalId id = TestNationalIds.random();
        String key = UUID.randomUUID().toString();
        assertThat(post(op, "/api/cases", newCase(id, "یک"), key).status()).isEqualTo(201);
        var other = post(op, "/api/cases", newCase(id, "دو"), key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.error()).isEqualTo("idempotency_key_reused");
        assertThat(other.json().getString("message")).matches(".*[آ-ی].*");
        assertThat(casesOf(id)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesWithOneKeyCreateOneCase() throws Exception {
        Browser op = fx.signedIn("operator");
        NationalId id = TestNationalIds.random();
        JsonObject body = newCase(id, "هم‌زمان");
        String key = UUID.randomUUID().toString();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Browser.Response>> all = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                all.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return post(op, "/api/cases", body, key);
                }, pool));
            }
            go.countDown();
            List<Browser.Response> answers = all.stream().map(CompletableFuture::join).toList();
            assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
            assertThat(answers.stream().map(r -> r.json().getLong("id")).distinct()).hasSize(1);
        }
        assertThat(casesOf(id)).isEqualTo(1);
    }

    @Test
    void aKeyIsForgottenAfter24Hours() {
        Browser op = fx.signedIn("operator");
        NationalId id = TestNationalIds.random();
        JsonObject body = newCase(id, "یک روز بعد");
        String key = UUID.randomUUID().toString();
        long first = post(op, "/api/cases", body, key).json().getLong("id");
        fx.clock.advance(Duration.ofHours(23));
        try {
            op = fx.signedIn("operator");
            assertThat(post(op, "/api/cases", body, key).json().getLong("id")).isEqualTo(first);
            fx.clock.advance(Duration.ofHours(2));
            op = fx.signedIn("operator");
            var later = post(op, "/api/cases", body, key);
            assertThat(later.status()).isEqualTo(201);
            assertThat(later.json().getLong("id")).isNotEqualTo(first);
        } finally {
            fx.clock.advance(Duration.ofHours(-25));
        }
    }

    @Test
    void keysBelongToTheirUser() {
        NationalId id = TestNationalIds.random();
        JsonObject body = newCase(id, "دو کاربر");
        String key = UUID.randomUUID().toString();
        long a = post(fx.signedIn("operator"), "/api/cases", body, key).json().getLong("id");
        long b = post(fx.signedIn("operator2"), "/api/cases", body, key).json().getLong("id");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aMalformedKeyIsRefused() {
        var r = post(fx.signedIn("operator"), "/api/cases", newCase(TestNationalIds.random(), "x"), "a b");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getString("field")).isEqualTo("Idempotency-Key");
    }

    @Test
    void aDoubleClickOnReferChangesTheCaseOnceAndNeverAnswers500() throws Exception {
        Browser sup = fx.signedIn("supervisor");
        long withKey = fx.liveCase().id();
        long without = fx.liveCase().id();
        JsonObject refer = new JsonObject().put("agencyId", fx.otherAgencyId).put("note", "فوری");
        String key = UUID.randomUUID().toString();
        List<Browser.Response> keyed = parallel(6, () -> post(sup, "/api/cases/" + withKey + "/refer", refer, key));
        assertThat(keyed).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        var timeline = sup.get("/api/cases/" + withKey).json().getJsonArray("timeline");
        assertThat(timeline.stream().filter(o -> "REFERRED".equals(((JsonObject) o).getString("type")))).hasSize(1);

        List<Browser.Response> bare = parallel(6, () -> sup.post("/api/cases/" + without + "/refer", refer));
        assertThat(bare).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isIn(200, 409);
            if (r.status() == 409) assertThat(r.error()).isIn("concurrent_change", "conflict");
        });
    }

    @Test
    void aDoubleClickOnRegisteringAVoicemailNeverAnswers500() throws Exception {
        long id = fx.voicemail().id();
        Browser tr = fx.signedIn("transcriber");
        assertThat(tr.post("/api/voicemails/claim", new JsonObject()).json().getLong("caseId")).isEqualTo(id);
        JsonObject body = new JsonObject().put("kind", "COMPLAINT").put("summary", "آب").put("subject",
                new JsonObject().put("nationalId", TestNationalIds.random().digits()).put("relation", "SELF"));
        List<Browser.Response> bare = parallel(4, () -> tr.post("/api/voicemails/" + id + "/register", body));
        assertThat(bare).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
        assertThat(bare).anySatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }

    static List<Browser.Response> parallel(int n, java.util.function.Supplier<Browser.Response> request) {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<CompletableFuture<Browser.Response>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) all.add(CompletableFuture.supplyAsync(() -> { await(go); return request.get(); }, pool));
            go.countDown();
            return all.stream().map(CompletableFuture::join).toList();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
