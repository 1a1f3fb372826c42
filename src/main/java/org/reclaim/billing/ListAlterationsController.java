package org.reclaim.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.Money;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alterations of the Valuation Office Agency's lists, often backdated: a dwelling's Council Tax band, a hereditament's
 * rateable value. Each is recorded from its date and answered with the rebills it caused; {@code issuedOn} is the day
 * the revised notices are issued, today unless given.
 */
@RestController
class ListAlterationsController {

    record BandChange(@NotNull CouncilTaxBand band, @NotNull LocalDate effectiveFrom, @Nullable LocalDate issuedOn) {
    }

    /** {@code source}: the list or alteration the value comes from ("2023 list", a VOA alteration reference, free text). */
    record RateableValueChange(@NotNull Long rateableValuePence, @NotNull LocalDate effectiveFrom, @NotBlank @Size(max = 200) String source,
                               @Nullable LocalDate issuedOn) {
    }

    private final BandChanges bandChanges;
    private final RateableValueChanges rateableValueChanges;
    private final Clock clock;

    ListAlterationsController(BandChanges bandChanges, RateableValueChanges rateableValueChanges, Clock clock) {
        this.bandChanges = bandChanges;
        this.rateableValueChanges = rateableValueChanges;
        this.clock = clock;
    }

    /** Records a band alteration and returns the rebills it caused. */
    @PostMapping("/api/v1/properties/{id}/band-changes")
    List<BillsController.BillView> changeBand(@PathVariable long id, @Valid @RequestBody BandChange request) {
        return views(bandChanges.change(id, request.band(), request.effectiveFrom(), issuedOn(request.issuedOn())));
    }

    /** Records a rateable value alteration and returns the rebills it caused (none for a repeat). */
    @PostMapping("/api/v1/properties/{id}/rateable-value-changes")
    List<BillsController.BillView> changeRateableValue(@PathVariable long id, @Valid @RequestBody RateableValueChange request) {
        return views(rateableValueChanges.change(id, Money.ofPence(request.rateableValuePence()), request.effectiveFrom(), request.source(),
                issuedOn(request.issuedOn())));
    }

    private LocalDate issuedOn(@Nullable LocalDate requested) {
        return requested == null ? LocalDate.now(clock) : requested;
    }

    private static List<BillsController.BillView> views(List<Bill> rebills) {
        return rebills.stream().map(BillsController.BillView::of).toList();
    }
}
