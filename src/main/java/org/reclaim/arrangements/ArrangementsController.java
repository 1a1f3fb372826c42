package org.reclaim.arrangements;

import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.payments.PaymentMethod;
import org.reclaim.shared.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Arrangements: make, read, cancel, the daily monitor, and the service-standards report. */
@RestController
@Validated
class ArrangementsController {

    /** Direct Debit first: the order offered to the customer ("Direct Debit by Default", seeds/002). */
    static final List<PaymentMethod> METHODS_OFFERED = Arrays.asList(PaymentMethod.values());

    record CancelInput(@NotBlank String reason) {
    }

    record AccountView(String reference, String stream, long debtPence, long holdId) {
    }

    record ShareView(String account, long amountPence) {
    }

    record PaymentView(int number, LocalDate dueOn, long amountPence, List<ShareView> shares) {
    }

    record MissView(LocalDate dueOn, LocalDate noticedOn, long shortfallPence) {
    }

    record ArrangementView(long id, long partyId, Arrangement.Status status, List<AccountView> accounts, long instalmentPence,
                           PaymentFrequency frequency, LocalDate firstPaymentOn, LocalDate lastPaymentOn, long totalPence, PaymentMethod method,
                           List<PaymentMethod> methodsOffered, boolean madeAtFirstContact, @Nullable Long incomeExpenditureId,
                           @Nullable Long proposedInstalmentPence, @Nullable String acceptedBelowProposalReason, LocalDate madeOn,
                           List<PaymentView> schedule, List<MissView> misses, @Nullable LocalDate endedOn, @Nullable String endReason,
                           @Nullable String endedBy, OffsetDateTime createdAt, String createdBy) {
    }

    private final Arrangements arrangements;
    private final ArrangementEnds ends;
    private final ArrangementMonitor monitor;
    private final ServiceStandards standards;
    private final Accounts accounts;
    private final Authorities authorities;

    ArrangementsController(Arrangements arrangements, ArrangementEnds ends, ArrangementMonitor monitor, ServiceStandards standards,
                           Accounts accounts, Authorities authorities) {
        this.arrangements = arrangements;
        this.ends = ends;
        this.monitor = monitor;
        this.standards = standards;
        this.accounts = accounts;
        this.authorities = authorities;
    }

    /** With an {@code Idempotency-Key} header a repeat returns the first arrangement (200) and makes nothing. */
    @PostMapping("/api/v1/arrangements")
    ResponseEntity<ArrangementView> make(@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
                                         @RequestBody Arrangements.NewArrangement in) {
        org.reclaim.shared.IdempotencyKey.check(key);
        Arrangements.Made made = arrangements.make(in, key);
        return ResponseEntity.status(made.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(view(made.arrangement()));
    }

    @GetMapping("/api/v1/arrangements/{id}")
    ArrangementView get(@PathVariable long id) {
        return view(arrangements.get(id));
    }

    @GetMapping("/api/v1/accounts/{reference}/arrangements")
    List<ArrangementView> ofAccount(@PathVariable String reference) {
        Account account = accounts.readForRequest(reference, "/arrangements");
        return arrangements.onAccount(account).stream().map(this::view).toList();
    }

    @PostMapping("/api/v1/arrangements/{id}/cancel")
    ArrangementView cancel(@PathVariable long id, @RequestBody CancelInput in) {
        return view(ends.cancel(id, in.reason() == null ? "" : in.reason()));
    }

    @PostMapping("/api/v1/arrangements/monitor")
    ArrangementMonitor.Run monitor(@RequestParam String authority, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return monitor.run(authorities.named(authority, "authority"), date);
    }

    @GetMapping("/api/v1/reports/service-standards")
    ServiceStandards.Report serviceStandards(@RequestParam String authority,
                                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw InvalidInput.of("to", "is before from");
        }
        BillingAuthority council = authorities.named(authority, "authority");
        return standards.report(council.id(), council.gssCode(), from, to);
    }

    private ArrangementView view(Arrangement a) {
        Map<Long, String> refs = a.accounts().stream().collect(Collectors.toMap(Arrangement.InScope::accountId, s -> s.reference().value()));
        return new ArrangementView(a.id(), a.partyId(), a.status(), a.accounts().stream()
                .map(s -> new AccountView(s.reference().value(), s.stream().name(), s.debt().pence(), s.holdId())).toList(),
                a.instalment().pence(), a.frequency(), a.firstPaymentOn(), a.lastPaymentOn(), a.total().pence(), a.method(), METHODS_OFFERED,
                a.madeAtFirstContact(), a.incomeExpenditureId(), a.proposal() == null ? null : a.proposal().pence(), a.belowProposalReason(),
                a.madeOn(), a.schedule().stream().map(p -> new PaymentView(p.number(), p.dueOn(), p.amount().pence(), p.shares().stream()
                        .map(s -> new ShareView(refs.get(s.accountId()), s.amount().pence())).toList())).toList(),
                a.misses().stream().map(m -> new MissView(m.dueOn(), m.noticedOn(), m.shortfall().pence())).toList(), a.endedOn(), a.endReason(),
                a.endedBy(), a.createdAt(), a.createdBy());
    }
}
