package org.reclaim.payments;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * Sets a payment against the years of an account. No statute fixes the order for Council Tax or rates, so it is the
 * authority's choice, recorded per stream as an {@link AllocationRule}; what every rule shares:
 * <ol>
 * <li>a year the payer names takes the payment first (the payer's appropriation, as at common law);</li>
 * <li>otherwise a payment of exactly a planned instalment goes to that instalment's year, so a payer keeping to their
 *     plan is never pushed into arrears on it by an old debt;</li>
 * <li>the rest goes by the rule: the oldest year first, or the current year first and then the oldest; within a year
 *     recovery costs before charges;</li>
 * <li>whatever is left is a credit, in the year named or else the year it was received in.</li>
 * </ol>
 */
final class Allocator {

    /** What a year still owes: its unpaid recovery costs and its unpaid charges, each zero or more. */
    record Owed(FinancialYear year, Money costs, Money charges) {
    }

    /** An instalment of a year's current plan. */
    record PlannedInstalment(FinancialYear year, LocalDate dueOn, Money amount) {
    }

    private Allocator() {
    }

    static List<Allocation> allocate(Money amount, LocalDate receivedOn, @Nullable FinancialYear named, AllocationRule rule,
                                     List<Owed> owed, List<PlannedInstalment> instalments) {
        TreeMap<FinancialYear, Money[]> left = new TreeMap<>();
        for (Owed o : owed) {
            left.put(o.year(), new Money[] {o.costs(), o.charges()});
        }
        Map<String, Allocation> taken = new LinkedHashMap<>();
        Money remaining = amount;
        if (named != null) {
            remaining = take(left, named, remaining, true, taken);
        } else {
            Optional<PlannedInstalment> instalment = matchingInstalment(amount, receivedOn, left, instalments);
            if (instalment.isPresent()) {
                remaining = take(left, instalment.get().year(), remaining, false, taken);
            }
        }
        for (FinancialYear year : order(left, rule, FinancialYear.containing(receivedOn))) {
            remaining = take(left, year, remaining, true, taken);
        }
        if (remaining.isPositive()) {
            FinancialYear creditYear = named != null ? named : FinancialYear.containing(receivedOn);
            add(taken, new Allocation(creditYear, Allocation.Part.CREDIT, remaining));
        }
        return List.copyOf(taken.values());
    }

    /** The instalment of exactly this amount, in a year that still owes it, due nearest the day the money came. */
    private static Optional<PlannedInstalment> matchingInstalment(Money amount, LocalDate receivedOn, Map<FinancialYear, Money[]> left,
                                                                  List<PlannedInstalment> instalments) {
        return instalments.stream()
                .filter(i -> i.amount().equals(amount))
                .filter(i -> left.containsKey(i.year()) && left.get(i.year())[1].compareTo(amount) >= 0)
                .min(Comparator.comparingLong((PlannedInstalment i) -> Math.abs(ChronoUnit.DAYS.between(receivedOn, i.dueOn())))
                        .thenComparing(PlannedInstalment::dueOn));
    }

    private static List<FinancialYear> order(TreeMap<FinancialYear, Money[]> left, AllocationRule rule, FinancialYear current) {
        List<FinancialYear> years = new ArrayList<>(left.keySet());
        if (rule == AllocationRule.CURRENT_YEAR_FIRST && years.remove(current)) {
            years.add(0, current);
        }
        return years;
    }

    private static Money take(Map<FinancialYear, Money[]> left, FinancialYear year, Money remaining, boolean costsFirst,
                              Map<String, Allocation> taken) {
        Money[] owed = left.get(year);
        if (owed == null || !remaining.isPositive()) {
            return remaining;
        }
        if (costsFirst) {
            Money costs = remaining.min(owed[0]);
            if (costs.isPositive()) {
                add(taken, new Allocation(year, Allocation.Part.COSTS, costs));
                owed[0] = owed[0].minus(costs);
                remaining = remaining.minus(costs);
            }
        }
        Money charges = remaining.min(owed[1]);
        if (charges.isPositive()) {
            add(taken, new Allocation(year, Allocation.Part.CHARGES, charges));
            owed[1] = owed[1].minus(charges);
            remaining = remaining.minus(charges);
        }
        return remaining;
    }

    private static void add(Map<String, Allocation> taken, Allocation a) {
        taken.merge(a.year() + "/" + a.part(), a, (x, y) -> new Allocation(x.year(), x.part(), x.amount().plus(y.amount())));
    }
}
