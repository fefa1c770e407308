package ir.line111.ivr;

import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.cases.CaseRegistry;
import ir.line111.core.domain.queue.QueueLoad;
import ir.line111.core.domain.recordings.RecordingStore;
import ir.line111.core.domain.speech.NationalIdRecognizer;
import ir.line111.ivr.flow.OfficeHoursCheck;

import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the IVR needs from the rest of the backend, all through core's ports. The composition root
 * builds this; tests pass the real H2-backed registry and fakes for the edges.
 *
 * @param recognizer {@link NationalIdRecognizer#NONE} when no speech model is configured
 * @param queueLoad  the AMI adapter; {@code () -> QueueLoad.Snapshot.UNKNOWN} when AMI is off
 * @param clock      the time the flows see (office hours, voicemail timestamps)
 * @param canTakeMessages false when the database is away and no reserved tracking code is left:
 *                   new calls then go to the dialplan's fallback, which records them
 */
public record IvrDependencies(CaseRegistry cases, CallLog callLog, RecordingStore recordings,
                              NationalIdRecognizer recognizer, QueueLoad queueLoad, OfficeHoursCheck officeHours,
                              Clock clock, BooleanSupplier canTakeMessages) {
    /** Messages can always be taken (a database that is never away, as in most tests). */
    public IvrDependencies(CaseRegistry cases, CallLog callLog, RecordingStore recordings, NationalIdRecognizer recognizer,
                           QueueLoad queueLoad, OfficeHoursCheck officeHours, Clock clock) {
        this(cases, callLog, recordings, recognizer, queueLoad, officeHours, clock, () -> true);
    }

    public IvrDependencies {
        Objects.requireNonNull(canTakeMessages, "canTakeMessages");
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(callLog, "callLog");
        Objects.requireNonNull(recordings, "recordings");
        Objects.requireNonNull(recognizer, "recognizer");
        Objects.requireNonNull(queueLoad, "queueLoad");
        Objects.requireNonNull(officeHours, "officeHours");
        Objects.requireNonNull(clock, "clock");
    }
}
