package org.reclaim.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.reclaim.authorities.CouncilTaxYear;
import org.reclaim.authorities.PreceptingBody;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

class CollectionFundTest {

    private static CouncilTaxYear year(long... bandDs) {
        List<CouncilTaxYear.Precept> precepts = new java.util.ArrayList<>();
        for (int i = 0; i < bandDs.length; i++) {
            precepts.add(new CouncilTaxYear.Precept(new PreceptingBody(i + 1, "Body " + (i + 1), PreceptorKind.OTHER), Money.ofPence(bandDs[i]), "test"));
        }
        return new CouncilTaxYear(1, FinancialYear.of(2025), precepts);
    }

    @Test
    void sharesFollowTheBandDAmounts() {
        // county 1681.50, police 300.23, fire 86.65 (2025/26, Leicestershire): £1,000 collected
        List<CollectionFund.BodyShare> shares = CollectionFund.shares(year(168150, 30023, 8665), Money.ofPounds(1000));
        // 100000 x 168150 / 206838 = 81295.7..., 30023 -> 14515.3..., 8665 -> 4189.2...: the spare penny goes to the county
        assertThat(shares).extracting(s -> s.share().pence()).containsExactly(81296L, 14515L, 4189L);
    }

    @Property
    void sharesAlwaysAddUpToWhatWasCollected(@ForAll @Size(min = 1, max = 6) List<@LongRange(min = 0, max = 500_000) Long> bandDs,
                                             @ForAll @LongRange(min = -10_000_000, max = 1_000_000_000) long collected) {
        if (bandDs.stream().mapToLong(Long::longValue).sum() == 0) {
            return;
        }
        List<CollectionFund.BodyShare> shares = CollectionFund.shares(year(bandDs.stream().mapToLong(Long::longValue).toArray()),
                Money.ofPence(collected));
        assertThat(shares.stream().mapToLong(s -> s.share().pence()).sum()).isEqualTo(collected);
    }

    @Test
    void businessRatesAreSharedByTheRetainedRatesPercentages() {
        List<org.reclaim.authorities.BusinessRatesShares.Share> twoTier = List.of(
                new org.reclaim.authorities.BusinessRatesShares.Share("Central government", new java.math.BigDecimal("50"), "test"),
                new org.reclaim.authorities.BusinessRatesShares.Share("District", new java.math.BigDecimal("40"), "test"),
                new org.reclaim.authorities.BusinessRatesShares.Share("County", new java.math.BigDecimal("9"), "test"),
                new org.reclaim.authorities.BusinessRatesShares.Share("Fire", new java.math.BigDecimal("1"), "test"));
        assertThat(CollectionFund.shares(twoTier, Money.ofPence(100_001))).extracting(s -> s.share().pence())
                .containsExactly(50_001L, 40_000L, 9_000L, 1_000L);
        assertThat(CollectionFund.shares(List.<org.reclaim.authorities.BusinessRatesShares.Share>of(), Money.ofPence(5))).isEmpty();
    }
}
