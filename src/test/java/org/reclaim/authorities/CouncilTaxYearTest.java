package org.reclaim.authorities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

class CouncilTaxYearTest {

    private static CouncilTaxYear.Precept precept(int id, String name, long bandDPence) {
        return new CouncilTaxYear.Precept(new PreceptingBody(id, name, PreceptorKind.OTHER), Money.ofPence(bandDPence), "test");
    }

    @Test
    void eachBodyIsRoundedOnItsOwnAndTheBillIsTheirSum() {
        // 100.00 and 100.01 at Band A (6/9): 66.666.. -> 66.67 and 66.673.. -> 66.67; the sum is 133.34,
        // whereas rounding the combined 200.01 * 6/9 = 133.34 here too; Band B shows the difference:
        // 100.00 * 7/9 = 77.777.. -> 77.78; 100.01 * 7/9 = 77.785.. -> 77.79; sum 155.57 vs 200.01 * 7/9 = 155.563.. -> 155.56
        CouncilTaxYear year = new CouncilTaxYear(1, FinancialYear.of(2025),
                List.of(precept(1, "County", 10000), precept(2, "District", 10001)));
        assertThat(year.amountsFor(CouncilTaxBand.B)).extracting(CouncilTaxYear.BodyAmount::amount)
                .containsExactly(Money.ofPence(7778), Money.ofPence(7779));
        assertThat(year.totalFor(CouncilTaxBand.B)).isEqualTo(Money.ofPence(15557));
        assertThat(year.totalFor(CouncilTaxBand.D)).isEqualTo(Money.ofPence(20001));
        assertThat(year.totalFor(CouncilTaxBand.H)).isEqualTo(Money.ofPence(40002));
    }

    @Test
    void bandProportionsAreTheStatutoryNinths() {
        assertThat(List.of(CouncilTaxBand.values())).extracting(CouncilTaxBand::ninthsOfBandD)
                .containsExactly(6, 7, 8, 9, 11, 13, 15, 18);
    }
}
