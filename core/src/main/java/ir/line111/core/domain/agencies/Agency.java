package ir.line111.core.domain.agencies;

/**
 * An executive agency (دستگاه اجرایی) cases are referred to; inactive ones stay for old cases.
 * {@code promptKey} is the IVR prompt that says its name (a catalogue key, {@code agency-*}), kept
 * with the agency so that renaming it does not silence it; null when it has none.
 */
public record Agency(long id, String name, boolean active, String promptKey) {
    public Agency(long id, String name, boolean active) {
        this(id, name, active, null);
    }
}
