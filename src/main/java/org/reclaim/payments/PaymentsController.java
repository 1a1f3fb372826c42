package org.reclaim.payments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payments taken by officers (phone, counter), what became of each, and the suspense queue. */
@RestController
class PaymentsController {

    record PaymentRequest(@NotBlank(message = "is required: the account reference the payer gave") @Size(max = 100) String accountReference,
                          @NotNull(message = "is required, in pence") @Positive(message = "must be more than zero") Long amountPence,
                          @NotNull(message = "is required: DIRECT_DEBIT, CARD, BANK_TRANSFER, PAYPOINT, POST_OFFICE, ALLPAY, CASH or CHEQUE")
                          PaymentMethod method,
                          @Nullable LocalDate receivedOn,
                          @Nullable String financialYear,
                          @Nullable @Size(max = 100) String payerName,
                          @Nullable @Size(max = 9) String authority) {
    }

    record AllocationView(String financialYear, Allocation.Part part, long amountPence) {
    }

    record OutcomeView(long paymentId, PaymentOutcome.Status status, @Nullable String accountReference, List<AllocationView> allocations,
                       @Nullable String suspenseReason) {
        static OutcomeView of(PaymentOutcome o) {
            return new OutcomeView(o.paymentId(), o.status(), o.accountReference(),
                    o.allocations().stream().map(a -> new AllocationView(a.year().toString(), a.part(), a.amount().pence())).toList(),
                    o.suspenseReason());
        }
    }

    record SuspenseView(long paymentId, String authority, long amountPence, PaymentMethod method, LocalDate receivedOn,
                        @Nullable String referenceGiven, @Nullable String payerName, String reason, String source) {
    }

    record MatchRequest(@NotBlank(message = "is required: the account the money belongs to") String accountReference,
                        @NotBlank(message = "is required: say how you know, e.g. 'payer phoned, gave old reference'") @Size(max = 500) String note) {
    }

    private final Payments payments;
    private final Authorities authorities;
    private final AccessAudit audit;
    private final Clock clock;

    PaymentsController(Payments payments, Authorities authorities, AccessAudit audit, Clock clock) {
        this.audit = audit;
        this.payments = payments;
        this.authorities = authorities;
        this.clock = clock;
    }

    /**
     * Takes one payment. With an {@code Idempotency-Key} header a repeat (a retry after a lost answer) returns the first
     * result with 200 and posts nothing; without one, every request is new money.
     */
    @PostMapping("/api/v1/payments")
    ResponseEntity<OutcomeView> receive(@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
                                        @Valid @RequestBody PaymentRequest r) {
        org.reclaim.shared.IdempotencyKey.check(idempotencyKey);
        LocalDate today = LocalDate.now(clock);
        LocalDate receivedOn = r.receivedOn() == null ? today : r.receivedOn();
        if (receivedOn.isAfter(today)) {
            throw InvalidInput.of("receivedOn", "is in the future: a payment is recorded on or after the day the money arrives");
        }
        PaymentReceipt receipt = new PaymentReceipt(authorityOf(r).id(), r.accountReference().trim(), Money.ofPence(r.amountPence()), r.method(),
                receivedOn, r.financialYear() == null ? null : FinancialYear.fromRequest(r.financialYear(), "financialYear"), "api",
                idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey, r.payerName());
        PaymentOutcome outcome = payments.receive(receipt);
        return ResponseEntity.status(outcome.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/payments/" + outcome.paymentId())).body(OutcomeView.of(outcome));
    }

    /** The authority named, or the one whose prefix the reference carries; money for nobody cannot be taken. */
    private BillingAuthority authorityOf(PaymentRequest r) {
        if (r.authority() != null) {
            return authorities.named(r.authority(), "authority");
        }
        String digits = r.accountReference().replaceAll("[\\s-]", "");
        if (digits.length() == AccountReference.LENGTH && digits.chars().allMatch(Character::isDigit)) {
            var authority = authorities.findByReferencePrefix(Integer.parseInt(digits.substring(0, 2)));
            if (authority.isPresent()) {
                return authority.get();
            }
        }
        throw InvalidInput.of("accountReference", "'" + r.accountReference() + "' does not name an authority: give the authority's GSS "
                + "code in 'authority' and the payment will be held in suspense for an officer to match");
    }

    @GetMapping("/api/v1/payments/{id}")
    OutcomeView get(@PathVariable long id) {
        PaymentOutcome outcome = payments.get(id);
        if (outcome.accountReference() != null) {
            AccountReference reference = AccountReference.parse(outcome.accountReference());
            audit.record(authorities.findByReferencePrefix(reference.authorityPrefix()).map(BillingAuthority::id).orElse(null),
                    AccessAudit.Action.READ, AccessAudit.Subject.ACCOUNT, reference, "GET /api/v1/payments/" + id);
        }
        return OutcomeView.of(outcome);
    }

    @GetMapping("/api/v1/suspense")
    List<SuspenseView> suspense(@RequestParam(required = false) @Nullable String authority,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        Integer authorityId = authority == null ? null : authorities.named(authority, "authority").id();
        return payments.suspense(authorityId, limit).stream()
                .map(s -> new SuspenseView(s.paymentId(), s.authority(), s.amount().pence(), s.method(), s.receivedOn(), s.referenceGiven(),
                        s.payerName(), s.reason(), s.source()))
                .toList();
    }

    /** An officer matches a payment in suspense to its account; it is then allocated as if it had arrived so. */
    @PostMapping("/api/v1/suspense/{id}/match")
    OutcomeView match(@PathVariable long id, @Valid @RequestBody MatchRequest r) {
        return OutcomeView.of(payments.match(id, AccountReference.fromRequest(r.accountReference()), r.note()));
    }
}
