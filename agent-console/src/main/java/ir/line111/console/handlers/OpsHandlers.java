package ir.line111.console.handlers;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ir.line111.console.ports.HealthCheck;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** {@code /health}, {@code /health/live}, {@code /metrics}, {@code /openapi.yaml}: no session, loopback by default. */
public final class OpsHandlers {
    private final DataSource dataSource;
    private final List<HealthCheck> checks;
    private final PrometheusMeterRegistry metrics;
    private final ExecutorService blocking;
    private final byte[] openapi;

    public OpsHandlers(DataSource dataSource, List<HealthCheck> extra, PrometheusMeterRegistry metrics, ExecutorService blocking) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.blocking = blocking;
        List<HealthCheck> all = new ArrayList<>();
        all.add(HealthCheck.of("database", true, this::database));
        all.addAll(extra);
        this.checks = List.copyOf(all);
        try (InputStream in = OpsHandlers.class.getResourceAsStream("/openapi.yaml")) {
            this.openapi = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void register(Router router) {
        router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
        router.get("/health").handler(this::ready);
        router.get("/metrics").handler(ctx -> {
            var vertxCtx = Vertx.currentContext();
            blocking.execute(() -> {
                String body = metrics.scrape();
                vertxCtx.runOnContext(v -> ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(body));
            });
        });
        router.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
                .end(io.vertx.core.buffer.Buffer.buffer(openapi)));
    }

    private void ready(RoutingContext ctx) {
        var vertxCtx = Vertx.currentContext();
        blocking.execute(() -> {
            JsonObject results = new JsonObject();
            boolean up = true;
            for (HealthCheck c : checks) {
                HealthCheck.Status s;
                try {
                    s = c.check();
                } catch (RuntimeException e) {
                    s = HealthCheck.Status.down(e.getClass().getSimpleName());
                }
                if (c.required() && s.state() == HealthCheck.State.DOWN) up = false;
                JsonObject o = new JsonObject().put("status", s.state().name());
                if (s.detail() != null) o.put("detail", s.detail());
                results.put(c.name(), o);
            }
            JsonObject body = new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", results);
            int status = up ? 200 : 503;
            vertxCtx.runOnContext(v -> json(ctx, status, body));
        });
    }

    private HealthCheck.Status database() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? HealthCheck.Status.up(null) : HealthCheck.Status.down("connection not valid");
        } catch (Exception e) {
            return HealthCheck.Status.down("unreachable");
        }
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }
}
