package org.reclaim.reporting;

import java.time.LocalDate;
import java.util.List;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports of totals; they hold no personal data. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportsController {

    record Share(String name, long sharePence) {
    }

    record Year(String financialYear, long collectedPence, List<Share> precepts) {
    }

    /** Business Rates collected for one year, split by that year's retained-rates shares. */
    record RatesYear(String financialYear, long collectedPence, List<Share> shares) {
    }

    record CollectionFundView(String authority, LocalDate from, LocalDate to, long councilTaxCollectedPence, List<Year> councilTax,
                              long businessRatesCollectedPence, List<RatesYear> businessRates) {
    }

    private final CollectionFund collectionFund;
    private final Authorities authorities;

    ReportsController(CollectionFund collectionFund, Authorities authorities) {
        this.collectionFund = collectionFund;
        this.authorities = authorities;
    }

    @GetMapping("/collection-fund")
    CollectionFundView collectionFund(@RequestParam String authority,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw InvalidInput.of("to", "must not be before from");
        }
        CollectionFund.Report r = collectionFund.report(authorities.named(authority, "authority"), from, to);
        return new CollectionFundView(r.authority(), r.from(), r.to(), r.councilTaxCollected().pence(),
                r.councilTaxByYear().stream().map(y -> new Year(y.year().toString(), y.collected().pence(),
                        shares(y))).toList(),
                r.businessRatesCollected().pence(),
                r.businessRatesByYear().stream().map(y -> new RatesYear(y.year().toString(), y.collected().pence(), shares(y))).toList());
    }

    private static List<Share> shares(CollectionFund.YearCollected y) {
        return y.shares().stream().map(s -> new Share(s.name(), s.share().pence())).toList();
    }
}
