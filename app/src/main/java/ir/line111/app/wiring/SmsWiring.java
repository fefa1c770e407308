package ir.line111.app.wiring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import ir.line111.console.ports.HealthCheck;
import ir.line111.console.ports.SmsOutboxView;
import ir.line111.core.config.Line111Config;
import ir.line111.core.persistence.Database;
import ir.line111.sms.SmsOutbox;
import ir.line111.sms.SmsService;
import ir.line111.sms.SmsSettings;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SMS to callers when {@code sms.enabled=true}: the service starts right after the database (before
 * anything can register a case, the outage replay included) and stops just before it; {@code /health}
 * has a check {@code sms}, {@code /metrics} the {@code line111.sms.*} meters, and the console the
 * supervisors' list of the outbox.
 */
public final class SmsWiring {
    private SmsWiring() {}

    /** The running service, or null when SMS is off. */
    public static SmsService start(Line111Config config, Database db, Clock clock, Deque<Runnable> stops) {
        SmsSettings settings = SmsSettings.of(config);
        if (!settings.enabled()) return null;
        SmsService sms = SmsService.start(settings, db, clock);
        stops.push(sms::close);
        return sms;
    }

    public static HealthCheck health(SmsService sms) {
        return HealthCheck.of("sms", false, () -> {
            if (sms == null) return HealthCheck.Status.disabled("sms.enabled is false: callers get no SMS");
            SmsService.Health h = sms.health();
            return h.up() ? HealthCheck.Status.up(h.detail()) : HealthCheck.Status.down(h.detail());
        });
    }

    public static void register(MeterRegistry metrics, SmsService sms) {
        if (sms == null) return;
        FunctionCounter.builder("line111.sms.parts.submitted", sms, SmsService::partsSubmitted)
                .description("SMS parts the centre accepted (submit_sm_resp OK)").register(metrics);
        FunctionCounter.builder("line111.sms.refusals", sms, SmsService::refusals)
                .description("submit_sm the centre refused (each is retried until sms.max-attempts)").register(metrics);
        FunctionCounter.builder("line111.sms.receipts", sms, SmsService::receipts)
                .description("delivery receipts received").register(metrics);
        Gauge.builder("line111.sms.bound", sms, s -> s.bound() ? 1 : 0).description("1 while bound to the SMS centre").register(metrics);
        for (SmsOutbox.State state : SmsOutbox.State.values()) {
            Gauge.builder("line111.sms.outbox", sms, s -> count(s, state)).tag("state", state.name())
                    .description("messages in the SMS outbox by state (FAILED: refused too often or undeliverable)").register(metrics);
        }
    }

    private static double count(SmsService sms, SmsOutbox.State state) {
        try {
            return sms.outbox().counts().get(state);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    /** The outbox for the console's {@code GET /api/sms}. */
    public static SmsOutboxView view(SmsService sms) {
        if (sms == null) return SmsOutboxView.NONE;
        return new SmsOutboxView() {
            @Override public boolean enabled() { return true; }

            @Override
            public List<Message> list(String state, int limit) {
                try {
                    return sms.outbox().list(SmsOutbox.State.valueOf(state), limit).stream()
                            .map(r -> new Message(r.id(), r.caseId(), r.trackingCode(), r.kind().name(), r.destination(), r.state().name(),
                                    r.attempts(), r.lastError(), r.createdAt(), r.updatedAt()))
                            .toList();
                } catch (SQLException e) {
                    throw new IllegalStateException("the SMS outbox cannot be read: " + e.getMessage(), e);
                }
            }

            @Override
            public Map<String, Long> counts() {
                try {
                    Map<String, Long> out = new LinkedHashMap<>();
                    sms.outbox().counts().forEach((k, v) -> out.put(k.name(), v));
                    return out;
                } catch (SQLException e) {
                    throw new IllegalStateException("the SMS outbox cannot be read: " + e.getMessage(), e);
                }
            }
        };
    }
}
