package ir.line111.console.handlers;

import ir.line111.core.domain.identity.Digits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.ApiRoutes;
import ir.line111.console.http.Call;
import ir.line111.console.http.Inputs;
import ir.line111.console.http.Reply;
import ir.line111.console.security.ConsoleUser;
import ir.line111.console.security.Role;
import ir.line111.console.store.AdminStore;
import ir.line111.console.store.AuditLog;
import ir.line111.core.calendar.JalaliDates;
import ir.line111.core.calendar.JalaliDates.JalaliDate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Users and roles, agencies, office hours, holidays per Jalali date, settings, the audit log. */
public final class AdminHandlers {
    private final ConsoleContext cx;

    private final ir.line111.core.domain.agencydesk.LiaisonDirectory liaisons;

    public AdminHandlers(ConsoleContext cx, ir.line111.core.domain.agencydesk.LiaisonDirectory liaisons) {
        this.cx = cx;
        this.liaisons = liaisons;
    }

    public void register(ApiRoutes r) {
        r.get("/api/admin/users", Roles.ADMIN, c -> items(cx.users().list().stream().map(this::userWithAgency).toList()));
        r.post("/api/admin/users", Roles.ADMIN, this::createUser);
        r.put("/api/admin/users/:username", Roles.ADMIN, this::updateUser);
        r.post("/api/admin/users/:username/password", Roles.ADMIN, this::password);
        r.get("/api/admin/agencies", Roles.ADMIN, c -> items(cx.admin().agencies(false).stream().map(AdminHandlers::agency).toList()));
        r.post("/api/admin/agencies", Roles.ADMIN, this::addAgency);
        r.put("/api/admin/agencies/:id", Roles.ADMIN, this::updateAgency);
        r.get("/api/admin/office-hours", Roles.ADMIN, c -> officeHours());
        r.put("/api/admin/office-hours", Roles.ADMIN, this::putOfficeHours);
        r.get("/api/admin/holidays", Roles.ADMIN, this::holidays);
        r.post("/api/admin/holidays", Roles.ADMIN, this::putHoliday);
        r.delete("/api/admin/holidays/:date", Roles.ADMIN, this::removeHoliday);
        r.get("/api/admin/settings", Roles.ADMIN, c -> settings());
        r.put("/api/admin/settings", Roles.ADMIN, this::putSettings);
        r.get("/api/admin/audit", EnumSet.of(Role.ADMIN, Role.SUPERVISOR), this::audit);
    }

    private static JsonObject items(List<JsonObject> list) {
        return new JsonObject().put("items", new JsonArray(new ArrayList<>(list)));
    }

    static JsonObject user(ConsoleUser u) {
        JsonArray roles = new JsonArray();
        u.roles().stream().sorted().forEach(r -> roles.add(r.wire()));
        return new JsonObject().put("username", u.username()).put("fullName", u.fullName()).put("roles", roles)
                .put("enabled", u.enabled()).put("device", u.device());
    }

    /** A liaison's agency (issue 16) with the user. */
    private JsonObject userWithAgency(ConsoleUser u) {
        JsonObject o = user(u);
        if (u.has(Role.LIAISON)) o.put("agencyId", liaisons.agencyOf(u.username()).orElse(null));
        return o;
    }

    /** A liaison is bound to one active agency; any other user to none. */
    private Long agencyFor(JsonObject b, Set<Role> roles) {
        Long agencyId = Inputs.longOf(b, "agencyId", false);
        if (!roles.contains(Role.LIAISON)) return null;
        if (agencyId == null) throw ApiException.invalid("agencyId", "کارشناس دستگاه باید به یک دستگاه اجرایی وابسته باشد");
        if (cx.admin().agency(agencyId).filter(AdminStore.Agency::active).isEmpty()) throw ApiException.invalid("agencyId", "دستگاه اجرایی یافت نشد");
        return agencyId;
    }

    static JsonObject agency(AdminStore.Agency a) {
        return new JsonObject().put("id", a.id()).put("name", a.name()).put("active", a.active());
    }

    private ConsoleUser userFrom(JsonObject b, String username) {
        if (!username.matches("[a-z][a-z0-9._-]{1,31}")) throw ApiException.invalid("username", "نام کاربری: حروف کوچک لاتین و رقم، ۲ تا ۳۲ نویسه");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        JsonArray raw = b.getJsonArray("roles");
        if (raw == null || raw.isEmpty()) throw ApiException.invalid("roles", "دست‌کم یک نقش لازم است");
        for (Object o : raw) roles.add(Role.fromWire(o == null ? null : o.toString()).orElseThrow(() -> ApiException.invalid("roles", "نقش نامعتبر")));
        String device = Inputs.text(b, "device", 64, false);
        if (device != null && !device.matches(ir.line111.core.domain.users.UserDirectory.DEVICE_PATTERN)) throw ApiException.invalid("device", "نام دستگاه تلفن نامعتبر است");
        Object enabled = b.getValue("enabled");
        return new ConsoleUser(username, Inputs.text(b, "fullName", 100, false), roles, enabled == null || Boolean.TRUE.equals(enabled), device);
    }

    private static char[] password(JsonObject b) {
        Object p = b.getValue("password");
        if (!(p instanceof String s) || s.length() < 10 || s.length() > 200) throw ApiException.invalid("password", "گذرواژه دست‌کم ۱۰ نویسه");
        return s.toCharArray();
    }

    private Object createUser(Call c) {
        JsonObject b = c.json();
        ConsoleUser u = userFrom(b, Inputs.text(b, "username", 32, true));
        Long agencyId = agencyFor(b, u.roles());
        ConsoleUser created;
        try {
            created = cx.users().create(u, password(b));
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        if (agencyId != null) liaisons.bind(created.username(), agencyId);
        admin(c, "user created " + u.username() + " " + u.roles() + (agencyId == null ? "" : " agency " + agencyId));
        return Reply.json(201, userWithAgency(created));
    }

    private Object updateUser(Call c) {
        String username = c.param("username");
        ConsoleUser existing = cx.users().find(username).orElseThrow(ApiException::notFound);
        JsonObject b = c.json();
        ConsoleUser u = userFrom(b, existing.username());
        Long agencyId = agencyFor(b, u.roles());
        Long before = liaisons.agencyOf(username).orElse(null);
        ConsoleUser saved = cx.users().update(u);
        liaisons.bind(username, agencyId);
        if (!saved.enabled() || !saved.roles().equals(existing.roles()) || !java.util.Objects.equals(before, agencyId)) cx.sessions().closeAll(username);
        admin(c, "user changed " + username + " " + saved.roles() + (saved.enabled() ? "" : " disabled") + (agencyId == null ? "" : " agency " + agencyId));
        return userWithAgency(saved);
    }

    private Object password(Call c) {
        String username = c.param("username");
        cx.users().find(username).orElseThrow(ApiException::notFound);
        cx.users().setPassword(username, password(c.json()));
        cx.sessions().closeAll(username);
        admin(c, "password set for " + username);
        return Reply.noContent();
    }

    private Object addAgency(Call c) {
        String name = Inputs.text(c.json(), "name", 200, true);
        try {
            AdminStore.Agency a = cx.admin().addAgency(name);
            admin(c, "agency added " + a.id());
            return Reply.json(201, agency(a));
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private Object updateAgency(Call c) {
        long id = c.pathId("id");
        cx.admin().agency(id).orElseThrow(ApiException::notFound);
        JsonObject b = c.json();
        try {
            AdminStore.Agency a = cx.admin().updateAgency(id, Inputs.text(b, "name", 200, true), !Boolean.FALSE.equals(b.getValue("active")))
                    .orElseThrow(ApiException::notFound);
            admin(c, "agency changed " + id);
            return agency(a);
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private JsonObject officeHours() {
        Map<String, String> s = cx.admin().settings(AdminStore.OFFICE_KEYS);
        JsonArray days = new JsonArray();
        for (String d : s.get("office.days").split(",")) if (!d.isBlank()) days.add(d.strip());
        return new JsonObject().put("zone", s.get("office.zone")).put("days", days).put("open", s.get("office.open")).put("close", s.get("office.close"));
    }

    private Object putOfficeHours(Call c) {
        JsonObject b = c.json();
        Map<String, String> v = new LinkedHashMap<>();
        String zone = Inputs.text(b, "zone", 64, false);
        if (zone != null) {
            try { ZoneId.of(zone); } catch (RuntimeException e) { throw ApiException.invalid("zone", "منطقهٔ زمانی نامعتبر"); }
            v.put("office.zone", zone);
        }
        JsonArray days = b.getJsonArray("days");
        if (days != null) {
            List<String> ds = new ArrayList<>();
            for (Object o : days) {
                try { ds.add(DayOfWeek.valueOf(String.valueOf(o).toUpperCase()).name()); }
                catch (IllegalArgumentException e) { throw ApiException.invalid("days", "روز نامعتبر"); }
            }
            v.put("office.days", String.join(",", ds));
        }
        LocalTime open = time(b, "open"), close = time(b, "close");
        if (open != null) v.put("office.open", open.toString());
        if (close != null) v.put("office.close", close.toString());
        LocalTime o = LocalTime.parse(v.getOrDefault("office.open", cx.admin().setting("office.open")));
        LocalTime cl = LocalTime.parse(v.getOrDefault("office.close", cx.admin().setting("office.close")));
        if (!o.isBefore(cl)) throw ApiException.invalid("close", "پایان ساعت کاری باید پس از آغاز آن باشد");
        cx.admin().putSettings(v);
        admin(c, "office hours " + v);
        return officeHours();
    }

    private static LocalTime time(JsonObject b, String f) {
        String s = Inputs.text(b, f, 5, false);
        if (s == null) return null;
        try { return LocalTime.parse(s.length() == 4 ? "0" + s : s); }
        catch (DateTimeParseException e) { throw ApiException.invalid(f, "ساعت به شکل ۰۷:۳۰"); }
    }

    private Object holidays(Call c) {
        int year = c.intParam("year", JalaliDates.of(LocalDate.now(cx.clock().withZone(cx.zone()))).year(), 1300, 1600);
        LocalDate from = JalaliDates.parse(year + "/01/01");
        LocalDate to = JalaliDates.parse((year + 1) + "/01/01");
        return items(cx.admin().holidays(from, to).stream().map(h -> new JsonObject()
                .put("jalaliDate", JalaliDates.format(h.date())).put("date", h.date().toString()).put("name", h.name())).toList());
    }

    private Object putHoliday(Call c) {
        JsonObject b = c.json();
        JalaliDate j = jalali(Inputs.text(b, "jalaliDate", 10, true), "jalaliDate");
        String name = Inputs.text(b, "name", 200, true);
        cx.admin().putHoliday(j.toGregorian(), name);
        admin(c, "holiday " + j);
        return new JsonObject().put("jalaliDate", j.toString()).put("date", j.toGregorian().toString()).put("name", name);
    }

    private Object removeHoliday(Call c) {
        JalaliDate j = jalali(c.param("date"), "jalaliDate");
        if (!cx.admin().removeHoliday(j.toGregorian())) throw ApiException.notFound();
        admin(c, "holiday removed " + j);
        return Reply.noContent();
    }

    private static JalaliDate jalali(String s, String field) {
        try {
            return JalaliDates.of(JalaliDates.parse(s));
        } catch (RuntimeException e) {
            throw ApiException.invalid(field, "تاریخ شمسی نامعتبر است (۱۴۰۵/۰۱/۰۱)");
        }
    }

    private JsonObject settings() {
        JsonObject o = new JsonObject();
        AdminStore.SETTINGS.forEach((field, key) -> {
            String v = cx.admin().setting(key);
            o.put(field, v == null ? null : Integer.valueOf(v));
        });
        return o;
    }

    private Object putSettings(Call c) {
        JsonObject b = c.json();
        Map<String, String> v = new LinkedHashMap<>();
        for (var e : AdminStore.SETTINGS.entrySet()) {
            if (!b.containsKey(e.getKey())) continue;
            Long n = Inputs.longOf(b, e.getKey(), true);
            long max = "duplicateWindowDays".equals(e.getKey()) ? 365 : 86_400;
            long min = "duplicateWindowDays".equals(e.getKey()) || "serviceLevelSeconds".equals(e.getKey()) ? 1 : 0;
            if (n < min || n > max) throw ApiException.invalid(e.getKey(), "خارج از محدوده " + Digits.isolated(min) + " تا " + Digits.isolated(max));
            v.put(e.getValue(), Long.toString(n));
        }
        cx.admin().putSettings(v);
        admin(c, "settings " + v);
        return settings();
    }

    private Object audit(Call c) {
        LocalDate from = Inputs.day(c.param("from"), "from");
        LocalDate to = Inputs.day(c.param("to"), "to");
        List<JsonObject> out = cx.audit().list(c.longParam("caseId"), c.param("username"),
                from == null ? null : from.atStartOfDay(cx.zone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(cx.zone()).toInstant(), c.intParam("limit", 100, 1, 1000))
                .stream().map(AuditText::json).toList();
        return items(out);
    }

    private void admin(Call c, String what) {
        cx.audit().record(c.username(), AuditLog.Action.ADMIN_CHANGE, null, null, null, what, c.ip());
    }
}
