package org.reclaim.directdebit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.shared.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An account's Direct Debit: set up (an officer on the phone, later the payer online), shown, cancelled. */
@RestController
class MandatesController {

    record MandateRequest(@NotBlank(message = "is required: the name on the bank account") @Size(max = 100) String payerName,
                          @NotBlank(message = "is required, like 12-34-56") @Size(max = 20) String sortCode,
                          @NotBlank(message = "is required: 8 digits") @Size(max = 20) String accountNumber,
                          @Nullable Integer paymentDay,
                          @NotNull(message = "is required: the payer must be given the Direct Debit Guarantee") Boolean guaranteeShown,
                          @Nullable Integer agreedNoticeDays) {
    }

    record CancelRequest(@Nullable @Size(max = 500) String reason) {
    }

    record EventView(String event, String detail, String source, boolean forOfficer, OffsetDateTime at, String by) {
    }

    /** The account number is shown by its last 4 digits only: enough to confirm with the payer. */
    record MandateView(String reference, String accountReference, String status, String payerName, String sortCode, String accountNumberEnding,
                       int paymentDay, int agreedNoticeDays, String bankDetailsCheck, @Nullable LocalDate lodgedOn, List<EventView> history) {
    }

    private final Mandates mandates;
    private final Accounts accounts;

    MandatesController(Mandates mandates, Accounts accounts) {
        this.mandates = mandates;
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/accounts/{reference}/direct-debit")
    ResponseEntity<MandateView> setUp(@PathVariable String reference, @Valid @RequestBody MandateRequest r) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        Mandate mandate = mandates.setUp(account, new Mandates.SetUp(r.payerName(), r.sortCode(), r.accountNumber(), r.paymentDay(),
                Boolean.TRUE.equals(r.guaranteeShown()), r.agreedNoticeDays()));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.reference() + "/direct-debit")).body(view(mandate));
    }

    @GetMapping("/api/v1/accounts/{reference}/direct-debit")
    MandateView get(@PathVariable String reference) {
        Account account = accounts.readForRequest(reference, "/direct-debit");
        return view(mandates.latest(account).orElseThrow(() -> NotFound.of("Direct Debit for account", account.reference())));
    }

    @DeleteMapping("/api/v1/accounts/{reference}/direct-debit")
    MandateView delete(@PathVariable String reference) {
        return cancel(reference, null);
    }

    @PostMapping("/api/v1/accounts/{reference}/direct-debit/cancel")
    MandateView cancel(@PathVariable String reference, @Valid @RequestBody(required = false) @Nullable CancelRequest r) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        String why = r == null || r.reason() == null || r.reason().isBlank() ? "at the payer's request" : r.reason();
        return view(mandates.cancel(account, why));
    }

    private MandateView view(Mandate m) {
        String number = m.payer().accountNumber();
        return new MandateView(m.reference(), m.accountReference(), m.status().name(), m.payer().accountName(),
                m.payer().account().formattedSortCode(), number.substring(number.length() - 4), m.paymentDay(), m.agreedNoticeDays(),
                m.modulusResult(), m.lodgedOn(),
                mandates.history(m).stream().map(e -> new EventView(e.event(), e.detail(), e.source(), e.forOfficer(), e.at(), e.by())).toList());
    }
}
