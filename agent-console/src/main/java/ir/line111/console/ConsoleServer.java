package ir.line111.console;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import ir.line111.console.handlers.AccountHandlers;
import ir.line111.console.handlers.AdminHandlers;
import ir.line111.console.handlers.AuthHandlers;
import ir.line111.console.handlers.CaseHandlers;
import ir.line111.console.handlers.DeskHandlers;
import ir.line111.console.handlers.OpsHandlers;
import ir.line111.console.handlers.RecordingHandlers;
import ir.line111.console.handlers.ReferenceHandlers;
import ir.line111.console.handlers.SmsHandlers;
import ir.line111.console.handlers.SupervisorHandlers;
import ir.line111.console.handlers.VoicemailHandlers;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.ApiRoutes;
import ir.line111.console.live.LiveEvents;
import ir.line111.console.live.Presence;
import ir.line111.console.live.ScreenPops;
import ir.line111.console.security.SessionStore;
import ir.line111.console.security.SignInThrottle;
import ir.line111.console.store.AbandonedCalls;
import ir.line111.console.store.AdminStore;
import ir.line111.console.store.AuditLog;
import ir.line111.console.store.CaseActions;
import ir.line111.console.store.Jdbc;
import ir.line111.core.domain.cases.CaseDesk;
import ir.line111.console.store.Reports;
import ir.line111.console.store.VoicemailDesk;
import ir.line111.core.config.Line111Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The web console: one Vert.x verticle serving the JSON API, the WebSocket {@code /ws}, the static
 * UI, {@code /health} and {@code /metrics} on {@code console.bind}:{@code console.port}. Blocking work
 * runs on virtual threads, never on the event loop. The composition root creates it, calls
 * {@link #start()} (returns the bound port; port 0 picks a free one) and {@link #stop()}.
 */
public final class ConsoleServer {

    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);

    private final Line111Config config;
    private final Vertx vertx;
    private final ConsoleDependencies deps;
    private final PrometheusMeterRegistry metrics;
    private final ExecutorService blocking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("console-", 0).factory());
    private ConsoleContext context;
    private ir.line111.console.handlers.AgencyServices agency;
    private SessionStore.Factory sessionFactory = SessionStore.Factory.IN_MEMORY;
    private ir.line111.console.http.Idempotency idempotency;
    private String deploymentId;
    private volatile int port = -1;

    public ConsoleServer(Line111Config config, Vertx vertx, ConsoleDependencies deps) {
        this.config = config;
        this.vertx = vertx;
        this.deps = deps;
        this.metrics = deps.metrics() != null ? deps.metrics() : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /** Deploys the server and waits until it listens; returns the port. Call from a non-event-loop thread. */
    public int start() {
        context = buildContext();
        agency = ir.line111.console.handlers.AgencyServices.of(context);
        context.live().start();
        try {
            deploymentId = vertx.deployVerticle(new HttpVerticle()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            context.live().stop();
            throw new IllegalStateException("the console could not listen on " + config.string("console.bind") + ":"
                    + config.string("console.port") + ": " + rootMessage(e), e);
        }
        log.info("console listening on http://{}:{}", config.string("console.bind"), port);
        return port;
    }

    public void stop() {
        if (context != null) {
            context.live().stop();
            context.audit().close();
            context.passwords().close();
        }
        if (deploymentId != null) {
            try {
                vertx.undeploy(deploymentId).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("console did not stop cleanly: {}", rootMessage(e));
            }
            deploymentId = null;
        }
        blocking.shutdown();
    }

    public int port() { return port; }

    /** Where sessions live (before {@link #start()}): this process's memory unless a cluster shares them. */
    public ConsoleServer sessions(SessionStore.Factory factory) {
        this.sessionFactory = java.util.Objects.requireNonNull(factory, "factory");
        return this;
    }

    public PrometheusMeterRegistry metrics() { return metrics; }

    private ConsoleContext buildContext() {
        var clock = deps.clock();
        Jdbc jdbc = new Jdbc(deps.dataSource());
        ZoneId zone = ZoneId.of(config.string("office.zone"));
        SessionStore sessions = sessionFactory.create(Duration.ofMinutes(config.integer("console.session.idle-minutes", 1, 24 * 60)),
                Duration.ofHours(config.integer("console.session.absolute-hours", 1, 24 * 7)), clock);
        AuditLog audit = new AuditLog(jdbc, clock);
        AbandonedCalls abandoned = new AbandonedCalls(jdbc, clock);
        Presence.Journal journal = (user, device, event, reason, callId, talk) -> {
            Instant at = clock.instant();
            retrying("operator event " + event, () -> jdbc.update(
                    "insert into console_operator_event (at, username, device, event, reason, call_id, talk_seconds) values (?, ?, ?, ?, ?, ?, ?)",
                    at, user, device, event, reason, callId, talk));
        };
        AdminStore admin = new AdminStore(jdbc, clock, config);
        // Asterisk's queue tells the wrap-up time; this setting stands in only while it has not (read off the event loop).
        AtomicInteger wrapUpSetting = new AtomicInteger(AdminStore.BUILT_IN_WRAP_UP_SECONDS);
        Runnable readWrapUp = () -> blocking.execute(() -> wrapUpSetting.set(admin.wrapUpSeconds(wrapUpSetting.get())));
        readWrapUp.run();
        Presence presence = new Presence(vertx, clock, journal, wrapUpSetting::get);
        ir.line111.console.live.Origins origins = new ir.line111.console.live.Origins(list("console.public-origins"),
                list("console.allowed-origins"), config.string("console.bind"), () -> port);
        var abandonedCounter = metrics.counter("line111.calls.abandoned");
        var wrapUpCounter = metrics.counter("line111.calls.answered");
        var screenPops = metrics.counter("line111.calls.connected");
        CaseDesk desk = deps.cases().desk();
        if (deps.recordings() == ir.line111.console.ports.RecordingCatalog.NONE) {
            log.info("console: no recordings catalogue given; recordings cannot be played");
        }
        LiveEvents live = new LiveEvents(vertx, sessions, origins, presence, new LiveEvents.Hooks(
                a -> {
                    abandonedCounter.increment();
                    Instant at = Instant.now(clock);
                    retrying("abandoned call " + a.callId(),
                            () -> abandoned.record(a.callId(), a.callerNumber(), (int) a.waitSeconds(), at));
                },
                w -> {
                    wrapUpCounter.increment();
                    readWrapUp.run();
                    String user = presence.user(w.operator());
                    journal.record(user, w.operator(), "WRAP_UP", null, w.callId(), (int) w.talkSeconds());
                },
                pop -> screenPops.increment(),
                (session, pop) -> ScreenPops.audit(audit, session, pop)));
        Gauge.builder("line111.queue.callers.waiting", live, l -> l.lastQueueState().callers().size()).register(metrics);
        Gauge.builder("line111.queue.estimated.wait.seconds", live, l -> l.lastQueueState().estimatedWaitSeconds()).register(metrics);
        Gauge.builder("line111.queue.operators", live, l -> l.lastQueueState().members().size()).register(metrics);
        Gauge.builder("line111.console.websockets", live, LiveEvents::connected).register(metrics);
        idempotency = new ir.line111.console.http.Idempotency(new ir.line111.console.store.IdempotencyStore(jdbc), clock);
        return new ConsoleContext(vertx, config, clock, zone, jdbc, deps.cases().registry(), desk,
                new CaseActions(desk, deps.cases().registry(), admin), deps.users(), sessions, new SignInThrottle(clock),
                new ir.line111.console.security.PasswordChecks(config.integer("console.sign-in.threads", 0, 64),
                        config.integer("console.sign-in.queue", 1, 10_000)), audit, new VoicemailDesk(jdbc, deps.cases().messages(), clock), abandoned,
                admin, new Reports(jdbc, deps.cases().reports(), clock, zone), deps.recordings(),
                config.path("recordings.dir"), presence, live, deps.healthChecks());
    }

    /**
     * Writes an event-bus fact off the event loop, retrying for about five minutes while the database
     * is away (a caller to call back must not be lost to a short outage): core's one back-off.
     */
    private void retrying(String what, Runnable write) {
        blocking.execute(() -> ir.line111.core.retry.Retries.write(what, write, Duration.ofMillis(500), Duration.ofSeconds(30), 12, log));
    }

    private Set<String> list(String key) {
        return Arrays.stream(config.string(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }

    /** The HTTP side, on an event loop; everything blocking is handed to virtual threads. */
    private final class HttpVerticle extends VerticleBase {
        private HttpServer server;

        @Override
        public Future<?> start() {
            ConsoleContext cx = ConsoleServer.this.context;
            Router router = Router.router(vertx);
            for (int status : new int[]{400, 405, 413, 500}) {
                router.errorHandler(status, ctx -> ir.line111.console.http.Replies.routerError(ctx, status));
            }
            router.route().handler(ctx -> {
                var h = ctx.response().headers();
                h.set("X-Content-Type-Options", "nosniff");
                h.set("X-Frame-Options", "DENY");
                h.set("Referrer-Policy", "no-referrer");
                h.set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; "
                        + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
                ctx.next();
            });
            new OpsHandlers(deps.dataSource(), cx.healthChecks(), metrics, blocking).register(router);

            BodyHandler small = BodyHandler.create(false).setBodyLimit(1024 * 1024);
            BodyHandler audio = BodyHandler.create(false).setBodyLimit(20L * 1024 * 1024);
            router.route("/api/*").handler(ctx -> (ctx.normalizedPath().endsWith("/answer-audio") || ctx.normalizedPath().endsWith("/attachments") ? audio : small).handle(ctx));
            router.route("/api/*").handler(ctx -> ApiRoutes.resolveSession(ctx, cx.sessions()));
            ApiRoutes api = new ApiRoutes(router, cx.sessions(), blocking, metrics, idempotency);
            new AuthHandlers(cx).register(api);
            new AccountHandlers(cx).register(api);
            new ReferenceHandlers(cx).register(api);
            new DeskHandlers(cx).register(api);
            CaseHandlers cases = new CaseHandlers(cx);
            cases.register(api);
            new VoicemailHandlers(cx, cases).register(api);
            new RecordingHandlers(cx).register(api);
            new SupervisorHandlers(cx).register(api);
            new AdminHandlers(cx, agency.liaisons()).register(api);
            new ir.line111.console.handlers.AgencyDeskHandlers(cx, agency).register(api);
            new ir.line111.console.handlers.OversightHandlers(cx, agency).register(api);
            new ir.line111.console.handlers.BoardHandlers(cx, agency).register(api);
            new ir.line111.console.wrapup.WrapUpHandlers(cx, new ir.line111.console.wrapup.WrapUpStore(cx.jdbc(), cx.clock())).register(api);
            new SmsHandlers(deps.sms()).register(api);
            router.route("/api/*").handler(ctx -> {
                ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").setStatusCode(404)
                        .end(new JsonObject().put("error", "not_found").put("message", "چنین نشانی‌ای در API نیست").encode());
            });
            // Front-end libraries come from WebJars on the classpath (no separate front-end build).
            router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setDirectoryListing(false)
                    .setMaxAgeSeconds(86_400));
            router.route().handler(StaticHandler.create("webroot").setCachingEnabled(false).setIndexPage("index.html"));

            HttpServerOptions options = new HttpServerOptions().setHost(config.string("console.bind")).setPort(config.port("console.port"))
                    .setIdleTimeout(300).setCompressionSupported(true)
                    // Plain HTTP/1.1 as browsers speak it over http:; no h2c upgrade dance.
                    .setHttp2ClearTextEnabled(false);
            server = vertx.createHttpServer(options)
                    .requestHandler(router)
                    .webSocketHandshakeHandler(cx.live()::handshake)
                    .webSocketHandler(ws -> { /* accepted in the handshake handler */ });
            vertx.setPeriodic(60_000, t -> cx.sessions().sweep());
            vertx.setPeriodic(600_000, t -> blocking.execute(idempotency::sweep));
            // overdue cases at the agencies go onto the supervisors' list; cases at the board onto the next agenda (issue 16)
            blocking.execute(agency::housekeeping);
            vertx.setPeriodic(600_000, t -> blocking.execute(agency::housekeeping));
            return server.listen().onSuccess(s -> port = s.actualPort());
        }

        @Override
        public Future<?> stop() {
            return server == null ? Future.succeededFuture() : server.close();
        }
    }

}
