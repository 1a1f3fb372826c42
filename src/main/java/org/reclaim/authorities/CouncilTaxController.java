package org.reclaim.authorities;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.reclaim.shared.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A year's Council Tax for an authority: an administrator sets each precepting body's Band D amount; anyone signed
 * in reads the resulting band amounts. The year is the one that starts on 1 April of {@code year}.
 */
@RestController
@RequestMapping("/api/v1/authorities/{code}/council-tax/{year}")
class CouncilTaxController {

    /** A body's Band D amount; with {@code parish}, a parish precept paid only in that parish area (added if new). */
    record PreceptInput(@NotBlank @Size(max = 200) String name, @NotNull @PositiveOrZero @Max(value = 100_000_000, message = "must not exceed £1,000,000 (the amount is in pence)") Long bandDPence,
                        @Nullable PreceptorKind kind, @Nullable @Size(max = 500) String source,
                        @Nullable @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String parish) {
    }

    record YearInput(@NotEmpty(message = "must list at least one precepting body") List<@Valid @NotNull PreceptInput> precepts) {
    }

    record BodyView(String name, PreceptorKind kind, long amountPence) {
    }

    record BandView(CouncilTaxBand band, long amountPence, List<BodyView> precepts) {
    }

    /** {@code parish} is the parish area the bands are for, or null for the unparished area. */
    record BandsView(String authority, String financialYear, List<BandView> bands, @Nullable String parish) {
    }

    private final Authorities authorities;

    CouncilTaxController(Authorities authorities) {
        this.authorities = authorities;
    }

    @PutMapping
    BandsView set(@PathVariable String code, @PathVariable int year, @Valid @RequestBody YearInput input) {
        BillingAuthority authority = authorities.byGssCode(code);
        FinancialYear financialYear = year(year);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < input.precepts().size(); i++) {
            if (!names.add(input.precepts().get(i).name().trim())) {
                throw InvalidInput.of("precepts[" + i + "].name", "names a body already listed");
            }
        }
        authorities.replacePrecepts(authority.id(), financialYear, input.precepts().stream()
                .map(p -> new Authorities.PreceptSetting(p.name().trim(), kind(p),
                        Money.ofPence(p.bandDPence()), p.source() == null ? "set by " + org.reclaim.shared.AccessAudit.currentUser() : p.source(),
                        p.parish() == null ? null : p.parish().trim()))
                .toList());
        return bands(code, year, null);
    }

    private static PreceptorKind kind(PreceptInput p) {
        if (p.kind() != null) {
            return p.kind();
        }
        return p.parish() == null ? PreceptorKind.OTHER : PreceptorKind.PARISH;
    }

    /** The bands of the unparished area, or with {@code ?parish=} of that parish area (its own precept included). */
    @GetMapping("/bands")
    BandsView bands(@PathVariable String code, @PathVariable int year, @RequestParam(required = false) @Nullable String parish) {
        BillingAuthority authority = authorities.byGssCode(code);
        FinancialYear financialYear = year(year);
        Parish area = parish == null ? null : authorities.parishNamed(authority.id(), parish, "parish");
        CouncilTaxYear config = authorities.councilTax(authority.id(), financialYear, area == null ? null : area.id())
                .orElseThrow(() -> NotFound.of("Council Tax set for " + authority.name() + " in", financialYear));
        List<BandView> bands = Arrays.stream(CouncilTaxBand.values())
                .map(band -> new BandView(band, config.totalFor(band).pence(), config.amountsFor(band).stream()
                        .map(a -> new BodyView(a.body().name(), a.body().kind(), a.amount().pence())).toList()))
                .toList();
        return new BandsView(authority.gssCode(), financialYear.toString(), bands, area == null ? null : area.name());
    }

    private static FinancialYear year(int year) {
        return FinancialYear.fromRequest(year, "year");
    }
}
