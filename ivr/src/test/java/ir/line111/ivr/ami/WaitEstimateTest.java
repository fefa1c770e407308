package ir.line111.ivr.ami;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Our own wait estimate for the IVR's busy-queue diversion. */
class WaitEstimateTest {

    @Test
    void noWaitWhileAnOperatorIsFree() {
        assertThat(ServiceLevel.estimateWaitSeconds(0, 1, 3, 120, 0)).isZero();
        assertThat(ServiceLevel.estimateWaitSeconds(1, 2, 3, 120, 10)).isZero();
    }

    @Test
    void callersAheadShareTheStaffedOperatorsTalkTime() {
        // 5 waiting, nobody free, 2 staffed, 120 s talks: the new caller is 6th → 6 × 120 / 2 = 360 s.
        assertThat(ServiceLevel.estimateWaitSeconds(5, 0, 2, 120, 200)).isEqualTo(360);
        // One free operator takes the first caller: 5 ahead → 5 × 120 / 3 = 200 s.
        assertThat(ServiceLevel.estimateWaitSeconds(5, 1, 3, 120, 0)).isEqualTo(200);
    }

    @Test
    void nobodyStaffedMeansTheCap() {
        assertThat(ServiceLevel.estimateWaitSeconds(0, 0, 0, 120, 0)).isEqualTo(ServiceLevel.MAX_ESTIMATE_SECONDS);
        assertThat(ServiceLevel.estimateWaitSeconds(100, 0, 1, 600, 0)).isEqualTo(ServiceLevel.MAX_ESTIMATE_SECONDS);
    }
}
