package org.reclaim.arrangements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

/**
 * An arrangement's schedule: payments of the instalment from the first date at the frequency until the debt is paid
 * (the last one smaller if need be), each shared between the accounts in the order given — the authority's order, so
 * priority debts are cleared first and a later account is paid only once the one before it is clear. Pure arithmetic:
 * the shares of every payment add up to it and the payments add up to the debt, to the penny.
 */
final class PaymentPlan {

    /** A technical limit, not a policy: more payments than this means the amount is wrong (pence, not pounds?). */
    static final int MOST_PAYMENTS = 600;

    record Debt(long accountId, Money amount) {
    }

    record Share(long accountId, Money amount) {
    }

    record Payment(int number, LocalDate dueOn, Money amount, List<Share> shares) {
    }

    private PaymentPlan() {
    }

    /** How many payments of {@code instalment} clear {@code debt}. */
    static long paymentsToClear(Money debt, Money instalment) {
        return (debt.pence() + instalment.pence() - 1) / instalment.pence();
    }

    static List<Payment> schedule(List<Debt> debtsInOrder, Money instalment, PaymentFrequency frequency, LocalDate first) {
        if (!instalment.isPositive()) {
            throw InvalidInput.of("instalmentPence", "must be more than zero");
        }
        Money total = debtsInOrder.stream().map(Debt::amount).reduce(Money.ZERO, Money::plus);
        long count = paymentsToClear(total, instalment);
        if (count > MOST_PAYMENTS) {
            throw InvalidInput.of("instalmentPence", "at " + instalment.pence() + " pence a payment the debt of " + total.pence()
                    + " pence would take " + count + " payments; more than " + MOST_PAYMENTS + " is refused: check the amount is in pence");
        }
        List<Payment> payments = new ArrayList<>();
        long[] left = debtsInOrder.stream().mapToLong(d -> d.amount().pence()).toArray();
        int at = 0;
        for (int k = 0; k < count; k++) {
            long toShare = Math.min(instalment.pence(), total.pence() - (long) k * instalment.pence());
            long amount = toShare;
            List<Share> shares = new ArrayList<>();
            while (toShare > 0) {
                long part = Math.min(toShare, left[at]);
                shares.add(new Share(debtsInOrder.get(at).accountId(), Money.ofPence(part)));
                left[at] -= part;
                toShare -= part;
                if (left[at] == 0) {
                    at++;
                }
            }
            payments.add(new Payment(k + 1, frequency.nth(first, k), Money.ofPence(amount), List.copyOf(shares)));
        }
        return payments;
    }
}
