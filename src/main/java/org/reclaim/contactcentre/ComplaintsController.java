package org.reclaim.contactcentre;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.IdempotencyKey;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Complaints (SecurityConfig: the collections team records them and their outcome, auditors read them; the report: anyone signed in). */
@RestController
class ComplaintsController {

    record ComplaintRequest(@NotNull(message = "is required: DELAY, STAFF_CONDUCT, DECISION, ENFORCEMENT_AGENT, COMMUNICATION, BILLING or OTHER")
                            Complaints.Category category,
                            @NotBlank(message = "is required: what the customer complains of") @Size(max = 4000, message = "must be at most 4000 characters")
                            String details,
                            @NotNull(message = "is required: the day the complaint was received") LocalDate receivedOn) {
    }

    record OutcomeRequest(@NotNull(message = "is required: UPHELD, PARTLY_UPHELD or NOT_UPHELD") Complaints.Outcome outcome,
                          @NotBlank(message = "is required: what the customer was told") @Size(max = 4000, message = "must be at most 4000 characters")
                          String response,
                          @NotNull(message = "is required: the day the response was sent") LocalDate respondedOn) {
    }

    record ReportView(String authority, LocalDate from, LocalDate to, List<Complaints.Month> months) {
    }

    private final Complaints complaints;
    private final Authorities authorities;

    ComplaintsController(Complaints complaints, Authorities authorities) {
        this.complaints = complaints;
        this.authorities = authorities;
    }

    /** 201 with the complaint; with an {@code Idempotency-Key} header a repeat returns the first (200). */
    @PostMapping("/api/v1/customers/{id}/complaints")
    ResponseEntity<Complaints.Complaint> record(@PathVariable long id,
                                                @RequestHeader(name = IdempotencyKey.HEADER, required = false) @Nullable String idempotencyKey,
                                                @Valid @RequestBody ComplaintRequest r) {
        IdempotencyKey.check(idempotencyKey);
        Complaints.Recorded recorded = complaints.record(id, r.category(), r.details().strip(), r.receivedOn(), idempotencyKey);
        return ResponseEntity.status(recorded.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/complaints/" + recorded.complaint().id())).body(recorded.complaint());
    }

    @GetMapping("/api/v1/customers/{id}/complaints")
    List<Complaints.Complaint> list(@PathVariable long id) {
        return complaints.of(id);
    }

    @GetMapping("/api/v1/complaints/{id}")
    Complaints.Complaint get(@PathVariable long id) {
        return complaints.read(id);
    }

    /** The outcome, once: 200 with the complaint; the same outcome again changes nothing, another is a 409. */
    @PostMapping("/api/v1/complaints/{id}/outcome")
    Complaints.Complaint outcome(@PathVariable long id, @Valid @RequestBody OutcomeRequest r) {
        return complaints.recordOutcome(id, r.outcome(), r.response().strip(), r.respondedOn()).complaint();
    }

    @GetMapping("/api/v1/reports/complaints")
    ReportView report(@RequestParam String authority, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        BillingAuthority council = authorities.named(authority, "authority");
        return new ReportView(council.gssCode(), from, to, complaints.report(council.id(), from, to));
    }
}
