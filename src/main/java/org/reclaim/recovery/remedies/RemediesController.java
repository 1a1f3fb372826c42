package org.reclaim.recovery.remedies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Remedies after a liability order (SecurityConfig: the collections team works them; some need a team leader, checked in ConfirmRemedy). */
@RestController
class RemediesController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final Accounts accounts;
    private final Authorities authorities;
    private final RemedyFacts facts;
    private final RemedyOptions options;
    private final ConfirmRemedy confirm;
    private final EmployerSchedules schedules;
    private final EnforcementFiles files;
    private final Clock clock;

    RemediesController(Accounts accounts, Authorities authorities, RemedyFacts facts, RemedyOptions options, ConfirmRemedy confirm,
                       EmployerSchedules schedules, EnforcementFiles files, Clock clock) {
        this.accounts = accounts;
        this.authorities = authorities;
        this.facts = facts;
        this.options = options;
        this.confirm = confirm;
        this.schedules = schedules;
        this.files = files;
        this.clock = clock;
    }

    @PostMapping("/api/v1/accounts/{reference}/remedy-facts")
    ResponseEntity<RemedyFacts.Fact> recordFact(@PathVariable String reference, @RequestBody RemedyFacts.NewFact fact) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        return ResponseEntity.status(HttpStatus.CREATED).body(facts.record(account, fact));
    }

    @GetMapping("/api/v1/accounts/{reference}/remedy-facts")
    List<RemedyFacts.Fact> facts(@PathVariable String reference) {
        Account account = accounts.readForRequest(reference, "/remedy-facts");
        return facts.history(account.authorityId(), account.liablePartyIds());
    }

    @GetMapping("/api/v1/accounts/{reference}/remedies")
    RemedyOptions.View remedies(@PathVariable String reference,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        Account account = accounts.readForRequest(reference, "/remedies");
        return options.of(account, asOf == null ? LocalDate.now(clock) : asOf);
    }

    @PostMapping("/api/v1/accounts/{reference}/remedies")
    ResponseEntity<ConfirmRemedy.Confirmed> confirm(@PathVariable String reference, @RequestBody ConfirmRemedy.Request request) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        return ResponseEntity.status(HttpStatus.CREATED).body(confirm.confirm(account, request));
    }

    @GetMapping("/api/v1/recovery/employer-schedules")
    ResponseEntity<?> schedule(@RequestParam String authority, @RequestParam String employer,
                               @RequestParam(defaultValue = "json") String format) {
        BillingAuthority a = authorities.named(authority, "authority");
        if (employer.isBlank()) {
            throw InvalidInput.of("employer", "is required: the employer's name as recorded");
        }
        EmployerSchedules.Schedule s = schedules.of(a.id(), a.gssCode(), employer);
        return switch (format) {
            case "json" -> ResponseEntity.ok(s);
            case "csv" -> ResponseEntity.ok().contentType(CSV).body(EmployerSchedules.csv(s));
            default -> throw InvalidInput.of("format", "'" + format + "' is not json or csv");
        };
    }

    @PostMapping("/api/v1/recovery/enforcement-referrals")
    ResponseEntity<String> referrals(@RequestParam String authority, @RequestParam String agent) {
        EnforcementFiles.ReferralFile file = files.referrals(authorities.named(authority, "authority").id(), agent);
        return ResponseEntity.status(HttpStatus.CREATED).contentType(CSV)
                .header("X-Referral-File-Id", String.valueOf(file.fileId())).header("X-Referral-Cases", String.valueOf(file.cases()))
                .body(file.csv());
    }

    @PostMapping(path = "/api/v1/recovery/enforcement-returns", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<EnforcementFiles.ReturnOutcome> returns(@RequestParam String authority, @RequestBody(required = false) byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            throw InvalidInput.of("file", "line 1: the file is empty");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(files.returns(authorities.named(authority, "authority").id(), body));
    }

    @ExceptionHandler(ConfirmRemedy.NeedsTeamLeader.class)
    ResponseEntity<ProblemDetail> needsTeamLeader(ConfirmRemedy.NeedsTeamLeader e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        p.setTitle("Needs a team leader");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
    }
}
