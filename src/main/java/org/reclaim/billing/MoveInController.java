package org.reclaim.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.FinancialYear;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** New residents at a dwelling: the Council Tax liability passes to them, and both sides are billed. */
@RestController
class MoveInController {

    /**
     * @param issuedOn the day the notices are dated: by default today, or {@code from} if that is later
     * @param discount the new residents' discount, if any (as on a Council Tax bill)
     */
    record MoveInRequest(@NotEmpty(message = "must name at least one liable customer") @Size(max = 20, message = "names more than 20 customers")
                         List<@NotNull Long> liableParties,
                         @NotNull LocalDate from,
                         @Nullable LocalDate issuedOn,
                         CouncilTaxCircumstances.@Nullable Discount discount,
                         @Nullable @Pattern(regexp = "TEN_MONTHLY|TWELVE_MONTHLY", message = "must be TEN_MONTHLY or TWELVE_MONTHLY") String scheme,
                         @Nullable @Min(1) @Max(28) Integer paymentDay) {
    }

    record MovedOutView(String reference, LocalDate lastDayLiable, List<BillsController.BillView> bills) {
    }

    /** {@code repeated}: the move-in had been recorded already and nothing changed; {@code bills} are then its current bills. */
    record MoveInView(String reference, LocalDate liableFrom, boolean repeated, List<MovedOutView> movedOut, List<BillsController.BillView> bills) {
    }

    private final MoveIn moveIn;
    private final Clock clock;

    MoveInController(MoveIn moveIn, Clock clock) {
        this.moveIn = moveIn;
        this.clock = clock;
    }

    /** 201 with the new account, or 200 with the one a previous identical request opened. */
    @PostMapping("/api/v1/properties/{id}/move-in")
    ResponseEntity<MoveInView> moveIn(@PathVariable long id, @Valid @RequestBody MoveInRequest r) {
        LocalDate today = LocalDate.now(clock);
        // MoveIn checks that from is at most a month ahead, so the default is too
        LocalDate issuedOn = r.issuedOn() == null ? (r.from().isAfter(today) ? r.from() : today)
                : BillsController.issuedOn(r.issuedOn(), FinancialYear.containing(r.from()), today);
        CouncilTaxCircumstances circumstances = CouncilTaxCircumstances.NONE
                .withDiscount(r.discount() == null ? CouncilTaxCircumstances.Discount.NONE : r.discount());
        MoveIn.Outcome o = moveIn.moveIn(new MoveIn.Notice(id, r.liableParties(), r.from(), issuedOn, circumstances,
                BillsController.plan(r.scheme(), "TEN_MONTHLY", r.paymentDay())), today);
        MoveInView view = new MoveInView(o.account().reference().value(), o.account().liabilityStart(), o.repeated(),
                o.movedOut().stream().map(m -> new MovedOutView(m.account().reference().value(), m.lastDayLiable(),
                        m.rebills().stream().map(BillsController.BillView::of).toList())).toList(),
                o.bills().stream().map(BillsController.BillView::of).toList());
        return o.repeated() ? ResponseEntity.ok(view)
                : ResponseEntity.created(URI.create("/api/v1/accounts/" + view.reference())).body(view);
    }
}
