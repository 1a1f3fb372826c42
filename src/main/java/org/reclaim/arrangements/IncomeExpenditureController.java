package org.reclaim.arrangements;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.shared.AccessAudit;
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

/** Income and expenditure forms, their 10-day worklist and the affordability proposal from a form. */
@RestController
class IncomeExpenditureController {

    record Household(@NotNull Integer adults, @NotNull Integer children) {
    }

    record FormInput(@Nullable LocalDate receivedOn, @Nullable String channel, @Valid @NotNull Household household,
                     @Nullable List<IncomeExpenditureForms.NewLine> lines) {
    }

    record LineView(SfsCategory category, String item, long pence, LineFrequency frequency, long monthlyPence) {
    }

    record TotalsView(long incomePence, long fixedCostsPence, long flexibleCostsPence, long priorityDebtsPence, long otherDebtsPence) {
        static TotalsView of(Affordability.Totals t) {
            return new TotalsView(t.income().pence(), t.fixedCosts().pence(), t.flexibleCosts().pence(), t.priorityDebts().pence(),
                    t.otherDebts().pence());
        }
    }

    record ItemView(String item, long monthlyPence, @Nullable Long guidelinePence, GuidelineCheck.Status status) {
    }

    record GuidelinesView(GuidelineCheck.Status status, @Nullable Integer version, @Nullable LocalDate effectiveFrom, @Nullable String source,
                          String message, List<ItemView> items) {
    }

    record FormView(long id, long partyId, LocalDate receivedOn, Channel channel, Household household, LocalDate respondBy, long daysLeft,
                    List<LineView> lines, String conversion, TotalsView totals, long disposableIncomePence, GuidelinesView guidelines,
                    List<ItemView> flags, OffsetDateTime recordedAt, String recordedBy) {
    }

    record WaitingView(long id, long partyId, String customerName, LocalDate receivedOn, Channel channel, LocalDate respondBy, long daysLeft,
                       long disposableIncomePence, @Nullable Long arrangementId) {
    }

    record DebtView(String reference, String stream, long balancePence, long arrearsPence, long notYetDuePence, long costsPence) {
    }

    record ProposalView(long incomeExpenditureId, List<DebtView> accounts, long debtPence, TotalsView totals, long disposableIncomePence,
                        PaymentFrequency frequency, long availablePerPaymentPence, LocalDate firstPaymentOn, LocalDate yearEnd,
                        int paymentsToYearEnd, long clearingInstalmentPence, boolean clearsByYearEnd, @Nullable Long proposedInstalmentPence,
                        long payments, @Nullable LocalDate clearsOn, String priorityDebts, String explanation,
                        List<PromptView> entitlementPrompts) {
    }

    /** The body of {@code POST /api/v1/arrangements/proposals}: the form and the accounts whose debts are in scope. */
    record ProposalRequest(@NotNull(message = "is required: the income and expenditure form the proposal is worked from") Long incomeExpenditureId,
                           @jakarta.validation.constraints.NotEmpty(message = "is required: the references of the accounts in scope") List<String> accounts,
                           @Nullable String frequency, @Nullable LocalDate firstPaymentOn) {
    }

    /** Something the form and the records suggest the customer may be entitled to on an account and has not got. */
    record PromptView(String account, String code, String title, String why, String ask, String rule) {
    }

    private final IncomeExpenditureForms forms;
    private final SpendingGuidelines guidelines;
    private final DebtsInScope debts;
    private final Parties parties;
    private final Authorities authorities;
    private final AccessAudit audit;
    private final ProposalWork work;
    private final Clock clock;

    IncomeExpenditureController(IncomeExpenditureForms forms, SpendingGuidelines guidelines, DebtsInScope debts, Parties parties,
                                Authorities authorities, AccessAudit audit, ProposalWork work, Clock clock) {
        this.work = work;
        this.forms = forms;
        this.guidelines = guidelines;
        this.debts = debts;
        this.parties = parties;
        this.authorities = authorities;
        this.audit = audit;
        this.clock = clock;
    }

    /** With an {@code Idempotency-Key} header a repeat returns the first form (200) and records nothing. */
    @PostMapping({"/api/v1/parties/{partyId}/income-expenditure", "/api/v1/customers/{partyId}/income-expenditure"})
    ResponseEntity<FormView> record(@PathVariable long partyId, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
                                    @Valid @RequestBody FormInput in) {
        org.reclaim.shared.IdempotencyKey.check(key);
        IncomeExpenditureForms.Recorded r = forms.record(partyId, new IncomeExpenditureForms.NewForm(in.receivedOn(), in.channel(),
                in.household().adults(), in.household().children(), in.lines()), key);
        return ResponseEntity.status(r.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(view(r.form()));
    }

    @GetMapping({"/api/v1/parties/{partyId}/income-expenditure", "/api/v1/customers/{partyId}/income-expenditure"})
    List<FormView> ofParty(@PathVariable long partyId) {
        return forms.ofParty(partyId).stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/income-expenditure/{id}")
    FormView get(@PathVariable long id) {
        return view(forms.get(id));
    }

    /** The worklist: forms least time left first; {@code open=true} (default) only those with no arrangement yet. */
    @GetMapping("/api/v1/income-expenditure")
    List<WaitingView> worklist(@RequestParam String authority, @RequestParam(defaultValue = "true") boolean open,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        BillingAuthority council = authorities.named(authority, "authority");
        return forms.worklist(council.id(), open, asOf == null ? LocalDate.now(clock) : asOf).stream().map(w -> new WaitingView(w.form().id(),
                w.form().partyId(), parties.get(w.form().partyId()).displayName(), w.form().receivedOn(), w.form().channel(), w.form().respondBy(),
                w.daysLeft(), w.form().totals().disposable().pence(), w.arrangementId())).toList();
    }

    /** The proposal for an I&E and the debts in scope (issue 6's contract); the same as the GET below. */
    @PostMapping("/api/v1/arrangements/proposals")
    ProposalView propose(@Valid @RequestBody ProposalRequest r) {
        return proposal(r.incomeExpenditureId(), r.accounts(), r.frequency() == null ? "MONTHLY" : r.frequency(), r.firstPaymentOn());
    }

    @GetMapping("/api/v1/income-expenditure/{id}/proposal")
    ProposalView proposal(@PathVariable long id, @RequestParam List<String> accounts, @RequestParam(defaultValue = "MONTHLY") String frequency,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate firstPaymentOn) {
        IncomeExpenditureForms.Form form = forms.get(id);
        Party party = parties.get(form.partyId());
        LocalDate first = firstPaymentOn == null ? LocalDate.now(clock) : firstPaymentOn;
        ProposalWork.Worked w = work.work(form, debts.accountsOf(party, accounts, "accounts"), frequency, first);
        Affordability.Proposal p = w.proposal();
        return new ProposalView(id, w.owed().stream().map(d -> new DebtView(d.account().reference().value(), d.account().stream().name(),
                d.balance().pence(), d.arrears().pence(), d.notYetDue().pence(), d.costs().pence())).toList(), w.debt().pence(),
                TotalsView.of(form.totals()), p.disposableMonthly().pence(), w.frequency(), p.availablePerPayment().pence(), first, p.yearEnd(),
                p.paymentsToYearEnd(), p.clearingInstalment().pence(), p.clearsByYearEnd(),
                p.proposedInstalment() == null ? null : p.proposedInstalment().pence(), p.payments(), p.clearsOn(), Affordability.PRIORITY,
                p.explanation(), w.prompts().stream().map(f -> new PromptView(f.account().reference().value(), f.prompt().code().name(),
                        f.prompt().title(), f.prompt().why(), f.prompt().ask(), f.prompt().rule())).toList());
    }

    private FormView view(IncomeExpenditureForms.Form f) {
        GuidelineCheck.Result g = GuidelineCheck.assess(f, f.guidelineVersion() == null ? java.util.Optional.empty()
                : java.util.Optional.of(guidelines.read(f.authorityId(), f.guidelineVersion())));
        List<ItemView> items = g.items().stream().map(IncomeExpenditureController::item).toList();
        return new FormView(f.id(), f.partyId(), f.receivedOn(), f.channel(), new Household(f.adults(), f.children()), f.respondBy(),
                IncomeExpenditureForms.daysLeft(f, LocalDate.now(clock)),
                f.lines().stream().map(l -> new LineView(l.category(), l.item(), l.amount().pence(), l.frequency(), l.monthly().pence())).toList(),
                LineFrequency.CONVERSION, TotalsView.of(f.totals()), f.totals().disposable().pence(),
                new GuidelinesView(g.status(), g.version(), g.effectiveFrom(), g.source(), g.message(), items),
                g.flags().stream().map(IncomeExpenditureController::item).toList(), f.recordedAt(), f.recordedBy());
    }

    private static ItemView item(GuidelineCheck.Item i) {
        return new ItemView(i.item(), i.monthly().pence(), i.guideline() == null ? null : i.guideline().pence(), i.status());
    }
}
