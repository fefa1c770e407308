package ir.line111.console;

import io.vertx.core.Vertx;
import ir.line111.console.live.LiveEvents;
import ir.line111.console.live.Presence;
import ir.line111.console.ports.ConsoleUsers;
import ir.line111.console.ports.HealthCheck;
import ir.line111.console.ports.RecordingCatalog;
import ir.line111.console.security.SessionStore;
import ir.line111.console.security.SignInThrottle;
import ir.line111.console.store.AbandonedCalls;
import ir.line111.console.store.AdminStore;
import ir.line111.console.store.AuditLog;
import ir.line111.console.store.CaseActions;
import ir.line111.console.store.Jdbc;
import ir.line111.console.store.Reports;
import ir.line111.console.store.VoicemailDesk;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.cases.CaseDesk;
import ir.line111.core.domain.cases.CaseRegistry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** Everything the handlers share; built once by {@link ConsoleServer}. Cases are read and changed only through core's ports ({@code cases}, {@code desk}). */
public record ConsoleContext(Vertx vertx, Line111Config config, Clock clock, ZoneId zone, Jdbc jdbc,
                             CaseRegistry cases, CaseDesk desk, CaseActions caseActions,
                             ConsoleUsers users, SessionStore sessions, SignInThrottle throttle,
                             ir.line111.console.security.PasswordChecks passwords, AuditLog audit,
                             VoicemailDesk voicemails, AbandonedCalls abandoned, AdminStore admin, Reports reports,
                             RecordingCatalog recordings, Path recordingStore, Presence presence, LiveEvents live,
                             List<HealthCheck> healthChecks) {}
