package org.reclaim.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.CouncilTaxYear;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * What a Council Tax demand notice must say about the authorities its amount is for (Council Tax (Demand Notices)
 * (England) Regulations 2011, SI 2011/3038, reg 5 and Schedule 1): each authority's amount for the dwelling's band this
 * year (its Band D amount times the band's ninths, LGFA 1992 s. 5(1), as the bill was worked out) and the change in
 * its Band D amount from the preceding year. One per letters run: the figures of an authority, year and parish area
 * are read once, however many bills share them (a million on annual billing day).
 */
final class DemandNoticeFigures {

    private record Area(int authorityId, int year, @Nullable Integer parishId) {
    }

    private final Authorities authorities;
    private final Map<Area, Optional<CouncilTaxYear>> years = new HashMap<>();

    DemandNoticeFigures(Authorities authorities) {
        this.authorities = authorities;
    }

    /** Each authority's amount for the band, and the change on last year: rows {@code body}, {@code amount}, {@code change}. */
    List<Map<String, String>> precepts(int authorityId, int year, @Nullable Integer parishId, @Nullable String band) {
        List<Map<String, String>> rows = new ArrayList<>();
        Optional<CouncilTaxYear> now = year(authorityId, year, parishId);
        if (band == null || band.isBlank() || now.isEmpty()) {
            return rows;
        }
        CouncilTaxBand b = CouncilTaxBand.parse(band);
        Map<Integer, Money> bandD = new HashMap<>();
        now.get().precepts().forEach(p -> bandD.put(p.body().id(), p.bandD()));
        Map<Integer, Money> lastYear = new HashMap<>();
        year(authorityId, year - 1, parishId).ifPresent(y -> y.precepts().forEach(p -> lastYear.put(p.body().id(), p.bandD())));
        for (CouncilTaxYear.BodyAmount a : now.get().amountsFor(b)) {
            rows.add(Map.of("body", a.body().name(), "amount", a.amount().toString(),
                    "change", change(lastYear.get(a.body().id()), bandD.get(a.body().id()))));
        }
        return rows;
    }

    /** "+4.9%", "-1.0%", "0.0%" to one decimal place, half up; "new" when the body set no amount last year. */
    static String change(@Nullable Money before, Money now) {
        if (before == null || before.pence() == 0) {
            return "new";
        }
        BigDecimal percent = BigDecimal.valueOf(now.pence() - before.pence()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(before.pence()), 1, RoundingMode.HALF_UP);
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "%";
    }

    private Optional<CouncilTaxYear> year(int authorityId, int year, @Nullable Integer parishId) {
        return years.computeIfAbsent(new Area(authorityId, year, parishId),
                a -> authorities.councilTax(a.authorityId(), FinancialYear.of(a.year()), a.parishId()));
    }
}
