package org.reclaim.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A Council Tax account's changes of circumstances by date, and the rebills each one makes. */
@RestController
@RequestMapping("/api/v1/accounts/{reference}/council-tax-circumstances")
class CircumstancesController {

    record ChangeRequest(@NotNull(message = "is required: the first day the change applies") LocalDate effectiveFrom,
                         CouncilTaxCircumstances.@Nullable Discount discount,
                         @Nullable Boolean disabledBandReduction,
                         @Nullable @Pattern(regexp = "[BD-W]", message = "must be an exemption class of England: B or D to W") String exemptionClass,
                         @Nullable @Min(0) @Max(300) Integer premiumPercent,
                         @Nullable @Size(max = 100) String premiumReason,
                         @NotBlank(message = "is required: say what changed, e.g. 'partner moved out'") @Size(max = 200) String reason,
                         @Nullable LocalDate issuedOn) {
    }

    record ChangeView(long id, LocalDate effectiveFrom, CouncilTaxCircumstances.Discount discount, boolean disabledBandReduction,
                      @Nullable String exemptionClass, int premiumPercent, @Nullable String premiumReason, String reason, Instant recordedAt,
                      String recordedBy) {
        static ChangeView of(CircumstanceChanges.Change c) {
            CouncilTaxCircumstances s = c.circumstances();
            return new ChangeView(c.id(), c.effectiveFrom(), s.discount(), s.disabledBandReduction(), s.exemptionClass(), s.premiumPercent(),
                    s.premiumReason(), c.reason(), c.recordedAt(), c.recordedBy());
        }
    }

    record RecordedView(ChangeView change, List<BillsController.BillView> rebills) {
    }

    private final CircumstanceChanges changes;
    private final Accounts accounts;
    private final Clock clock;

    CircumstancesController(CircumstanceChanges changes, Accounts accounts, Clock clock) {
        this.changes = changes;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Records what applies from a date and rebills every billed year from then: only the difference is posted. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RecordedView record(@PathVariable String reference, @Valid @RequestBody ChangeRequest r) {
        CouncilTaxCircumstances circumstances = CouncilTaxCircumstances.fromRequest(r.disabledBandReduction(), r.discount(),
                r.exemptionClass(), r.premiumPercent(), r.premiumReason(), null);
        CircumstanceChanges.Recorded recorded = changes.record(AccountReference.fromRequest(reference), r.effectiveFrom(), circumstances,
                r.reason(), r.issuedOn() == null ? LocalDate.now(clock) : r.issuedOn());
        return new RecordedView(ChangeView.of(recorded.change()), recorded.rebills().stream().map(BillsController.BillView::of).toList());
    }

    @GetMapping
    List<ChangeView> history(@PathVariable String reference) {
        return changes.of(accounts.readForRequest(reference, "/council-tax-circumstances")).stream().map(ChangeView::of).toList();
    }
}
