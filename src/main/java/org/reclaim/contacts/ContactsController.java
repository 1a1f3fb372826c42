package org.reclaim.contacts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The contact log of an account (SecurityConfig: the collections team records contacts, auditors also read them). */
@RestController
class ContactsController {

    record ContactRequest(@NotNull(message = "is required: PHONE, EMAIL, LETTER, SMS, VISIT, SURGERY or WEB") Contact.Channel channel,
                          @NotNull(message = "is required: INBOUND or OUTBOUND") Contact.Direction direction,
                          @NotNull(message = "is required: SPOKE_TO_CUSTOMER, NO_ANSWER, MESSAGE_LEFT, PROMISE_TO_PAY, ARRANGEMENT_MADE, "
                                  + "QUERY_RESOLVED, DISPUTE_RAISED or OTHER") Contact.Outcome outcome,
                          @Nullable @Size(max = 4000, message = "must be at most 4000 characters") String notes,
                          @Nullable OffsetDateTime at) {
    }

    private final Accounts accounts;
    private final Contacts contacts;

    ContactsController(Accounts accounts, Contacts contacts) {
        this.accounts = accounts;
        this.contacts = contacts;
    }

    /** Records a contact; with an {@code Idempotency-Key} header a repeat returns the first (200) and records nothing. */
    @PostMapping("/api/v1/accounts/{reference}/contacts")
    ResponseEntity<Contact> record(@PathVariable String reference,
                                   @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
                                   @Valid @RequestBody ContactRequest r) {
        org.reclaim.shared.IdempotencyKey.check(idempotencyKey);
        String notes = r.notes() == null || r.notes().isBlank() ? null : r.notes().strip();
        Contacts.Recorded recorded = contacts.record(accounts.get(AccountReference.fromRequest(reference)),
                new Contacts.NewContact(r.channel(), r.direction(), r.outcome(), notes, r.at()), idempotencyKey);
        return ResponseEntity.status(recorded.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/accounts/" + recorded.contact().accountReference() + "/contacts"))
                .body(recorded.contact());
    }

    @GetMapping("/api/v1/accounts/{reference}/contacts")
    List<Contact> list(@PathVariable String reference) {
        return contacts.of(accounts.get(AccountReference.fromRequest(reference)));
    }
}
