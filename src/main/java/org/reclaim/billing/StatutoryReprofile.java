package org.reclaim.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * Re-profiles a plan when a revised notice changes the year's total (SI 1992/613 Sch. 1 para 10). Instalments that
 * fall due before the "adjustment day", 14 days after the revised notice is issued, stay as they were; the new
 * total less what they hold is spread over the plan's own dates from that day on (monthly on its payment day to the
 * scheme's last month, or weekly or fortnightly in the agreed plan's own rhythm), by the same rounding rule as a first
 * plan; if no date is left, it is one instalment on the adjustment day. The text of para 10(2) onwards was not found:
 * the 14-day adjustment day is that of the Contracting Out (Functions in relation to the Registration of Council
 * Tax) Order 1996 (SI 1996/1880) art. 15 and SI 1995/22's explanatory note. Where the new total is less than what
 * has already fallen due, the last of those instalments are reduced (latest first) so that the plan never demands
 * more than the bill; what was paid beyond it is a credit on the account.
 */
final class StatutoryReprofile {

    private StatutoryReprofile() {
    }

    /**
     * The dates a monthly plan may still use: its payment day in each month from the first at least
     * {@link StatutoryInstalments#NOTICE_DAYS} days after the revised notice up to {@code lastMonth}, the last month the
     * scheme runs to, whatever rows the old plan still had.
     */
    static List<LocalDate> monthlyDates(FinancialYear year, LocalDate issuedOn, int paymentDay, YearMonth lastMonth) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = StatutoryInstalments.firstDueDate(year, issuedOn, paymentDay); !YearMonth.from(d).isAfter(lastMonth) && !d.isAfter(year.end()); d = d.plusMonths(1)) {
            dates.add(d);
        }
        return dates;
    }

    /**
     * @param schedule the dates the plan may use, in order; the rest is spread over those on or after the adjustment day
     */
    static List<Instalment> reprofile(List<Instalment> current, Money newTotal, LocalDate issuedOn, List<LocalDate> schedule, Money floor) {
        LocalDate adjustmentDay = issuedOn.plusDays(StatutoryInstalments.NOTICE_DAYS);
        List<Instalment> kept = current.stream().filter(i -> i.dueOn().isBefore(adjustmentDay)).toList();
        Money keptTotal = kept.stream().map(Instalment::amount).reduce(Money.ZERO, Money::plus);
        Money rest = newTotal.minus(keptTotal);
        List<Instalment> plan = new ArrayList<>();
        if (rest.isNegative()) {
            Money excess = rest.negate();
            List<Money> amounts = new ArrayList<>(kept.stream().map(Instalment::amount).toList());
            for (int i = amounts.size() - 1; i >= 0 && excess.isPositive(); i--) {
                Money cut = amounts.get(i).min(excess);
                amounts.set(i, amounts.get(i).minus(cut));
                excess = excess.minus(cut);
            }
            for (int i = 0; i < kept.size(); i++) {
                plan.add(new Instalment(i + 1, kept.get(i).dueOn(), amounts.get(i)));
            }
            return plan;
        }
        plan.addAll(kept);
        if (rest.isZero()) {
            return plan;
        }
        List<LocalDate> dates = schedule.stream().filter(d -> !d.isBefore(adjustmentDay)).toList();
        if (dates.isEmpty()) {
            plan.add(new Instalment(plan.size() + 1, adjustmentDay, rest));
            return plan;
        }
        List<Money> amounts = StatutoryInstalments.amounts(rest, dates.size(), floor);
        for (int i = 0; i < amounts.size(); i++) {
            plan.add(new Instalment(plan.size() + 1, dates.get(i), amounts.get(i)));
        }
        return plan;
    }
}
