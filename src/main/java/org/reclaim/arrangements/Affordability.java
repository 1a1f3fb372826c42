package org.reclaim.arrangements;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * What a customer can afford to pay, from their income and expenditure, against the debt on the accounts in scope.
 * Council Tax and Business Rates arrears are priority debts (non-payment can end in enforcement agents or, for Council
 * Tax, committal), so they are paid from what is left after the household's costs and its other priority debts, before
 * any non-priority ("other") debt. Pure arithmetic, no database.
 */
final class Affordability {

    static final String PRIORITY = "Council Tax and Business Rates arrears are priority debts: they are paid from the disposable income "
            + "before any other (non-priority) debt";

    /** Monthly totals of a form by Standard Financial Statement section. */
    record Totals(Money income, Money fixedCosts, Money flexibleCosts, Money priorityDebts, Money otherDebts) {

        /** No income and expenditure taken: the proposal can only say what clears the debt by the year end. */
        static final Totals NONE = new Totals(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

        /** Income less fixed costs, flexible costs and the payments to other priority debts. */
        Money disposable() {
            return income.minus(fixedCosts).minus(flexibleCosts).minus(priorityDebts);
        }
    }

    /**
     * The proposal. {@code clearingInstalment}: the instalment that clears the debt with the last payment by the end of
     * the financial year ({@code paymentsToYearEnd} payments, the last in March). {@code proposedInstalment} is that when
     * {@code availablePerPayment} covers it, otherwise what is available, with the date the debt would then clear; null
     * when nothing is available.
     */
    record Proposal(Money debt, Money disposableMonthly, PaymentFrequency frequency, Money availablePerPayment, LocalDate firstPaymentOn,
                    LocalDate yearEnd, int paymentsToYearEnd, Money clearingInstalment, boolean clearsByYearEnd,
                    @Nullable Money proposedInstalment, long payments, @Nullable LocalDate clearsOn, String explanation) {
    }

    private Affordability() {
    }

    static Proposal propose(Totals totals, Money debt, PaymentFrequency frequency, LocalDate firstPaymentOn) {
        Money disposable = totals.disposable();
        Money available = disposable.isPositive() ? frequency.fromMonthly(disposable) : Money.ZERO;
        // the financial year runs to 31 March; the last instalment that clears it falls on or before that day
        LocalDate yearEnd = FinancialYear.containing(firstPaymentOn).end();
        int toYearEnd = 0;
        while (!frequency.nth(firstPaymentOn, toYearEnd).isAfter(yearEnd)) {
            toYearEnd++;
        }
        if (!debt.isPositive()) {
            return new Proposal(debt, disposable, frequency, available, firstPaymentOn, yearEnd, toYearEnd, Money.ZERO, true, null, 0, null,
                    "nothing is owed on these accounts");
        }
        Money clearing = Money.ofPence((debt.pence() + toYearEnd - 1) / toYearEnd);
        if (!clearing.isGreaterThan(available)) {
            long payments = PaymentPlan.paymentsToClear(debt, clearing);
            return new Proposal(debt, disposable, frequency, available, firstPaymentOn, yearEnd, toYearEnd, clearing, true, clearing, payments,
                    frequency.nth(firstPaymentOn, (int) payments - 1), "affordable: " + clearing.pence() + " pence a payment clears the debt by "
                    + yearEnd + ". " + PRIORITY);
        }
        if (!available.isPositive()) {
            return new Proposal(debt, disposable, frequency, available, firstPaymentOn, yearEnd, toYearEnd, clearing, false, null, 0, null,
                    "no disposable income after the household's costs and priority debts: no instalment is affordable; "
                    + "check for benefits, discounts and reliefs and offer debt advice. " + PRIORITY);
        }
        long payments = PaymentPlan.paymentsToClear(debt, available);
        LocalDate clearsOn = frequency.nth(firstPaymentOn, (int) Math.min(payments - 1, Integer.MAX_VALUE));
        return new Proposal(debt, disposable, frequency, available, firstPaymentOn, yearEnd, toYearEnd, clearing, false, available, payments,
                clearsOn, "not affordable by " + yearEnd + " (" + clearing.pence() + " pence a payment needed, " + available.pence()
                + " available): the most affordable plan is the disposable income, " + available.pence() + " pence a payment, clearing on "
                + clearsOn + ". " + PRIORITY);
    }
}
