package org.reclaim.officer.account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.reclaim.billing.Bill;
import org.reclaim.billing.Instalment;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * Whether each instalment of the bills in force is paid, due or missed. What the account still owes for a year is
 * taken from the year's last instalments back, so a payment clears the earliest instalment first (as payments are
 * allocated to the oldest sum due); an instalment with any of it still owed is missed once its day has passed.
 */
public final class InstalmentStatuses {

    public enum Status { PAID, DUE, MISSED }

    public record Row(FinancialYear year, int number, LocalDate dueOn, Money amount, Money unpaid, Status status) {

        public String tagClass() {
            return switch (status) {
                case PAID -> "govuk-tag--green";
                case DUE -> "govuk-tag--blue";
                case MISSED -> "govuk-tag--red";
            };
        }

        public String label() {
            return switch (status) {
                case PAID -> "Paid";
                case DUE -> "Due";
                case MISSED -> "Missed";
            };
        }
    }

    private InstalmentStatuses() {
    }

    /** {@code owedByYear}: each year's balance (what the ledger says is still owed for it). */
    static List<Row> of(List<Bill> billsInForce, Map<FinancialYear, Money> owedByYear, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        for (Bill bill : billsInForce) {
            long stillOwed = Math.max(0, owedByYear.getOrDefault(bill.year(), Money.ZERO).pence());
            List<Row> year = new ArrayList<>();
            List<Instalment> plan = bill.instalments();
            for (int i = plan.size() - 1; i >= 0; i--) {
                Instalment instalment = plan.get(i);
                long unpaid = Math.min(instalment.amount().pence(), stillOwed);
                stillOwed -= unpaid;
                Status status = unpaid == 0 ? Status.PAID : instalment.dueOn().isBefore(today) ? Status.MISSED : Status.DUE;
                year.add(new Row(bill.year(), instalment.number(), instalment.dueOn(), instalment.amount(), Money.ofPence(unpaid), status));
            }
            Collections.reverse(year);
            rows.addAll(year);
        }
        return rows;
    }
}
