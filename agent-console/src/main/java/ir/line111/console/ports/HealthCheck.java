package ir.line111.console.ports;

/**
 * One readiness check for {@code /health}, supplied by the composition root (database, AMI, recogniser).
 * {@code required}: a DOWN required check makes the whole console not ready.
 */
public interface HealthCheck {

    enum State { UP, DOWN, DISABLED }

    record Status(State state, String detail) {
        public static Status up(String detail) { return new Status(State.UP, detail); }
        public static Status down(String detail) { return new Status(State.DOWN, detail); }
        public static Status disabled(String detail) { return new Status(State.DISABLED, detail); }
    }

    String name();

    boolean required();

    /** Called off the event loop; may block briefly. */
    Status check();

    static HealthCheck of(String name, boolean required, java.util.function.Supplier<Status> check) {
        return new HealthCheck() {
            @Override public String name() { return name; }
            @Override public boolean required() { return required; }
            @Override public Status check() { return check.get(); }
        };
    }
}
