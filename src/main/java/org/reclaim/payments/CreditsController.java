package org.reclaim.payments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Refunds of credit, their approval, credit transfers between a payer's accounts, and re-allocating a payment. */
@RestController
class CreditsController {

    record RefundRequest(@NotNull(message = "is required, in pence") @Positive(message = "must be more than zero") Long amountPence,
                         @NotBlank(message = "is required: why the credit is being paid back") @Size(max = 500) String reason,
                         @NotBlank(message = "is required: who the refund is paid to") @Size(max = 100) String payeeName) {
    }

    record Decision(@Nullable @Size(max = 500) String note) {
    }

    record RefundView(long id, String accountReference, long amountPence, String reason, String payeeName, Credits.RefundStatus status,
                      String requestedBy, @Nullable String decidedBy, @Nullable String note) {
        static RefundView of(Credits.Refund r) {
            return new RefundView(r.id(), r.accountReference(), r.amount().pence(), r.reason(), r.payeeName(), r.status(), r.requestedBy(),
                    r.decidedBy(), r.note());
        }
    }

    record TransferRequest(@NotBlank(message = "is required: the account the credit moves to") String toAccountReference,
                           @NotNull(message = "is required, in pence") @Positive(message = "must be more than zero") Long amountPence,
                           @NotBlank(message = "is required") @Size(max = 500) String reason) {
    }

    record TransferView(long id, String fromAccountReference, String toAccountReference, long amountPence,
                        List<PaymentsController.AllocationView> allocations) {
    }

    record WantedAllocation(@NotBlank(message = "is required, for example 2025/26") String financialYear,
                            @NotNull(message = "is required: COSTS, CHARGES or CREDIT") Allocation.Part part,
                            @NotNull(message = "is required, in pence") Long amountPence) {
    }

    record ReallocationRequest(@NotEmpty(message = "is required: the whole payment, year by year") List<@Valid WantedAllocation> allocations,
                               @NotBlank(message = "is required: why the payment is moved") @Size(max = 500) String reason) {
    }

    record ApprovalLimit(@NotNull(message = "is required, in pence; 0 means every refund needs approval") @PositiveOrZero Long approvalAbovePence) {
    }

    private final Credits credits;
    private final Payments payments;
    private final Authorities authorities;
    private final AccessAudit audit;

    CreditsController(Credits credits, Payments payments, Authorities authorities, AccessAudit audit) {
        this.audit = audit;
        this.credits = credits;
        this.payments = payments;
        this.authorities = authorities;
    }

    /** Paid at once up to the authority's limit; above it, waits for a team leader. */
    @PostMapping("/api/v1/accounts/{reference}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    RefundView requestRefund(@PathVariable String reference,
                             @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
                             @Valid @RequestBody RefundRequest r) {
        org.reclaim.shared.IdempotencyKey.check(idempotencyKey);
        return RefundView.of(credits.requestRefund(AccountReference.fromRequest(reference), Money.ofPence(r.amountPence()), r.reason(),
                r.payeeName(), idempotencyKey));
    }

    @GetMapping("/api/v1/refunds")
    List<RefundView> awaitingApproval(@RequestParam(required = false) @Nullable String authority) {
        List<Credits.Refund> refunds = credits.awaitingApproval(authority == null ? null : authorities.named(authority, "authority").id());
        audited(refunds, "GET /api/v1/refunds");
        return refunds.stream().map(RefundView::of).toList();
    }

    @GetMapping("/api/v1/refunds/{id}")
    RefundView refund(@PathVariable long id) {
        Credits.Refund refund = credits.refund(id);
        audited(List.of(refund), "GET /api/v1/refunds/" + id);
        return RefundView.of(refund);
    }

    /** A refund names its payee: reading one is a read of the account's personal data. */
    private void audited(List<Credits.Refund> refunds, String detail) {
        audit.recordAll(AccessAudit.Action.READ, refunds.stream().map(r -> new AccessAudit.Seen(
                authorities.findByReferencePrefix(AccountReference.parse(r.accountReference()).authorityPrefix())
                        .map(org.reclaim.authorities.BillingAuthority::id).orElse(null),
                AccessAudit.Subject.ACCOUNT, r.accountReference())).toList(), detail);
    }

    @PostMapping("/api/v1/refunds/{id}/approve")
    RefundView approve(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Decision d) {
        return RefundView.of(credits.decide(id, true, d == null ? null : d.note()));
    }

    @PostMapping("/api/v1/refunds/{id}/reject")
    RefundView reject(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Decision d) {
        return RefundView.of(credits.decide(id, false, d == null ? null : d.note()));
    }

    @PostMapping("/api/v1/accounts/{reference}/credit-transfers")
    @ResponseStatus(HttpStatus.CREATED)
    TransferView transfer(@PathVariable String reference,
                          @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
                          @Valid @RequestBody TransferRequest r) {
        org.reclaim.shared.IdempotencyKey.check(idempotencyKey);
        Credits.Transfer t = credits.transfer(AccountReference.fromRequest(reference), AccountReference.fromRequest(r.toAccountReference()),
                Money.ofPence(r.amountPence()), r.reason(), idempotencyKey);
        return new TransferView(t.id(), t.from(), t.to(), t.amount().pence(), t.allocations().stream()
                .map(a -> new PaymentsController.AllocationView(a.year().toString(), a.part(), a.amount().pence())).toList());
    }

    @PostMapping("/api/v1/payments/{id}/reallocate")
    PaymentsController.OutcomeView reallocate(@PathVariable long id, @Valid @RequestBody ReallocationRequest r) {
        List<Allocation> wanted = r.allocations().stream().map(a -> new Allocation(FinancialYear.fromRequest(a.financialYear(), "allocations.financialYear"),
                a.part(), Money.ofPence(a.amountPence()))).toList();
        return PaymentsController.OutcomeView.of(payments.reallocate(id, wanted, r.reason()));
    }

    @PutMapping("/api/v1/authorities/{code}/refund-approval")
    ApprovalLimit setApprovalLimit(@PathVariable String code, @Valid @RequestBody ApprovalLimit r) {
        credits.setApprovalLimit(authorities.byGssCode(code).id(), Money.ofPence(r.approvalAbovePence()));
        return r;
    }

    @GetMapping("/api/v1/authorities/{code}/refund-approval")
    ApprovalLimit approvalLimit(@PathVariable String code) {
        return new ApprovalLimit(credits.approvalLimit(authorities.byGssCode(code).id()).pence());
    }
}
