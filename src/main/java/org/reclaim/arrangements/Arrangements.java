package org.reclaim.arrangements;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.directdebit.PaymentMethodChoices;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.payments.PaymentMethod;
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes arrangements: checks the terms against the debts and the proposal, writes the arrangement and its schedule,
 * places a recovery hold of type ARRANGEMENT on each account for its length, and records the payment method chosen —
 * all in one transaction.
 */
@Service
class Arrangements {

    /** Holds that mean no arrangement can be agreed on the account: nobody can be asked to pay, or one is already running. */
    private static final List<HoldType> FORBIDDING = List.of(HoldType.DECEASED, HoldType.INSOLVENCY, HoldType.ARRANGEMENT);

    record NewArrangement(@Nullable Long partyId, List<String> accounts, @Nullable Long instalmentPence, @Nullable String frequency,
                          @Nullable LocalDate firstPaymentOn, @Nullable String method, @Nullable Boolean madeAtFirstContact,
                          @Nullable Long incomeExpenditureId, @Nullable String acceptedBelowProposalReason, @Nullable LocalDate madeOn,
                          @Nullable String longerTermReason) {
    }

    record Made(Arrangement arrangement, boolean repeated) {
    }

    private final JdbcClient jdbc;
    private final Parties parties;
    private final Accounts accounts;
    private final DebtsInScope debtsInScope;
    private final IncomeExpenditureForms forms;
    private final ArrangementPolicies policies;
    private final Holds holds;
    private final PaymentMethodChoices choices;
    private final ArrangementRecords records;
    private final AccessAudit audit;
    private final Clock clock;

    Arrangements(JdbcClient jdbc, Parties parties, Accounts accounts, DebtsInScope debtsInScope, IncomeExpenditureForms forms,
                 ArrangementPolicies policies, Holds holds, PaymentMethodChoices choices, ArrangementRecords records, AccessAudit audit,
                 Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.accounts = accounts;
        this.debtsInScope = debtsInScope;
        this.forms = forms;
        this.policies = policies;
        this.holds = holds;
        this.choices = choices;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Made make(NewArrangement in, @Nullable String idempotencyKey) {
        if (in.partyId() == null) {
            throw InvalidInput.of("partyId", "is required: the customer who agrees the arrangement");
        }
        Party party = parties.find(in.partyId()).orElseThrow(() -> InvalidInput.of("partyId", "there is no customer " + in.partyId()));
        if (idempotencyKey != null) {
            Optional<Arrangement> first = records.byKey(party.authorityId(), idempotencyKey);
            if (first.isPresent()) {
                return new Made(first.get(), true);
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate madeOn = in.madeOn() == null ? today : in.madeOn();
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (madeOn.isAfter(today)) {
            errors.add(new InvalidInput.FieldError("madeOn", "is after today (" + today + ")"));
        }
        if (in.instalmentPence() == null || in.instalmentPence() <= 0) {
            errors.add(new InvalidInput.FieldError("instalmentPence", "is required and must be more than zero"));
        }
        PaymentFrequency frequency = IncomeExpenditureForms.parse(PaymentFrequency.class, in.frequency(), "frequency", errors);
        PaymentMethod method = IncomeExpenditureForms.parse(PaymentMethod.class, in.method(), "method", errors);
        if (in.firstPaymentOn() == null) {
            errors.add(new InvalidInput.FieldError("firstPaymentOn", "is required"));
        } else if (in.firstPaymentOn().isBefore(madeOn)) {
            errors.add(new InvalidInput.FieldError("firstPaymentOn", "is in the past: it must be on or after " + madeOn));
        }
        if (in.madeAtFirstContact() == null) {
            errors.add(new InvalidInput.FieldError("madeAtFirstContact", "is required: was it agreed at the first contact (true or false)?"));
        }
        IncomeExpenditureForms.Form form = null;
        if (in.incomeExpenditureId() != null) {
            form = forms.read(party.authorityId(), in.incomeExpenditureId()).filter(f -> f.partyId() == party.id()).orElse(null);
            if (form == null) {
                errors.add(new InvalidInput.FieldError("incomeExpenditureId", "customer " + party.id() + " has no income and expenditure form "
                        + in.incomeExpenditureId()));
            }
        }
        List<Account> inScope = List.of();
        try {
            inScope = debtsInScope.accountsOf(party, in.accounts() == null ? List.of() : in.accounts(), "accounts");
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        // one arrangement per account at a time: the account rows stay locked until this transaction ends
        accounts.lockAll(party.authorityId(), inScope.stream().map(Account::reference).toList());
        for (Account a : inScope) {
            holds.of(a).stream().filter(h -> h.inForceOn(madeOn) && FORBIDDING.contains(h.type())).findFirst().ifPresent(h -> {
                throw Conflict.because("account " + a.reference() + " is held (" + h.type() + " from " + h.startsOn() + "): "
                        + (h.type() == HoldType.ARRANGEMENT ? "it already has an arrangement; cancel it first" : "no arrangement can be agreed"));
            });
        }
        List<DebtsInScope.Debt> debts = debtsInScope.debts(inScope, madeOn, "accounts");
        Money debt = debts.stream().map(DebtsInScope.Debt::balance).reduce(Money.ZERO, Money::plus);
        Money instalment = Money.ofPence(in.instalmentPence());
        Affordability.Proposal proposal = Affordability.propose(form == null ? Affordability.Totals.NONE : form.totals(), debt, frequency,
                in.firstPaymentOn());
        // with an I&E the proposal is what it shows affordable; without one, the instalment that clears the debt by 31 March
        Money proposed = form == null ? proposal.clearingInstalment() : proposal.proposedInstalment();
        String reason = in.acceptedBelowProposalReason() == null ? null : in.acceptedBelowProposalReason().trim();
        if (proposed != null && proposed.isGreaterThan(instalment) && (reason == null || reason.isEmpty())) {
            throw InvalidInput.of("acceptedBelowProposalReason", "is required: " + instalment.pence() + " pence is below the proposal of "
                    + proposed.pence() + " pence (" + (form == null ? "clearing the debt by " + proposal.yearEnd() : "from the income and expenditure")
                    + "); say why the lower amount is accepted");
        }
        List<PaymentPlan.Payment> schedule = PaymentPlan.schedule(debts.stream()
                .map(d -> new PaymentPlan.Debt(d.account().id(), d.balance())).toList(), instalment, frequency, in.firstPaymentOn());
        LocalDate last = schedule.get(schedule.size() - 1).dueOn();
        // the authority's longest term (its policy): longer only with the officer's reason, kept on the arrangement
        Integer longest = policies.current(party.authorityId()).longestTermMonths();
        String longerReason = in.longerTermReason() == null || in.longerTermReason().isBlank() ? null : in.longerTermReason().trim();
        boolean longer = longest != null && last.isAfter(madeOn.plusMonths(longest));
        if (longer && longerReason == null) {
            throw InvalidInput.of("longerTermReason", "is required: at " + instalment + " the debt of " + debt + " is cleared on " + last
                    + ", beyond the authority's longest term of " + longest + " months (by " + madeOn.plusMonths(longest)
                    + "); raise the instalment or say why the longer term is agreed");
        }
        long id = jdbc.sql("""
                insert into arrangement (authority_id, party_id, income_expenditure_id, instalment_pence, frequency, first_payment_on, last_payment_on,
                                         total_pence, method, made_at_first_contact, proposal_pence, below_proposal_reason, made_on, status,
                                         created_at, created_by, idempotency_key, longer_term_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?) returning id""")
                .params(party.authorityId(), party.id(), in.incomeExpenditureId(), instalment.pence(), frequency.name(), in.firstPaymentOn(), last,
                        debt.pence(), method.name(), in.madeAtFirstContact(), proposed == null ? null : proposed.pence(),
                        proposed != null && proposed.isGreaterThan(instalment) ? reason : null, madeOn, OffsetDateTime.now(clock),
                        AccessAudit.currentUser(), idempotencyKey, longer ? longerReason : null)
                .query(Long.class).single();
        // the hold lasts to the last payment and its grace days, so recovery waits while the arrangement is being kept
        LocalDate holdEnds = last.plusDays(policies.current(party.authorityId()).graceDays());
        for (int i = 0; i < debts.size(); i++) {
            DebtsInScope.Debt d = debts.get(i);
            Holds.Hold hold = holds.place(d.account(), HoldType.ARRANGEMENT, madeOn, holdEnds, null, "arrangement " + id + ": "
                    + instalment + " " + frequency.name().toLowerCase() + " from "
                    + in.firstPaymentOn().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
            jdbc.sql("""
                    insert into arrangement_account (authority_id, arrangement_id, account_id, position, debt_pence, hold_id)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(party.authorityId(), id, d.account().id(), i + 1, d.balance().pence(), hold.id()).update();
            choices.record(d.account(), method, "arrangement " + id);
            audit.record(party.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, d.account().reference(),
                    "arrangement " + id + " made");
        }
        for (PaymentPlan.Payment p : schedule) {
            for (PaymentPlan.Share s : p.shares()) {
                jdbc.sql("""
                        insert into arrangement_instalment (authority_id, arrangement_id, number, account_id, due_on, amount_pence)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(party.authorityId(), id, p.number(), s.accountId(), p.dueOn(), s.amount().pence()).update();
            }
        }
        return new Made(records.read(party.authorityId(), id).orElseThrow(), false);
    }

    /** The arrangement, with a READ line in the access audit for each account. */
    Arrangement get(long id) {
        Arrangement a = records.find(id).orElseThrow(() -> NotFound.of("arrangement", id));
        audit.recordAll(AccessAudit.Action.READ, a.accounts().stream()
                .map(x -> new AccessAudit.Seen(a.authorityId(), AccessAudit.Subject.ACCOUNT, x.reference().value())).toList(), "arrangement " + id);
        return a;
    }

    List<Arrangement> onAccount(Account account) {
        return records.onAccount(account.authorityId(), account.id()).stream()
                .map(id -> records.read(account.authorityId(), id).orElseThrow()).toList();
    }
}
