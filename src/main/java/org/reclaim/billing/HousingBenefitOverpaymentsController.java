package org.reclaim.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.Money;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HousingBenefitOverpaymentsController {

    record RaiseOverpayment(@NotBlank String authorityCode, @NotNull Long claimantId, @Nullable String accountReference,
                            @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo, @NotNull @Positive Long amountPence,
                            HousingBenefitOverpayments.@NotNull Classification classification, @Nullable Boolean recoverable,
                            @Nullable LocalDate raisedOn) {
    }

    record OverpaymentView(long id, String accountReference, LocalDate periodFrom, LocalDate periodTo, long amountPence,
                           HousingBenefitOverpayments.Classification classification, boolean recoverable, LocalDate raisedOn, LocalDate dueOn) {
        static OverpaymentView of(HousingBenefitOverpayments.Overpayment o) {
            return new OverpaymentView(o.id(), o.account().value(), o.periodFrom(), o.periodTo(), o.amount().pence(), o.classification(),
                    o.recoverable(), o.raisedOn(), o.dueOn());
        }
    }

    private final HousingBenefitOverpayments overpayments;
    private final Authorities authorities;
    private final Accounts accounts;
    private final Clock clock;

    HousingBenefitOverpaymentsController(HousingBenefitOverpayments overpayments, Authorities authorities, Accounts accounts, Clock clock) {
        this.overpayments = overpayments;
        this.authorities = authorities;
        this.accounts = accounts;
        this.clock = clock;
    }

    @PostMapping("/api/v1/hb-overpayments")
    @ResponseStatus(HttpStatus.CREATED)
    OverpaymentView raise(@Valid @RequestBody RaiseOverpayment r) {
        return OverpaymentView.of(overpayments.raise(authorities.named(r.authorityCode(), "authorityCode"), r.claimantId(),
                r.accountReference() == null ? null : AccountReference.fromRequest(r.accountReference()), r.periodFrom(), r.periodTo(),
                Money.ofPence(r.amountPence()), r.classification(), r.recoverable() == null || r.recoverable(),
                r.raisedOn() == null ? LocalDate.now(clock) : r.raisedOn()));
    }

    @GetMapping("/api/v1/accounts/{reference}/hb-overpayments")
    List<OverpaymentView> of(@PathVariable String reference) {
        Account account = accounts.readForRequest(reference, "/hb-overpayments");
        return overpayments.of(account).stream().map(OverpaymentView::of).toList();
    }
}
