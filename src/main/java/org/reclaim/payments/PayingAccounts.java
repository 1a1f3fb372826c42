package org.reclaim.payments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.AccountStatus;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Posting;
import org.reclaim.billing.Bills;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a payment is allocated against: each account's years (what was charged, what of it was recovery costs, what
 * earlier payments set against costs), its current instalments and its authority's rule. Read for one account when one
 * payment arrives and for thousands in the same three queries when a file does, so that {@link Payments#receive} and
 * {@link PaymentFileChunk} decide from the same figures with the same code.
 */
@Component
class PayingAccounts {

    /**
     * One account as payments see it, kept up to date in memory as the payments of a chunk are set against it: after
     * {@link #apply} it is what reading it again from the database would give.
     */
    static final class State {
        private final Account account;
        private final AllocationRule rule;
        private final List<Allocator.PlannedInstalment> instalments;
        /** Per year: balance, costs charged, payments set against costs (pence). */
        private final TreeMap<FinancialYear, long[]> years;

        State(Account account, AllocationRule rule, List<Allocator.PlannedInstalment> instalments, TreeMap<FinancialYear, long[]> years) {
            this.account = account;
            this.rule = rule;
            this.instalments = instalments;
            this.years = years;
        }

        Account account() {
            return account;
        }

        Money balance() {
            return Money.ofPence(years.values().stream().mapToLong(y -> y[0]).sum());
        }

        /** An open account takes any payment; a closed one only while it still owes. */
        boolean canTake() {
            return account.status() == AccountStatus.OPEN || balance().isPositive();
        }

        /**
         * What each year still owes. A year's balance is what it owes in all; of that, its recovery costs are unpaid as
         * far as costs charged exceed payments set against costs.
         */
        List<Allocator.Owed> owed() {
            List<Allocator.Owed> owed = new ArrayList<>();
            years.forEach((year, y) -> {
                if (y[0] > 0) {
                    long costs = Math.max(0, Math.min(y[0], y[1] - y[2]));
                    owed.add(new Allocator.Owed(year, Money.ofPence(costs), Money.ofPence(y[0] - costs)));
                }
            });
            return owed;
        }

        List<Allocation> allocate(PaymentReceipt receipt) {
            return allocate(receipt.amount(), receipt.receivedOn(), receipt.namedYear());
        }

        List<Allocation> allocate(Money amount, java.time.LocalDate receivedOn, @Nullable FinancialYear named) {
            return Allocator.allocate(amount, receivedOn, named, rule, owed(), instalments);
        }

        /** Takes the allocations of a payment just posted into account, as the ledger now has them. */
        void apply(List<Allocation> allocations) {
            for (Allocation a : allocations) {
                long[] y = years.computeIfAbsent(a.year(), k -> new long[3]);
                y[0] = Math.subtractExact(y[0], a.amount().pence());
                if (a.part() == Allocation.Part.COSTS) {
                    y[2] = Math.addExact(y[2], a.amount().pence());
                }
            }
        }
    }

    private final JdbcClient jdbc;
    private final Bills bills;

    PayingAccounts(JdbcClient jdbc, Bills bills) {
        this.jdbc = jdbc;
        this.bills = bills;
    }

    State read(Account account) {
        return readAll(account.authorityId(), List.of(account)).get(account.id());
    }

    /** The state of each account (all of one authority), by account id. */
    Map<Long, State> readAll(int authorityId, Collection<Account> accounts) {
        Map<Long, State> states = new LinkedHashMap<>();
        if (accounts.isEmpty()) {
            return states;
        }
        Long[] ids = accounts.stream().map(Account::id).toArray(Long[]::new);
        Map<Long, TreeMap<FinancialYear, long[]>> years = new HashMap<>();
        jdbc.sql("""
                select y.account_id, y.financial_year, y.balance, y.costs, coalesce(p.costs_paid, 0)
                from (select account_id, financial_year, sum(amount_pence) as balance,
                             coalesce(sum(amount_pence) filter (where entry_type = 'COSTS'), 0) as costs
                      from ledger_entry where authority_id = :authority and account_id = any(:ids) group by account_id, financial_year) y
                left join (select account_id, financial_year, sum(amount_pence) as costs_paid from payment_allocation
                           where authority_id = :authority and account_id = any(:ids) and part = 'COSTS'
                           group by account_id, financial_year) p
                       on p.account_id = y.account_id and p.financial_year = y.financial_year""")
                .param("authority", authorityId).param("ids", ids)
                .query((rs, n) -> years.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                        .put(FinancialYear.of(rs.getInt(2)), new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)}))
                .list();
        Map<Long, List<Allocator.PlannedInstalment>> instalments = new HashMap<>();
        for (Bills.CurrentInstalment i : bills.currentInstalments(authorityId, List.of(ids))) {
            instalments.computeIfAbsent(i.accountId(), k -> new ArrayList<>())
                    .add(new Allocator.PlannedInstalment(i.year(), i.dueOn(), i.amount()));
        }
        Map<String, AllocationRule> rules = rules(authorityId);
        for (Account a : accounts) {
            states.put(a.id(), new State(a, rules.getOrDefault(a.stream().name(), AllocationRule.OLDEST_FIRST),
                    instalments.getOrDefault(a.id(), List.of()), years.getOrDefault(a.id(), new TreeMap<>())));
        }
        return states;
    }

    /** The authority's rule per revenue stream; a stream with none is allocated oldest first. */
    private Map<String, AllocationRule> rules(int authorityId) {
        Map<String, AllocationRule> rules = new HashMap<>();
        jdbc.sql("select stream, rule from allocation_rule where authority_id = ?").param(authorityId)
                .query((rs, n) -> rules.put(rs.getString(1), AllocationRule.valueOf(rs.getString(2)))).list();
        return rules;
    }

    // ------------------------------------------------------------------ from a receipt to rows, for both paths

    /** The reference the payer gave, if it reads as an account reference. */
    static Optional<AccountReference> reference(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(AccountReference.parse(text));
        } catch (IllegalArgumentException | InvalidInput notAReference) {
            return Optional.empty();
        }
    }

    /**
     * Why a payment could not be posted, in words an officer can act on.
     *
     * @param found the account its reference names, at whichever authority, if there is one
     */
    static String suspenseReason(PaymentReceipt receipt, Optional<AccountReference> reference, Optional<Account> found) {
        if (receipt.reference() == null || receipt.reference().isBlank()) {
            return "no reference given";
        }
        if (reference.isEmpty()) {
            return "'" + receipt.reference() + "' is not an account reference";
        }
        if (found.isEmpty()) {
            return "no account " + reference.get();
        }
        if (found.get().authorityId() != receipt.authorityId()) {
            return "account " + reference.get() + " belongs to another authority";
        }
        return "account " + reference.get() + " is closed with nothing owed";
    }

    /** The ledger entry for one part of a payment; its key makes it once-only. */
    static Posting posting(long paymentId, int line, PaymentReceipt receipt, AccountReference account, Allocation a) {
        return new Posting(account, a.year(), EntryType.PAYMENT, a.amount().negate(), receipt.receivedOn(), null,
                receipt.method().label() + " payment " + paymentId, ledgerKey(paymentId, line), null);
    }

    static String ledgerKey(long paymentId, int line) {
        return "payment-" + paymentId + "-" + line;
    }

    /** What the access audit says of a posting, the same whether {@code Ledger.post} or a payment file wrote it. */
    static String auditDetail(Posting p) {
        return p.type() + " " + p.amount() + " posted";
    }
}
