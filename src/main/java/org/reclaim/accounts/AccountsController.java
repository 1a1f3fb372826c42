package org.reclaim.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.properties.Properties;
import org.reclaim.properties.Property;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts: search, the whole account on one read, its ledger, opening an account and posting an adjustment. */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountsController {

    record AuthorityRef(String gssCode, String name) {
    }

    record PartyRef(long id, String kind, String name) {
    }

    record YearView(String financialYear, long balancePence, long arrearsPence) {
    }

    record AccountView(String reference, RevenueStream stream, AccountStatus status, AuthorityRef authority,
                       List<PartyRef> parties, @Nullable Property property, LocalDate liabilityStart,
                       @Nullable LocalDate liabilityEnd, long balancePence, long arrearsPence, List<YearView> years) {
    }

    record TransactionView(long id, String financialYear, EntryType type, long amountPence, long balancePence,
                           LocalDate effectiveOn, @Nullable LocalDate dueOn, Instant postedAt, String postedBy,
                           String description, @Nullable Long correctsEntryId) {
    }

    record NewAdjustment(@NotBlank(message = "is required, for example 2026/27") String financialYear,
                         @NotNull Long amountPence,
                         @NotBlank(message = "is required: say why the balance changes") @Size(max = 500) String reason,
                         @Nullable LocalDate effectiveOn,
                         @Nullable Long correctsEntryId) {
    }

    private final Accounts accounts;
    private final AccountSearch search;
    private final Ledger ledger;
    private final Parties parties;
    private final Properties properties;
    private final Authorities authorities;
    private final AccessAudit audit;
    private final Clock clock;

    AccountsController(Accounts accounts, AccountSearch search, Ledger ledger, Parties parties, Properties properties,
                       Authorities authorities, AccessAudit audit, Clock clock) {
        this.accounts = accounts;
        this.search = search;
        this.ledger = ledger;
        this.parties = parties;
        this.properties = properties;
        this.authorities = authorities;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    List<AccountSearch.Hit> search(@RequestParam String q) {
        List<AccountSearch.Hit> hits = search.search(q);
        audit.recordAll(AccessAudit.Action.SEARCH, hits.stream()
                .map(h -> new AccessAudit.Seen(h.authorityId(), AccessAudit.Subject.ACCOUNT, h.reference())).toList(), "search result");
        return hits;
    }

    /** One consistent snapshot: balance, arrears and years add up even while payments are being posted. */
    @GetMapping("/{reference}")
    @Transactional(isolation = Isolation.REPEATABLE_READ)   // not read-only: the audit line is written in it
    AccountView get(@PathVariable String reference) {
        Account account = accounts.readForRequest(reference, "");
        audit.recordAll(AccessAudit.Action.READ, account.liablePartyIds().stream()
                .map(id -> new AccessAudit.Seen(account.authorityId(), AccessAudit.Subject.PARTY, String.valueOf(id))).toList(),
                "shown on account " + account.reference());
        return view(account);
    }

    @GetMapping("/{reference}/transactions")
    List<TransactionView> transactions(@PathVariable String reference) {
        Account account = accounts.readForRequest(reference, "/transactions");
        List<TransactionView> views = new ArrayList<>();
        long running = 0;
        for (LedgerEntry e : ledger.entries(account)) {
            running = Math.addExact(running, e.amount().pence());
            views.add(new TransactionView(e.id(), e.financialYear().toString(), e.type(), e.amount().pence(), running,
                    e.effectiveOn(), e.dueOn(), e.postedAt(), e.postedBy(), e.description(), e.correctsEntryId()));
        }
        return views;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView open(@Valid @RequestBody OpenAccount request) {
        return view(accounts.open(request));
    }

    @PostMapping("/{reference}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    TransactionView adjust(@PathVariable String reference, @Valid @RequestBody NewAdjustment request) {
        FinancialYear year = FinancialYear.fromRequest(request.financialYear(), "financialYear");
        LocalDate on = request.effectiveOn() == null ? LocalDate.now(clock) : request.effectiveOn();
        Posting posting = new Posting(AccountReference.fromRequest(reference), year, EntryType.ADJUSTMENT, Money.ofPence(request.amountPence()), on, null,
                request.reason(), null, request.correctsEntryId());
        LedgerEntry e = ledger.post(posting);
        Money balance = ledger.balance(accounts.get(AccountReference.fromRequest(reference)));
        return new TransactionView(e.id(), e.financialYear().toString(), e.type(), e.amount().pence(), balance.pence(),
                e.effectiveOn(), e.dueOn(), e.postedAt(), e.postedBy(), e.description(), e.correctsEntryId());
    }

    private AccountView view(Account account) {
        BillingAuthority authority = authorities.byId(account.authorityId());
        List<PartyRef> liable = parties.findAll(account.liablePartyIds()).stream()
                .map(p -> new PartyRef(p.id(), p.kind().name(), p.displayName())).toList();
        Property property = account.propertyId() == null ? null : properties.find(account.propertyId()).orElse(null);
        Ledger.Position position = ledger.position(account, LocalDate.now(clock));
        List<YearView> years = position.years().stream()
                .map(y -> new YearView(y.financialYear().toString(), y.balance().pence(), y.arrears().pence())).toList();
        return new AccountView(account.reference().value(), account.stream(), account.status(),
                new AuthorityRef(authority.gssCode(), authority.name()), liable, property, account.liabilityStart(),
                account.liabilityEnd(), position.balance().pence(), position.arrears().pence(), years);
    }

}
