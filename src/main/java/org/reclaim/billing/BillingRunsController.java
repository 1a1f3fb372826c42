package org.reclaim.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.FinancialYear;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Starts and follows annual billing runs. */
@RestController
class BillingRunsController {

    record StartRequest(@NotBlank(message = "is required: the authority's GSS code, for example E07000135") String authority,
                        @NotBlank(message = "is required, for example 2026/27") String financialYear,
                        @Nullable LocalDate issuedOn) {
    }

    record RunView(long id, String authority, String financialYear, LocalDate issuedOn, BillingRuns.Status status, int accountsToBill,
                   int accountsBilled, int accountsRefused, int percentDone, long chargedPence, @Nullable String failure,
                   OffsetDateTime startedAt, String startedBy, @Nullable OffsetDateTime finishedAt) {
        static RunView of(BillingRuns.BillingRun r) {
            return new RunView(r.id(), r.authority(), r.year().toString(), r.issuedOn(), r.status(), r.accountsToBill(), r.accountsBilled(),
                    r.accountsRefused(), r.percentDone(), r.charged().pence(), r.failure(), r.startedAt(), r.startedBy(), r.finishedAt());
        }
    }

    record RefusalsView(long runId, List<BillingRuns.Refusal> refusals) {
    }

    private final BillingRuns runs;
    private final Authorities authorities;
    private final Clock clock;

    BillingRunsController(BillingRuns runs, Authorities authorities, Clock clock) {
        this.runs = runs;
        this.authorities = authorities;
        this.clock = clock;
    }

    /** 202 Accepted: the run goes on in the background; its Location reports progress. */
    @PostMapping("/api/v1/billing-runs")
    ResponseEntity<RunView> start(@Valid @RequestBody StartRequest request) {
        BillingRuns.BillingRun run = runs.start(authorities.named(request.authority(), "authority"),
                FinancialYear.fromRequest(request.financialYear(), "financialYear"),
                request.issuedOn() == null ? LocalDate.now(clock) : request.issuedOn());
        return ResponseEntity.accepted().location(URI.create("/api/v1/billing-runs/" + run.id())).body(RunView.of(run));
    }

    @GetMapping("/api/v1/billing-runs/{id}")
    RunView get(@PathVariable long id) {
        return RunView.of(runs.get(id));
    }

    @GetMapping("/api/v1/billing-runs/{id}/refusals")
    RefusalsView refusals(@PathVariable long id, @RequestParam(defaultValue = "100") @Min(1) @Max(10_000) int limit) {
        return new RefusalsView(id, runs.refusals(id, limit));
    }
}
