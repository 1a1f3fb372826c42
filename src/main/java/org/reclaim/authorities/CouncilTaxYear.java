package org.reclaim.authorities;

import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * One authority's Council Tax for one financial year in one area: each precepting body's Band D amount. In a parish
 * area the list holds the authority-wide bodies and that parish's own precept; in the unparished area only the former.
 */
public record CouncilTaxYear(int authorityId, FinancialYear year, List<Precept> precepts) {

    /** A body's Band D amount; {@code parish} names the parish area it applies to, or is null across the authority. */
    public record Precept(PreceptingBody body, Money bandD, String source, @Nullable String parish) {
        public Precept(PreceptingBody body, Money bandD, String source) {
            this(body, bandD, source, null);
        }
    }

    public record BodyAmount(PreceptingBody body, Money amount) {
    }

    public CouncilTaxYear {
        precepts = List.copyOf(precepts);
    }

    /**
     * Each body's amount for the band: its Band D amount times the band's proportion (LGFA 1992, s. 5(1)), rounded to
     * the penny for each body separately (half up), as councils compute and publish the bill.
     */
    public List<BodyAmount> amountsFor(CouncilTaxBand band) {
        return precepts.stream()
                .map(p -> new BodyAmount(p.body(), p.bandD().times(band.ninthsOfBandD(), 9, RoundingMode.HALF_UP)))
                .toList();
    }

    /** Each body's Band D amount times ninths/9, rounded per body and added up (used for the disabled reduction of Band A). */
    public Money totalAtNinthsOfBandD(int ninths) {
        return precepts.stream().map(p -> p.bandD().times(ninths, 9, RoundingMode.HALF_UP)).reduce(Money.ZERO, Money::plus);
    }

    /** The band's annual charge: the sum of each body's rounded amount. */
    public Money totalFor(CouncilTaxBand band) {
        return amountsFor(band).stream().map(BodyAmount::amount).reduce(Money.ZERO, Money::plus);
    }
}
