package org.reclaim.worklists;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The worklist score: each part's points, their caps, and the total that orders a list. */
class WorklistScoreTest {

    @Test
    void eachPartGivesItsPoints() {
        WorklistScore.Points p = WorklistScore.of(new WorklistScore.Parts(23_302, 40, 233_002, false, 12L));

        assertThat(p.arrearsPence()).isEqualTo(23);          // £233.02 overdue: 1 point a whole £10
        assertThat(p.arrearsAgeDays()).isEqualTo(40);        // 1 point a day
        assertThat(p.projectedArrearsPence()).isEqualTo(46); // £2,330.02 if nothing more is paid: 1 point a whole £50
        assertThat(p.vulnerable()).isZero();
        assertThat(p.daysSinceLastContact()).isEqualTo(12);
        assertThat(p.total()).isEqualTo(23 + 40 + 46 + 12);
    }

    @Test
    void everyPartIsCappedSoNoSinglePartDecidesAlone() {
        WorklistScore.Points p = WorklistScore.of(new WorklistScore.Parts(10_000_000, 5_000, 99_000_000, true, 400L));

        assertThat(p.arrearsPence()).isEqualTo(WorklistScore.ARREARS_CAP);
        assertThat(p.arrearsAgeDays()).isEqualTo(WorklistScore.AGE_CAP);
        assertThat(p.projectedArrearsPence()).isEqualTo(WorklistScore.PROJECTED_CAP);
        assertThat(p.vulnerable()).isEqualTo(WorklistScore.VULNERABLE_POINTS);
        assertThat(p.daysSinceLastContact()).isEqualTo(WorklistScore.CONTACT_CAP);
        assertThat(p.total()).isEqualTo(500 + 365 + 200 + 300 + 90);
    }

    @Test
    void neverContactedCountsAsLongAgoAsTheCap() {
        assertThat(WorklistScore.of(new WorklistScore.Parts(0, 0, 0, false, null)).daysSinceLastContact()).isEqualTo(WorklistScore.CONTACT_CAP);
        assertThat(WorklistScore.of(new WorklistScore.Parts(0, 0, 0, false, 0L)).total()).isZero();
    }

    @Test
    void nothingNegativeTakesPointsAway() {
        // a year in credit, or a run dated after today
        WorklistScore.Points p = WorklistScore.of(new WorklistScore.Parts(-5_000, -3, -70_000, false, 0L));

        assertThat(p.total()).isZero();
    }

    @Test
    void aVulnerableCustomerOutranksTheSameDebtAndAHigherOneOfUpToThreeThousandPounds() {
        long vulnerable = WorklistScore.of(new WorklistScore.Parts(50_000, 30, 100_000, true, 10L)).total();
        long same = WorklistScore.of(new WorklistScore.Parts(50_000, 30, 100_000, false, 10L)).total();
        long bigger = WorklistScore.of(new WorklistScore.Parts(300_000, 30, 100_000, false, 10L)).total();

        assertThat(vulnerable).isEqualTo(same + WorklistScore.VULNERABLE_POINTS);
        assertThat(vulnerable).isGreaterThan(bigger);
    }

    @Test
    void theSqlUsesTheSameWeights() {
        assertThat(WorklistScore.SQL)
                .contains("least(500, greatest(0, arrears_pence) / 1000)")
                .contains("least(365, greatest(0, age_days) / 1)")
                .contains("least(200, greatest(0, projected_pence) / 5000)")
                .contains("case when vulnerable then 300 else 0 end")
                .contains("coalesce(least(90, greatest(0, contact_days) / 1), 90)");
    }
}
