package ir.line111.console.support;

import io.vertx.core.Vertx;
import ir.line111.console.ConsoleDependencies;
import ir.line111.console.ConsoleServer;
import ir.line111.console.ports.ConsoleUsers;
import ir.line111.console.ports.HealthCheck;
import ir.line111.console.security.ConsoleUser;
import ir.line111.console.security.Role;
import ir.line111.console.store.AdminStore;
import ir.line111.console.store.Jdbc;
import ir.line111.console.store.CoreConsoleUsers;
import ir.line111.core.persistence.PersistentUserDirectory;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.cases.Actor;
import ir.line111.core.domain.cases.CaseKind;
import ir.line111.core.domain.cases.CaseSummary;
import ir.line111.core.domain.cases.Channel;
import ir.line111.core.domain.cases.DeadlineClass;
import ir.line111.core.domain.cases.NewCase;
import ir.line111.core.domain.cases.SubjectPerson;
import ir.line111.core.domain.cases.VoicemailIntake;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.recordings.RecordingKind;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.TrackingCodeIssuer;
import ir.line111.core.testing.TestDatabases;
import ir.line111.core.testing.TestNationalIds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real console on a real (migrated) database and a real Vert.x, listening on an ephemeral port,
 * with one user per role and a recording store in a temporary folder.
 */
public final class ConsoleFixture implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery";

    public final Database db;
    public final Vertx vertx;
    public final ConsoleServer server;
    public final PersistentCases cases;
    public final MutableClock clock;
    public final StoreCatalog recordings = new StoreCatalog();
    public final Path store;
    public final Path outside;
    public final int port;
    public final long agencyId;
    public final long otherAgencyId;
    public final AtomicReference<HealthCheck.Status> ami = new AtomicReference<>(HealthCheck.Status.disabled("no AMI in tests"));

    public static ConsoleFixture h2() { return new ConsoleFixture(TestDatabases.h2()); }

    public ConsoleFixture(Database db) {
        this(db, true, null);
    }

    /**
     * {@code testCatalog}: false reads the recordings module's tables ({@link JdbcRecordingCatalog},
     * test-only: in production the app wires the recordings module itself); {@code beforeStart} runs on the database before the server starts.
     */
    public ConsoleFixture(Database db, boolean testCatalog, java.util.function.Consumer<Database> beforeStart) {
        this(db, testCatalog, beforeStart, Map.of(), u -> u);
    }

    /** {@code config}: keys over the test defaults; {@code users}: wraps the user directory the console gets. */
    public ConsoleFixture(Database db, boolean testCatalog, java.util.function.Consumer<Database> beforeStart,
                          Map<String, String> config, java.util.function.UnaryOperator<ConsoleUsers> users) {
        this.db = db;
        try {
            this.clock = new MutableClock(Instant.now());
            this.store = Files.createTempDirectory("line111-store");
            this.outside = Files.createTempFile("line111-outside", ".wav");
            Files.write(outside, wav(100));
            this.cases = new PersistentCases(db, new TrackingCodeIssuer(db, "console-test-key-0123456789".getBytes(StandardCharsets.UTF_8)),
                    clock, Duration.ofDays(30));
            Jdbc jdbc = new Jdbc(db.dataSource());
            CoreConsoleUsers coreUsers = new CoreConsoleUsers(new PersistentUserDirectory(db, 4, clock));
            for (Role r : Role.values()) {
                String name = r.wire();
                coreUsers.create(new ConsoleUser(name, "کاربر " + name, Set.of(r), true, r == Role.OPERATOR ? "PJSIP/op1" : null), PASSWORD.toCharArray());
            }
            coreUsers.create(new ConsoleUser("operator2", "کارشناس دو", Set.of(Role.OPERATOR), true, "PJSIP/op2"), PASSWORD.toCharArray());
            coreUsers.create(new ConsoleUser("transcriber2", "پیاده‌ساز دو", Set.of(Role.TRANSCRIBER), true, null), PASSWORD.toCharArray());
            AdminStore admin = new AdminStore(jdbc, clock, Line111Config.of(Map.of()));
            this.agencyId = admin.addAgency("شرکت آب و فاضلاب").id();
            this.otherAgencyId = admin.addAgency("دانشگاه علوم پزشکی").id();
            // issue 16: the liaison works for the water company; liaison2 for the university of medical sciences
            ir.line111.core.persistence.PersistentLiaisons liaisons = new ir.line111.core.persistence.PersistentLiaisons(db);
            liaisons.bind(Role.LIAISON.wire(), agencyId);
            coreUsers.create(new ConsoleUser("liaison2", "کارشناس دانشگاه", Set.of(Role.LIAISON), true, null), PASSWORD.toCharArray());
            liaisons.bind("liaison2", otherAgencyId);
            Map<String, String> settings = new java.util.HashMap<>(Map.of("console.port", "0", "recordings.dir", store.toString(),
                    "attachments.dir", store.resolveSibling(store.getFileName() + "-attachments").toString()));
            settings.putAll(config);
            Line111Config cfg = Line111Config.of(settings);
            ConsoleUsers consoleUsers = users.apply(coreUsers);
            if (beforeStart != null) beforeStart.accept(db);
            this.vertx = Vertx.vertx();
            this.server = new ConsoleServer(cfg, vertx, new ConsoleDependencies(db.dataSource(), TestPorts.cases(db, cases), consoleUsers,
                    testCatalog ? recordings : new JdbcRecordingCatalog(jdbc, cfg.path("recordings.dir"), clock),
                    List.of(HealthCheck.of("ami", false, ami::get)), null, clock));
            this.port = server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String base() { return "http://127.0.0.1:" + port; }

    /** What a browser on the console sends as Origin. */
    public String origin() { return base(); }

    public Browser browser() { return new Browser(base()); }

    public Browser signedIn(String username) {
        Browser b = browser();
        b.signIn(username, PASSWORD);
        return b;
    }

    public CaseSummary liveCase(NationalId id) {
        return cases.register(new NewCase(CaseKind.COMPLAINT, Channel.PHONE_LIVE, SubjectPerson.self(id, true), agencyId,
                "آب قطع است", "سه روز است آب نداریم", DeadlineClass.SIMPLE, "09120000000", null, new Actor("operator")));
    }

    public CaseSummary liveCase() { return liveCase(TestNationalIds.random()); }

    /** A voicemail with a message recording (and transcript) and a spoken-ID clip in the store. */
    public CaseSummary voicemail() {
        try {
            Path msg = Files.write(store.resolve("msg-" + System.nanoTime() + ".wav"), wav(16_000));
            Path spoken = Files.write(store.resolve("id-" + System.nanoTime() + ".wav"), wav(8_000));
            long msgId = recordings.add(RecordingKind.VOICEMAIL, msg, StoreCatalog.words("سلام", "آب", "قطع", "است"));
            long idId = recordings.add(RecordingKind.SPOKEN_ID, spoken, StoreCatalog.words("صفر", "چهار", "نه"));
            return cases.registerVoicemail(new VoicemailIntake("vm-" + System.nanoTime(), "09121111111",
                    SubjectPerson.self(TestNationalIds.random(), false), idId, msgId, clock.instant()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A minimal 8 kHz mono 16-bit WAV with {@code samples} samples of silence. */
    public static byte[] wav(int samples) {
        int data = samples * 2;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        return b.array();
    }

    public static Set<Role> roles(Role... r) { return r.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(r[0], r); }

    @Override
    public void close() {
        server.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        db.close();
        // every fixture leaves its recordings, attachments and the outside file behind otherwise (hundreds a run)
        for (Path p : List.of(store, store.resolveSibling(store.getFileName() + "-attachments"), outside)) deleteTree(p);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a leftover in the temp folder is no reason to fail a test
        }
    }
}
