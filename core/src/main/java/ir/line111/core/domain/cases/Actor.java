package ir.line111.core.domain.cases;

/** Who did something, for the timeline and the audit log: a console user's name, or a system part ("ivr"). */
public record Actor(String name) {
    public static final Actor IVR = new Actor("ivr");
    public static final Actor SYSTEM = new Actor("system");
}
