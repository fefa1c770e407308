package ir.line111.core.domain.users;

import java.util.Locale;

/** What a console or CLI user may do (DESIGN §2). Stored and sent by {@link #code()}. */
public enum Role {
    OPERATOR("کارشناس"),
    TRANSCRIBER("پیاده‌ساز پیام"),
    SUPERVISOR("سرپرست"),
    ADMIN("مدیر سامانه"),
    /** An executive agency's liaison (کارشناس دستگاه): bound to one agency, sees only the cases referred to it (issue 16). */
    LIAISON("کارشناس دستگاه");

    private final String persian;
    Role(String persian) { this.persian = persian; }
    public String persian() { return persian; }

    /** The lower-case name used in the API and the database: operator, transcriber, supervisor, admin, liaison. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        for (Role r : values()) if (r.code().equalsIgnoreCase(code == null ? "" : code.strip())) return r;
        throw new IllegalArgumentException("no such role: " + code + " (operator, transcriber, supervisor, admin, liaison)");
    }
}
