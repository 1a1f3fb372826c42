package org.reclaim.arrangements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.parties.Party;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The customer's debts an arrangement or a proposal covers: accounts named by reference, each one the customer is
 * liable on at the customer's authority and owing money, with what it owes — the balance, which is the arrears, the
 * rest of the year's charge and any recovery costs — in the authority's order (its stream order, then oldest debt first).
 */
@Component
class DebtsInScope {

    /** One account's debt; {@code oldestYearOwing} orders debts of the same stream, oldest first. */
    record Debt(Account account, Money balance, Money arrears, Money costs, int oldestYearOwing) {

        Money notYetDue() {
            return balance.minus(arrears).max(Money.ZERO);
        }
    }

    private final Accounts accounts;
    private final Ledger ledger;
    private final ArrangementPolicies policies;

    DebtsInScope(Accounts accounts, Ledger ledger, ArrangementPolicies policies) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.policies = policies;
    }

    /** The references as accounts of the customer's authority, refusing any that is unknown, named twice or not the customer's. */
    List<Account> accountsOf(Party party, List<String> references, String field) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (references.isEmpty()) {
            throw InvalidInput.of(field, "are required: name at least one account reference");
        }
        List<Account> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < references.size(); i++) {
            String at = field + "[" + i + "]";
            Optional<Account> account = parse(references.get(i)).flatMap(accounts::find).filter(a -> a.authorityId() == party.authorityId());
            if (account.isEmpty()) {
                errors.add(new InvalidInput.FieldError(at, "there is no account " + references.get(i) + " at the customer's council"));
            } else if (!account.get().liablePartyIds().contains(party.id())) {
                errors.add(new InvalidInput.FieldError(at, "customer " + party.id() + " is not liable on account " + references.get(i)));
            } else if (!seen.add(account.get().id())) {
                errors.add(new InvalidInput.FieldError(at, "names account " + references.get(i) + " twice"));
            } else {
                found.add(account.get());
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        return found;
    }

    /** What each account owes on the day, in the authority's order; refuses an account that owes nothing. */
    List<Debt> debts(List<Account> inScope, LocalDate asOf, String field) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        List<Debt> debts = new ArrayList<>();
        for (int i = 0; i < inScope.size(); i++) {
            Account a = inScope.get(i);
            Money balance = ledger.balance(a);
            if (!balance.isPositive()) {
                errors.add(new InvalidInput.FieldError(field + "[" + i + "]", "account " + a.reference() + " owes nothing (balance "
                        + balance.pence() + " pence)"));
                continue;
            }
            Money costs = ledger.entries(a).stream().filter(e -> e.type() == EntryType.COSTS).map(e -> e.amount()).reduce(Money.ZERO, Money::plus);
            int oldest = ledger.balancesByYear(a).stream().filter(y -> y.balance().isPositive()).mapToInt(y -> y.financialYear().startYear())
                    .min().orElse(Integer.MAX_VALUE);
            debts.add(new Debt(a, balance, ledger.arrears(a, asOf).min(balance), costs, oldest));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        ArrangementPolicies.Policy policy = policies.current(inScope.get(0).authorityId());
        debts.sort(Comparator.<Debt>comparingInt(d -> policy.rank(d.account().stream())).thenComparingInt(Debt::oldestYearOwing)
                .thenComparingLong(d -> d.account().id()));
        return debts;
    }

    private static Optional<AccountReference> parse(String reference) {
        try {
            return Optional.of(AccountReference.parse(reference.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
