package ir.line111.core.domain.cases;

/** How a matter reached SAMAD; every channel feeds the one registry. */
public enum Channel {
    PHONE_LIVE("تلفن — گفت‌وگو با کارشناس"),
    PHONE_MESSAGE("تلفن — پیام ضبط‌شده"),
    SMS("پیامک"),
    WEB("وب"),
    LETTER("نامه"),
    IN_PERSON("حضوری");

    private final String persian;
    Channel(String persian) { this.persian = persian; }
    public String persian() { return persian; }
}
