package org.reclaim.arrangements;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.Money;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An authority's spending guidelines and arrangements policy: anyone signed in reads them, an administrator changes
 * them (SecurityConfig: /api/v1/authorities/**). Each change is a new version with who, when and why.
 */
@RestController
@RequestMapping("/api/v1/authorities/{code}")
class ArrangementSettingsController {

    record GuidelineInput(@NotBlank String item, @NotNull Integer adults, @NotNull Integer children, @NotNull Long monthlyPence) {
    }

    record GuidelinesInput(@NotNull LocalDate effectiveFrom, @NotBlank String source, @NotBlank String reason,
                           @NotNull List<@Valid GuidelineInput> guidelines) {
    }

    record GuidelineView(String item, int adults, int children, long monthlyPence) {
    }

    record VersionView(int version, LocalDate effectiveFrom, String source, String reason, OffsetDateTime setAt, String setBy,
                       List<GuidelineView> guidelines) {
    }

    /** {@code message} says "no guideline set" while the authority has entered none. */
    record GuidelinesView(String authority, @Nullable String message, List<VersionView> versions) {
    }

    record PolicyInput(@NotNull Integer graceDays, @Nullable Integer makeGoodDays, @NotNull List<String> streamOrder, @NotBlank String reason,
                       @Nullable Integer longestTermMonths) {
    }

    record PolicyView(String authority, ArrangementPolicies.Policy current, List<ArrangementPolicies.Policy> history) {
    }

    private final SpendingGuidelines guidelines;
    private final ArrangementPolicies policies;
    private final Authorities authorities;

    ArrangementSettingsController(SpendingGuidelines guidelines, ArrangementPolicies policies, Authorities authorities) {
        this.guidelines = guidelines;
        this.policies = policies;
        this.authorities = authorities;
    }

    @GetMapping("/spending-guidelines")
    GuidelinesView guidelines(@PathVariable String code) {
        BillingAuthority council = authorities.byGssCode(code);
        List<VersionView> versions = guidelines.history(council.id()).stream().map(ArrangementSettingsController::view).toList();
        return new GuidelinesView(council.gssCode(), versions.isEmpty() ? "no guideline set: Reclaim ships no Standard Financial Statement "
                + "spending guidelines (the current figures are for members only); an administrator enters the authority's" : null, versions);
    }

    @PutMapping("/spending-guidelines")
    VersionView setGuidelines(@PathVariable String code, @Valid @RequestBody GuidelinesInput in) {
        BillingAuthority council = authorities.byGssCode(code);
        return view(guidelines.set(council.id(), in.effectiveFrom(), in.source(), in.reason(), in.guidelines().stream()
                .map(g -> new SpendingGuidelines.Guideline(g.item(), g.adults(), g.children(), Money.ofPence(g.monthlyPence()))).toList()));
    }

    @GetMapping("/arrangement-policy")
    PolicyView policy(@PathVariable String code) {
        BillingAuthority council = authorities.byGssCode(code);
        return new PolicyView(council.gssCode(), policies.current(council.id()), policies.history(council.id()));
    }

    @PutMapping("/arrangement-policy")
    PolicyView setPolicy(@PathVariable String code, @Valid @RequestBody PolicyInput in) {
        BillingAuthority council = authorities.byGssCode(code);
        policies.change(council.id(), in.graceDays(), in.makeGoodDays(), in.streamOrder(), in.reason(), in.longestTermMonths());
        return policy(code);
    }

    private static VersionView view(SpendingGuidelines.Version v) {
        return new VersionView(v.version(), v.effectiveFrom(), v.source(), v.reason(), v.setAt(), v.setBy(), v.guidelines().stream()
                .map(g -> new GuidelineView(g.item(), g.adults(), g.children(), g.monthly().pence())).toList());
    }
}
