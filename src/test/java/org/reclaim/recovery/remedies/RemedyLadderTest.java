package org.reclaim.recovery.remedies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.recovery.calculators.Benefit;
import org.reclaim.recovery.calculators.PayPeriod;
import org.reclaim.shared.Money;

class RemedyLadderTest {

    private static final LocalDate LO = LocalDate.of(2026, 7, 1);

    private static RemedyLadder.Situation situation(RevenueStream stream, Money owed, RemedyLadder.Earnings earnings, boolean vulnerable,
                                                    boolean nullaBona, Map<RemedyKind, LocalDate> confirmed) {
        return new RemedyLadder.Situation(stream, 2026, LO, owed, null, false, false, vulnerable, false, earnings,
                new RemedyLadder.BenefitKnown(Benefit.UNIVERSAL_CREDIT, Money.ofPence(2125), PayPeriod.MONTHLY, true), null, Money.ofPence(7500),
                owed.pence() >= 100000, owed.pence() >= 500000, confirmed, nullaBona, nullaBona);
    }

    private static RemedyLadder.Earnings employer(int liveOrders) {
        return new RemedyLadder.Earnings("Acme", PayPeriod.WEEKLY, Money.ofPence(35500), Money.ofPence(4260), liveOrders);
    }

    @Test
    void anEmployerComesBeforeABenefitBeforeAnAgent() {
        RemedyLadder.YearRemedies r = RemedyLadder.decide(situation(RevenueStream.COUNCIL_TAX, Money.ofPence(60000), employer(0), false, false, Map.of()));
        assertThat(r.options()).extracting(RemedyLadder.Option::remedy).containsExactly(RemedyKind.values());
        assertThat(r.proposed()).isEqualTo(RemedyKind.ATTACHMENT_OF_EARNINGS);
        assertThat(r.option(RemedyKind.ATTACHMENT_OF_EARNINGS).deductionPence()).isEqualTo(4260);
        assertThat(RemedyLadder.decide(situation(RevenueStream.COUNCIL_TAX, Money.ofPence(60000), null, false, false, Map.of())).proposed())
                .isEqualTo(RemedyKind.ATTACHMENT_OF_BENEFIT);
    }

    @Test
    void twoOrdersInForceLeaveNoRoomForAThird() {
        RemedyLadder.YearRemedies r = RemedyLadder.decide(situation(RevenueStream.COUNCIL_TAX, Money.ofPence(60000), employer(2), false, false, Map.of()));
        assertThat(r.option(RemedyKind.ATTACHMENT_OF_EARNINGS).available()).isFalse();
        assertThat(r.option(RemedyKind.ATTACHMENT_OF_EARNINGS).rule()).contains("reg 37(4)");
        assertThat(RemedyLadder.decide(situation(RevenueStream.COUNCIL_TAX, Money.ofPence(60000), employer(1), false, false, Map.of()))
                .option(RemedyKind.ATTACHMENT_OF_EARNINGS).available()).isTrue();
    }

    @Test
    void businessRatesHaveNoAttachments() {
        RemedyLadder.YearRemedies r = RemedyLadder.decide(situation(RevenueStream.BUSINESS_RATES, Money.ofPence(60000), employer(0), false, false, Map.of()));
        assertThat(r.proposed()).isEqualTo(RemedyKind.ENFORCEMENT_AGENT);
        assertThat(r.option(RemedyKind.CHARGING_ORDER).available()).isFalse();
    }

    @Test
    void committalOnlyAfterNullaBonaAndThenForATeamLeader() {
        assertThat(RemedyLadder.decide(situation(RevenueStream.COUNCIL_TAX, Money.ofPence(60000), null, false, false, Map.of()))
                .option(RemedyKind.COMMITTAL).available()).isFalse();
        RemedyLadder.YearRemedies after = RemedyLadder.decide(situation(RevenueStream.COUNCIL_TAX, Money.ofPence(60000), null, false, true,
                Map.of(RemedyKind.ENFORCEMENT_AGENT, LO.plusDays(30))));
        assertThat(after.option(RemedyKind.COMMITTAL).available()).isTrue();
        assertThat(after.option(RemedyKind.COMMITTAL).needsTeamLeader()).isTrue();
        assertThat(after.option(RemedyKind.ENFORCEMENT_AGENT).available()).isFalse();
    }

    @Test
    void thresholdsDecideChargingOrderAndBankruptcy() {
        RemedyLadder.YearRemedies small = RemedyLadder.decide(situation(RevenueStream.COUNCIL_TAX, Money.ofPence(99999), null, false, false, Map.of()));
        assertThat(small.option(RemedyKind.CHARGING_ORDER).available()).isFalse();
        RemedyLadder.YearRemedies large = RemedyLadder.decide(situation(RevenueStream.COUNCIL_TAX, Money.ofPence(500000), null, false, false, Map.of()));
        assertThat(large.option(RemedyKind.CHARGING_ORDER).available()).isTrue();
        assertThat(large.option(RemedyKind.BANKRUPTCY).available()).isTrue();
    }

    @Test
    void noLiabilityOrderNoOptions() {
        RemedyLadder.Situation s = situation(RevenueStream.COUNCIL_TAX, Money.ofPence(60000), employer(0), false, false, Map.of());
        RemedyLadder.Situation without = new RemedyLadder.Situation(s.stream(), s.financialYear(), null, s.owed(), null, false, false, false, false,
                s.earnings(), s.benefit(), null, s.complianceFee(), true, false, Map.of(), false, false);
        RemedyLadder.YearRemedies r = RemedyLadder.decide(without);
        assertThat(r.options()).isEmpty();
        assertThat(r.why()).contains("without a liability order");
    }
}
