package org.reclaim.arrangements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.Money;

/** The monitor's decision for one arrangement: £100 on the 1st of May, June and July; 3 grace days. */
class ArrangementCheckTest {

    private static final List<ArrangementCheck.Due> SCHEDULE = List.of(due(5), due(6), due(7));

    private static ArrangementCheck.Due due(int month) {
        return new ArrangementCheck.Due(LocalDate.of(2026, month, 1), Money.ofPence(10000));
    }

    private static ArrangementCheck.Outcome check(long paid, List<ArrangementCheck.Miss> recorded, String date, Integer makeGoodDays) {
        return ArrangementCheck.check(SCHEDULE, Money.ofPence(paid), recorded, LocalDate.parse(date), 3, makeGoodDays);
    }

    @Test
    void paidToDateIsKept() {
        assertThat(check(20000, List.of(), "2026-06-20", null)).isEqualTo(new ArrangementCheck.Kept(Money.ZERO));
    }

    @Test
    void aPaymentIsNotMissedWhileItsGraceDaysRun() {
        assertThat(check(10000, List.of(), "2026-06-04", null)).isEqualTo(new ArrangementCheck.Kept(Money.ZERO));
        assertThat(check(10000, List.of(), "2026-06-05", null)).isEqualTo(new ArrangementCheck.Missed(LocalDate.of(2026, 6, 1), Money.ofPence(10000)));
    }

    @Test
    void aPartPaymentIsAMissOfWhatIsShort() {
        assertThat(check(15000, List.of(), "2026-06-05", null)).isEqualTo(new ArrangementCheck.Missed(LocalDate.of(2026, 6, 1), Money.ofPence(5000)));
    }

    @Test
    void aMissAlreadyRecordedIsNotRemindedAgain() {
        List<ArrangementCheck.Miss> june = List.of(new ArrangementCheck.Miss(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5)));
        assertThat(check(10000, june, "2026-06-10", null)).isEqualTo(new ArrangementCheck.Kept(Money.ofPence(10000)));
    }

    @Test
    void aSecondMissBreaksItEvenAfterTheFirstWasMadeGood() {
        List<ArrangementCheck.Miss> june = List.of(new ArrangementCheck.Miss(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5)));
        // June made good on the 20th (20000 paid), July missed
        ArrangementCheck.Outcome outcome = check(20000, june, "2026-07-05", null);
        assertThat(outcome).isInstanceOf(ArrangementCheck.Broken.class);
        assertThat(((ArrangementCheck.Broken) outcome).reason()).contains("2026-06-01").contains("2026-07-01");
        assertThat(((ArrangementCheck.Broken) outcome).newMisses()).containsExactly(LocalDate.of(2026, 7, 1));
    }

    @Test
    void twoMissesFoundTogetherBreakIt() {
        assertThat(check(0, List.of(), "2026-06-05", null)).isInstanceOf(ArrangementCheck.Broken.class);
    }

    @Test
    void aMissNotMadeGoodInTimeBreaksIt() {
        List<ArrangementCheck.Miss> june = List.of(new ArrangementCheck.Miss(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5)));
        assertThat(check(10000, june, "2026-06-18", 14)).isInstanceOf(ArrangementCheck.Kept.class);
        assertThat(check(10000, june, "2026-06-19", 14)).isInstanceOf(ArrangementCheck.Broken.class);
        assertThat(check(20000, june, "2026-06-19", 14)).isEqualTo(new ArrangementCheck.Kept(Money.ZERO));
    }

    @Test
    void everythingPaidCompletesIt() {
        assertThat(check(30000, List.of(), "2026-07-01", null)).isEqualTo(new ArrangementCheck.Completed());
    }
}
