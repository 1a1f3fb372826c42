package org.reclaim.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.CouncilTaxBand;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BandChangesController {

    record BandChange(@NotNull CouncilTaxBand band, @NotNull LocalDate effectiveFrom, @Nullable LocalDate issuedOn) {
    }

    private final BandChanges bandChanges;
    private final Clock clock;

    BandChangesController(BandChanges bandChanges, Clock clock) {
        this.bandChanges = bandChanges;
        this.clock = clock;
    }

    /** Records a band alteration and returns the rebills it caused. */
    @PostMapping("/api/v1/properties/{id}/band-changes")
    List<BillsController.BillView> change(@PathVariable long id, @Valid @RequestBody BandChange request) {
        return bandChanges.change(id, request.band(), request.effectiveFrom(),
                request.issuedOn() == null ? LocalDate.now(clock) : request.issuedOn()).stream().map(BillsController.BillView::of).toList();
    }
}
