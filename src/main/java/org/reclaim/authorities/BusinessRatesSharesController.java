package org.reclaim.authorities;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A year's retained Business Rates shares for an authority: an administrator sets them, anyone signed in reads them.
 * Percentages travel as strings ("50", "9.5") so that no share passes through a binary fraction.
 */
@RestController
@RequestMapping("/api/v1/authorities/{code}/business-rates-shares/{year}")
class BusinessRatesSharesController {

    record ShareInput(@NotBlank @Size(max = 200) String name, @NotBlank(message = "is required, for example \"40\"") String percent,
                      @Nullable @Size(max = 500) String source) {
    }

    record SharesInput(@NotEmpty(message = "must list at least one share") List<@Valid @NotNull ShareInput> shares) {
    }

    record ShareView(String name, String percent, String source) {
    }

    record SharesView(String authority, String financialYear, List<ShareView> shares) {
    }

    private final Authorities authorities;
    private final BusinessRatesShares shares;

    BusinessRatesSharesController(Authorities authorities, BusinessRatesShares shares) {
        this.authorities = authorities;
        this.shares = shares;
    }

    @PutMapping
    SharesView set(@PathVariable String code, @PathVariable int year, @Valid @RequestBody SharesInput input) {
        BillingAuthority authority = authorities.byGssCode(code);
        FinancialYear financialYear = FinancialYear.fromRequest(year, "year");
        List<BusinessRatesShares.Share> parsed = new ArrayList<>();
        for (int i = 0; i < input.shares().size(); i++) {
            ShareInput s = input.shares().get(i);
            BigDecimal percent;
            try {
                percent = new BigDecimal(s.percent().trim());
            } catch (NumberFormatException e) {
                throw InvalidInput.of("shares[" + i + "].percent", "must be a number of percent such as \"40\" or \"9.5\"");
            }
            parsed.add(new BusinessRatesShares.Share(s.name().trim(), percent,
                    s.source() == null ? "set by " + AccessAudit.currentUser() : s.source()));
        }
        return view(authority, financialYear, shares.replace(authority.id(), financialYear, parsed));
    }

    @GetMapping
    SharesView get(@PathVariable String code, @PathVariable int year) {
        BillingAuthority authority = authorities.byGssCode(code);
        FinancialYear financialYear = FinancialYear.fromRequest(year, "year");
        List<BusinessRatesShares.Share> set = shares.of(authority.id(), financialYear);
        if (set.isEmpty()) {
            throw NotFound.of("Business Rates shares set for " + authority.name() + " in", financialYear);
        }
        return view(authority, financialYear, set);
    }

    private static SharesView view(BillingAuthority authority, FinancialYear year, List<BusinessRatesShares.Share> set) {
        return new SharesView(authority.gssCode(), year.toString(),
                set.stream().map(s -> new ShareView(s.name(), s.percent().toPlainString(), s.source())).toList());
    }
}
