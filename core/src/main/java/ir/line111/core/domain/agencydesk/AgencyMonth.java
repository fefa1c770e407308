package ir.line111.core.domain.agencydesk;

import java.util.List;

/**
 * One agency in one Jalali month (issue 16's supervisor report): answers given and how many on time, the
 * median days from registration to answer, objections per answer, the callers' satisfaction keyed in the IVR
 * (1-5, where recorded), and the subjects with the most complaints (the seeds' "weak points and bottlenecks").
 */
public record AgencyMonth(long agencyId, String agencyName, int jalaliYear, int jalaliMonth, int answered, int answeredOnTime,
                          Double medianDaysToAnswer, int objections, Double satisfaction, int satisfactionCalls, int complaints,
                          List<String> topSubjects) {
    public AgencyMonth {
        topSubjects = List.copyOf(topSubjects);
    }

    /** Answered on time, in percent; null without answers. */
    public Double onTimePercent() {
        return answered == 0 ? null : Math.round(1000.0 * answeredOnTime / answered) / 10.0;
    }

    /** Objections per answer; null without answers. */
    public Double objectionsPerAnswer() {
        return answered == 0 ? null : Math.round(100.0 * objections / answered) / 100.0;
    }
}
