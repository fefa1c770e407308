package ir.line111.recordings.transcription;

import java.time.Duration;

/**
 * Where the overnight batch stands, for the log and the console. {@code eta} is null until this
 * process has finished a job to measure the pace by; it is the audio still queued divided by the
 * audio transcribed per second so far.
 */
public record TranscriptionProgress(long done, long remaining, long running, long failed, Duration eta,
                                    double audioHoursPerHour) {

    public String describe() {
        return "%d done, %d remaining (%d running), %d failed, ETA %s".formatted(done, remaining, running, failed,
                eta == null ? "unknown" : eta.toMinutes() + " min");
    }
}
