package org.reclaim.arrangements;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.reclaim.support.EntitlementPrompt;
import org.reclaim.support.EntitlementPrompts;
import org.reclaim.support.HouseholdFacts;
import org.springframework.stereotype.Component;

/**
 * The affordability proposal's work, once for the API and the officer's pages: the debts in scope (their reads
 * audited), the proposal from the form's totals (none without a form), and the benefits maximisation prompts for each
 * account when an I&E is taken (issue 6). Each caller shapes the answer its own way.
 */
@Component
class ProposalWork {

    /** An entitlement prompt and the account it is for. */
    record Found(Account account, EntitlementPrompt prompt) {
    }

    record Worked(PaymentFrequency frequency, List<DebtsInScope.Debt> owed, Money debt, Affordability.Proposal proposal, List<Found> prompts) {
    }

    private final DebtsInScope debts;
    private final EntitlementPrompts prompts;
    private final AccessAudit audit;
    private final Clock clock;

    ProposalWork(DebtsInScope debts, EntitlementPrompts prompts, AccessAudit audit, Clock clock) {
        this.debts = debts;
        this.prompts = prompts;
        this.audit = audit;
        this.clock = clock;
    }

    Worked work(IncomeExpenditureForms.@Nullable Form form, List<Account> inScope, String frequency, LocalDate firstPaymentOn) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        PaymentFrequency f = IncomeExpenditureForms.parse(PaymentFrequency.class, frequency, "frequency", errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        LocalDate today = LocalDate.now(clock);
        List<DebtsInScope.Debt> owed = inScope.isEmpty() ? List.of() : debts.debts(inScope, today, "accounts");
        audit.recordAll(AccessAudit.Action.READ, inScope.stream()
                .map(a -> new AccessAudit.Seen(a.authorityId(), AccessAudit.Subject.ACCOUNT, a.reference().value())).toList(),
                "affordability proposal" + (form == null ? "" : " from income and expenditure form " + form.id()));
        Money debt = owed.stream().map(DebtsInScope.Debt::balance).reduce(Money.ZERO, Money::plus);
        Affordability.Proposal p = Affordability.propose(form == null ? Affordability.Totals.NONE : form.totals(), debt, f, firstPaymentOn);
        List<Found> found = new ArrayList<>();
        if (form != null) {
            // the household and income the form gives, with the records, checked for what the customer may be missing
            HouseholdFacts household = new HouseholdFacts(form.adults(), form.totals().income(), java.util.Set.of());
            for (Account a : inScope) {
                prompts.forAccount(a, household, today).forEach(e -> found.add(new Found(a, e)));
            }
        }
        return new Worked(f, owed, debt, p, found);
    }
}
