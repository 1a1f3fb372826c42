package org.reclaim.directdebit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.directdebit.bacs.Originator;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Direct Debit runs and their files, AUDDIS files, the reports Bacs sends back, originator details and the take-up report. */
@RestController
class DirectDebitController {

    record SkippedView(String accountReference, String mandateReference, LocalDate dueOn, int financialYear, long amountPence, String reason) {
    }

    record RunView(long id, String authority, LocalDate processingDay, String status, int collections, long totalPence, int skipped,
                   @Nullable Long auddisFileId, @Nullable String failure, String file, List<SkippedView> skippedInstalments) {
    }

    record AuddisView(long id, LocalDate processingDay, int instructions, String file) {
    }

    record OriginatorRequest(@NotBlank @Size(max = 6) String serviceUserNumber, @NotBlank @Size(max = 20) String sortCode,
                             @NotBlank @Size(max = 20) String accountNumber, @NotBlank @Size(max = 100) String accountName) {
    }

    record OriginatorView(String serviceUserNumber, String sortCode, String accountNumber, String accountName) {
        static OriginatorView of(Originator o) {
            return new OriginatorView(o.serviceUserNumber(), o.account().account().formattedSortCode(), o.account().accountNumber(),
                    o.account().accountName());
        }
    }

    private final DirectDebitRuns runs;
    private final AuddisFiles auddis;
    private final BacsReturns returns;
    private final Originators originators;
    private final TakeUpReport takeUp;
    private final Authorities authorities;
    private final Clock clock;

    DirectDebitController(DirectDebitRuns runs, AuddisFiles auddis, BacsReturns returns, Originators originators, TakeUpReport takeUp,
                          Authorities authorities, Clock clock) {
        this.runs = runs;
        this.auddis = auddis;
        this.returns = returns;
        this.originators = originators;
        this.takeUp = takeUp;
        this.authorities = authorities;
        this.clock = clock;
    }

    /** Every collecting authority's run for a processing day: the totals of all of them, and each run. */
    record AllRuns(LocalDate processingDay, int collections, long totalPence, int skipped, List<RunView> runs) {
    }

    /**
     * The run for the authority named; with none named, a run for each authority of the installation that collects by
     * Direct Debit (has its originator details), one after another.
     */
    @PostMapping("/api/v1/direct-debit/runs")
    ResponseEntity<?> run(@RequestParam(required = false) @Nullable String authority, @RequestParam LocalDate date) {
        if (authority != null) {
            DirectDebitRuns.Run run = runs.run(authorities.named(authority, "authority"), date);
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/direct-debit/runs/" + run.id())).body(view(run));
        }
        List<RunView> all = authorities.all().stream().filter(a -> originators.find(a.id()).isPresent())
                .map(a -> view(runs.run(a, date))).toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(new AllRuns(date, all.stream().mapToInt(RunView::collections).sum(),
                all.stream().mapToLong(RunView::totalPence).sum(), all.stream().mapToInt(RunView::skipped).sum(), all));
    }

    @GetMapping("/api/v1/direct-debit/runs/{id}")
    RunView get(@PathVariable long id) {
        return view(runs.get(id));
    }

    /** The run's Bacs Standard 18 collection file, as it goes to the bank or bureau. */
    @GetMapping("/api/v1/direct-debit/runs/{id}/file")
    ResponseEntity<String> file(@PathVariable long id) {
        String content = runs.file(id).orElseThrow(() -> NotFound.of("collection file of Direct Debit run (it collected nothing)", id));
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"direct-debit-run-" + id + ".txt\"").body(content);
    }

    /** Writes the AUDDIS instructions waiting into a file now, rather than waiting for the next run. */
    @PostMapping("/api/v1/direct-debit/auddis-files")
    ResponseEntity<AuddisView> auddis(@RequestParam String authority, @RequestParam(required = false) @Nullable LocalDate date) {
        BillingAuthority council = authorities.named(authority, "authority");
        return auddis.write(council, date == null ? LocalDate.now(clock) : date)
                .map(w -> ResponseEntity.status(HttpStatus.CREATED).body(new AuddisView(w.id(), w.processingDay(), w.instructions(), "/api/v1/direct-debit/auddis-files/" + w.id() + "/file")))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/api/v1/direct-debit/auddis-files/{id}/file")
    ResponseEntity<String> auddisFile(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"auddis-" + id + ".txt\"").body(auddis.get(id).content());
    }

    /** An ARUDD or ADDACS report, as the XML Bacs Payment Services delivers. */
    @PostMapping(value = "/api/v1/direct-debit/returns", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.TEXT_PLAIN_VALUE})
    BacsReturns.Applied returns(@RequestParam String authority, @RequestBody String xml) {
        return returns.apply(authorities.named(authority, "authority"), xml);
    }

    @PutMapping("/api/v1/authorities/{gssCode}/direct-debit-originator")
    OriginatorView setOriginator(@PathVariable String gssCode, @Valid @RequestBody OriginatorRequest r) {
        BillingAuthority authority = authorities.named(gssCode, "gssCode");
        Originator originator = new Originator(r.serviceUserNumber(), Mandates.bankDetails(r.sortCode(), r.accountNumber(), r.accountName()));
        return OriginatorView.of(originators.set(authority, originator));
    }

    @GetMapping("/api/v1/authorities/{gssCode}/direct-debit-originator")
    OriginatorView originator(@PathVariable String gssCode) {
        return OriginatorView.of(originators.get(authorities.named(gssCode, "gssCode")));
    }

    /** "Direct Debit by Default": take-up by stream, and payments by method in the period (default: the last 12 months). */
    @GetMapping("/api/v1/reports/direct-debit-take-up")
    TakeUpReport.Report takeUp(@RequestParam String authority, @RequestParam(required = false) @Nullable LocalDate from,
                               @RequestParam(required = false) @Nullable LocalDate to) {
        BillingAuthority council = authorities.named(authority, "authority");
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
        if (start.isAfter(end)) {
            throw InvalidInput.of("from", "is after 'to'");
        }
        return takeUp.report(council.id(), council.gssCode(), start, end);
    }

    private RunView view(DirectDebitRuns.Run run) {
        return new RunView(run.id(), run.authority(), run.processingDay(), run.status(), run.collections(), run.total().pence(), run.skipped(),
                run.auddisFileId(), run.failure(), "/api/v1/direct-debit/runs/" + run.id() + "/file",
                runs.skipped(run.id(), 1000).stream().map(s -> new SkippedView(s.accountReference(), s.mandateReference(), s.dueOn(),
                        s.financialYear(), s.amount().pence(), s.reason())).toList());
    }
}
