package org.reclaim.recovery.calculators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.Money;

/** Taking Control of Goods (Fees) Regulations 2014, Schedule Table 1 and reg 7, at the £1,500 edge and beyond. */
class StageFeeTest {

    static final LocalDate FROM = LocalDate.of(2014, 4, 6);
    static final StageFee COMPLIANCE = new StageFee(EnforcementStage.COMPLIANCE, FROM, Money.ofPounds(75), BigDecimal.ZERO, Money.ofPounds(1500), "test");
    static final StageFee ENFORCEMENT = new StageFee(EnforcementStage.ENFORCEMENT, FROM, Money.ofPounds(235), new BigDecimal("7.5"), Money.ofPounds(1500), "test");
    static final StageFee SALE = new StageFee(EnforcementStage.SALE_OR_DISPOSAL, FROM, Money.ofPounds(110), new BigDecimal("7.5"), Money.ofPounds(1500), "test");

    @ParameterizedTest(name = "debt {0}p -> compliance {1}p, enforcement {2}p, sale {3}p")
    @CsvSource({
            "0, 7500, 23500, 11000",
            "1, 7500, 23500, 11000",
            "150000, 7500, 23500, 11000",
            // £1,500.01: 7.5% of 1p is 0.075p, rounded down to nothing
            "150001, 7500, 23500, 11000",
            // £1,500.14: 7.5% of 14p is 1.05p -> 1p
            "150014, 7500, 23501, 11001",
            // £3,000: 7.5% of £1,500 = £112.50 (the published worked example: enforcement £347.50)
            "300000, 7500, 34750, 22250",
            // £10,000: 7.5% of £8,500 = £637.50
            "1000000, 7500, 87250, 74750",
            // £1,000,000,000, the largest the API takes: 7.5% of £999,998,500 = £74,999,887.50
            "100000000000, 7500, 7500012250, 7499999750",
    })
    void eachStagesFeeIsItsFixedFeePlus7Point5PercentOfTheDebtAbove1500(long debt, long compliance, long enforcement, long sale) {
        EnforcementStageFees fees = EnforcementStageFees.on(Money.ofPence(debt), COMPLIANCE, ENFORCEMENT, SALE);
        assertThat(fees.compliance().pence()).isEqualTo(compliance);
        assertThat(fees.enforcement().pence()).isEqualTo(enforcement);
        assertThat(fees.saleOrDisposal().pence()).isEqualTo(sale);
        assertThat(fees.feeFor(EnforcementStage.ENFORCEMENT)).isEqualTo(fees.enforcement());
    }

    @Test
    void refusesANegativeDebt() {
        assertThatThrownBy(() -> ENFORCEMENT.feeOn(Money.ofPence(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void theFeeNeverFallsAsTheDebtRisesAndNeverExceedsTheFixedFeePlus7Point5Percent(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long debt, @ForAll @LongRange(min = 0, max = 10_000_000) long more) {
        assertThat(ENFORCEMENT.feeOn(Money.ofPence(debt + more)).pence()).isGreaterThanOrEqualTo(ENFORCEMENT.feeOn(Money.ofPence(debt)).pence());
        long excess = Math.max(0, debt - 150000);
        assertThat(ENFORCEMENT.feeOn(Money.ofPence(debt)).pence() * 1000).isBetween(23500L * 1000 + excess * 75 - 999, 23500L * 1000 + excess * 75);
    }
}
