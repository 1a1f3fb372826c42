package org.reclaim.officer.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.billing.Bills;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.stereotype.Component;

/** The account's money: balance and arrears in total and by year, the instalments of the bills in force, and the ledger. */
@Component
public class AccountFigures {

    /** Transactions shown on the page; the rest are counted. */
    static final int TRANSACTIONS_SHOWN = 50;

    /** A ledger entry with the balance after it. */
    public record Transaction(LedgerEntry entry, Money balanceAfter) {
    }

    /**
     * {@code ledger}: every entry, oldest first (the timeline uses them all); {@code transactions}: the newest
     * {@link #TRANSACTIONS_SHOWN}, newest first; {@code transactionsNotShown}: how many older ones are left out.
     */
    public record Figures(Ledger.Position position, List<InstalmentStatuses.Row> instalments, List<LedgerEntry> ledger,
                          List<Transaction> transactions, int transactionsNotShown) {

        public boolean inCredit() {
            return position.balance().isNegative();
        }
    }

    private final Ledger ledger;
    private final Bills bills;
    private final Clock clock;

    AccountFigures(Ledger ledger, Bills bills, Clock clock) {
        this.ledger = ledger;
        this.bills = bills;
        this.clock = clock;
    }

    Figures of(Account account) {
        LocalDate today = LocalDate.now(clock);
        Ledger.Position position = ledger.position(account, today);
        Map<FinancialYear, Money> owed = position.years().stream()
                .collect(Collectors.toMap(Ledger.YearOwed::financialYear, Ledger.YearOwed::balance));
        List<InstalmentStatuses.Row> instalments = InstalmentStatuses.of(bills.currentBills(account), owed, today);
        List<LedgerEntry> entries = ledger.entries(account);
        List<Transaction> newestFirst = new java.util.ArrayList<>(entries.size());
        long running = 0;
        for (LedgerEntry e : entries) {
            running = Math.addExact(running, e.amount().pence());
            newestFirst.add(0, new Transaction(e, Money.ofPence(running)));
        }
        List<Transaction> shown = newestFirst.subList(0, Math.min(TRANSACTIONS_SHOWN, newestFirst.size()));
        return new Figures(position, instalments, entries, List.copyOf(shown), newestFirst.size() - shown.size());
    }
}
