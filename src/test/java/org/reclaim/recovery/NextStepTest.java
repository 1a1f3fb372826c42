package org.reclaim.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.shared.Money;

class NextStepTest {

    private static RecoveryPath path(RevenueStream stream, RecoveryPath.CostsPolicy policy) {
        return new RecoveryPath(1, stream, 1, 0, policy, DefaultPaths.forStream(stream).orElseThrow(), "default",
                OffsetDateTime.parse("2019-01-01T00:00:00Z"), "test");
    }

    /** A year whose final notice of {@code noticeOn} is unpaid, its last sum having fallen due on {@code lastFellDue}. */
    private static NextStep.YearState afterFinalNotice(RevenueStream stream, LocalDate noticeOn, @Nullable LocalDate lastFellDue) {
        return new NextStep.YearState(stream, Money.ofPence(50_000), Money.ofPence(50_000), "FINAL_NOTICE", noticeOn, null, 1,
                Money.ZERO, null, Money.ZERO, false, lastFellDue);
    }

    @Test
    void aCouncilTaxSummonsIsBarredOnTheDaySixYearsFromTheLastSumFallingDueAndNotTheDayBefore() {
        RecoveryPath ct = path(RevenueStream.COUNCIL_TAX, RecoveryPath.CostsPolicy.STAND);
        LocalDate lastFellDue = LocalDate.of(2020, 3, 1);
        LocalDate noticeOn = LocalDate.of(2026, 1, 5);

        // SI 1992/613 reg 34(3): the 6 years begin with the day the sum fell due, so the last day is 28 February 2026
        NextStep.Decision inTime = NextStep.decide(afterFinalNotice(RevenueStream.COUNCIL_TAX, noticeOn, lastFellDue), ct,
                LocalDate.of(2026, 2, 28));
        assertThat(inTime.code()).isEqualTo("SUMMONS");
        assertThat(inTime.now()).isTrue();

        NextStep.Decision barred = NextStep.decide(afterFinalNotice(RevenueStream.COUNCIL_TAX, noticeOn, lastFellDue), ct,
                LocalDate.of(2026, 3, 1));
        assertThat(barred.code()).isNull();
        assertThat(barred.rule()).startsWith("SI 1992/613 reg 34(3)").contains("2020-03-01");
    }

    @Test
    void aSummonsNotYetDueIsBarredIfItsOwnDateFallsAfterTheSixYears() {
        RecoveryPath ct = path(RevenueStream.COUNCIL_TAX, RecoveryPath.CostsPolicy.STAND);
        // the final notice of 25 February 2026: the summons could be issued on 4 March, after the bar of 1 March
        NextStep.Decision d = NextStep.decide(afterFinalNotice(RevenueStream.COUNCIL_TAX, LocalDate.of(2026, 2, 25), LocalDate.of(2020, 3, 1)),
                ct, LocalDate.of(2026, 2, 26));
        assertThat(d.code()).isNull();
        assertThat(d.rule()).startsWith("SI 1992/613 reg 34(3)");
    }

    @Test
    void aRecentYearIsSummonsedAsBefore() {
        RecoveryPath ct = path(RevenueStream.COUNCIL_TAX, RecoveryPath.CostsPolicy.STAND);
        NextStep.Decision d = NextStep.decide(afterFinalNotice(RevenueStream.COUNCIL_TAX, LocalDate.of(2026, 4, 16), LocalDate.of(2027, 3, 1)),
                ct, LocalDate.of(2026, 4, 23));
        assertThat(d.code()).isEqualTo("SUMMONS");
        assertThat(d.on()).isEqualTo(LocalDate.of(2026, 4, 23));
    }

    @Test
    void aYearOwingAgainAfterItsSummonsCostsWereWithdrawnIsLeftToAnOfficerAndSaysSo() {
        RecoveryPath ct = path(RevenueStream.COUNCIL_TAX, RecoveryPath.CostsPolicy.WITHDRAW);
        NextStep.YearState settled = new NextStep.YearState(RevenueStream.COUNCIL_TAX, Money.ZERO, Money.ZERO, NextStep.COSTS_WITHDRAWN,
                LocalDate.of(2026, 5, 1), null, 1, Money.ZERO, null, Money.ZERO, true, LocalDate.of(2027, 3, 1));
        assertThat(NextStep.decide(settled, ct, LocalDate.of(2026, 6, 1)).rule()).startsWith("summons costs withdrawn");

        NextStep.YearState owingAgain = new NextStep.YearState(RevenueStream.COUNCIL_TAX, Money.ofPence(12_000), Money.ofPence(12_000),
                NextStep.COSTS_WITHDRAWN, LocalDate.of(2026, 5, 1), null, 1, Money.ZERO, null, Money.ZERO, true, LocalDate.of(2027, 3, 1));
        NextStep.Decision d = NextStep.decide(owingAgain, ct, LocalDate.of(2026, 6, 1));
        assertThat(d.code()).isNull();
        assertThat(d.rule()).isEqualTo("owes £120.00 again after the summons was paid before the hearing and its costs withdrawn: "
                + "a further complaint for the year is an officer's decision");
    }

    @Test
    void aStageIsNotIssuedBelowTheCouncilsMinimumForItAndIsAtIt() {
        RecoveryPath byDefault = path(RevenueStream.COUNCIL_TAX, RecoveryPath.CostsPolicy.STAND);
        java.util.List<RecoveryPath.Stage> stages = new java.util.ArrayList<>(byDefault.stages());
        RecoveryPath.Stage reminder = stages.get(0);
        stages.set(0, new RecoveryPath.Stage(reminder.code(), reminder.waitDays(), reminder.costs(), reminder.needsAuthorisation(),
                reminder.inUse(), reminder.document(), Money.ofPence(500)));
        RecoveryPath minimumFive = new RecoveryPath(1, RevenueStream.COUNCIL_TAX, 2, 0, RecoveryPath.CostsPolicy.STAND, stages, "de minimis",
                byDefault.changedAt(), "admin");
        LocalDate day = LocalDate.of(2026, 4, 2);

        NextStep.Decision below = NextStep.decide(missed(499), minimumFive, day);
        assertThat(below.code()).isNull();
        assertThat(below.rule()).isEqualTo("REMINDER_1 not issued for £4.99: below the authority's minimum of £5.00 for the stage");
        assertThat(NextStep.decide(missed(500), minimumFive, day).code()).isEqualTo("REMINDER_1");
        assertThat(NextStep.decide(missed(499), byDefault, day).code()).isEqualTo("REMINDER_1");
    }

    private static NextStep.YearState missed(long pence) {
        return new NextStep.YearState(RevenueStream.COUNCIL_TAX, Money.ofPence(pence), Money.ofPence(100_000), null, null, null, 0,
                Money.ZERO, null, Money.ZERO, false, LocalDate.of(2027, 3, 1));
    }
}
