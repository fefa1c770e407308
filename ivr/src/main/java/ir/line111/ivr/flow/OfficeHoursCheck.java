package ir.line111.ivr.flow;

import java.time.Instant;

/**
 * Whether operators take live calls at an instant: office hours and the administered holidays.
 * Core's {@code OfficeHours} answers it; the composition root passes that method in.
 */
@FunctionalInterface
public interface OfficeHoursCheck {
    boolean isOpen(Instant at);
}
