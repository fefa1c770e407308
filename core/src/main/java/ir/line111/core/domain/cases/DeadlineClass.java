package ir.line111.core.domain.cases;

import java.time.Duration;

/** Response deadlines for complaints, from registration (seed 001). The one deadline table. */
public enum DeadlineClass {
    /** No correspondence or inspection needed. */
    SIMPLE(10, "ساده — ۱۰ روز"),
    /** Correspondence with other units. */
    CORRESPONDENCE(15, "نیازمند مکاتبه — ۱۵ روز"),
    /** Inspection. */
    INSPECTION(25, "نیازمند بازرسی — ۲۵ روز"),
    /** Both correspondence and inspection. */
    CORRESPONDENCE_AND_INSPECTION(35, "مکاتبه و بازرسی — ۳۵ روز");

    private final int days;
    private final String persian;
    DeadlineClass(int days, String persian) { this.days = days; this.persian = persian; }
    public int days() { return days; }
    public String persian() { return persian; }
    public Duration duration() { return Duration.ofDays(days); }

    /** The answer is due this many calendar days after registration (seed 001 counts from registration). */
    public java.time.Instant dueAt(java.time.Instant registeredAt) { return registeredAt.plus(duration()); }
}
