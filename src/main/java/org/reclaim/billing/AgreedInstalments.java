package org.reclaim.billing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * Weekly and fortnightly Council Tax plans. The statutory scheme is monthly (SI 1992/613 Sch. 1 Part I); any other
 * way of paying is agreed between the billing authority and the liable person under reg. 21 of those Regulations
 * ("Council tax: payments"). The wording of the paragraph of reg. 21 that allows the agreement was not found (searched
 * legislation.gov.uk copies of SI 1992/613 Part V; reg. 23(1)(b) there refers to "a determination under regulation
 * 21(7)"); the power it is made under was: the Local Government Finance Act 1992 Sch. 2 para 2(2)(b), payments "in
 * accordance with an agreement between the liable person and the authority or a prescribed scheme for payment by
 * instalments" (legislation.gov.uk/ukpga/1992/14/schedule/2). So these plans are offered only where the authority
 * allows them ({@code org.reclaim.authorities.InstalmentOptions}).
 * <p>
 * What Reclaim agrees, in the statutory scheme's terms so a payer is never worse off for choosing it:
 * <ul>
 * <li>The first instalment is the first of the chosen weekday at least {@link StatutoryInstalments#NOTICE_DAYS} days
 * after the notice is issued (and not before the year starts): the same notice the monthly scheme gives.</li>
 * <li>The last is the last such day on or before 31 March, the end of the year. Of the months the monthly schemes run
 * to (January or February for ten, March for twelve), March is the one every payer may have as of right, on a written
 * request (reg. 21(1A)-(1D)); ending a weekly plan earlier would ask a weekly payer for more each week than a
 * twelve-monthly payer pays each month pro rata, for no reason the agreement gives.</li>
 * <li>Amounts follow Sch. 1 para 2(5)-(7) and para 3 as the monthly scheme does ({@link StatutoryInstalments#amounts}):
 * whole pounds, the odd pence on the first, and no instalment under £5 (fewer, consecutive instalments from the first
 * date instead).</li>
 * </ul>
 */
final class AgreedInstalments {

    private AgreedInstalments() {
    }

    /**
     * The instalments of {@code total} every {@code weeksApart} weeks on {@code day}.
     * A notice issued too late for any such day in the year is one instalment on the first such day after the notice
     * period.
     */
    static List<Instalment> councilTax(Money total, FinancialYear year, LocalDate issuedOn, DayOfWeek day, int weeksApart) {
        if (total.isNegative()) {
            throw new IllegalArgumentException("an instalment plan needs a charge of zero or more, not " + total);
        }
        LocalDate first = firstDueDate(year, issuedOn, day);
        List<LocalDate> dates = dates(first, weeksApart, year.end());
        if (dates.isEmpty()) {
            dates = List.of(first);
        }
        List<Money> amounts = StatutoryInstalments.amounts(total, dates.size(), StatutoryInstalments.COUNCIL_TAX_FLOOR);
        List<Instalment> plan = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            plan.add(new Instalment(i + 1, dates.get(i), amounts.get(i)));
        }
        return plan;
    }

    /** The first {@code day} at least {@link StatutoryInstalments#NOTICE_DAYS} days after issue, and in the year. */
    static LocalDate firstDueDate(FinancialYear year, LocalDate issuedOn, DayOfWeek day) {
        LocalDate earliest = issuedOn.plusDays(StatutoryInstalments.NOTICE_DAYS);
        if (earliest.isBefore(year.start())) {
            earliest = year.start();
        }
        return earliest.with(TemporalAdjusters.nextOrSame(day));
    }

    /** Every date from {@code first}, {@code weeksApart} weeks apart, up to and including {@code last}. */
    static List<LocalDate> dates(LocalDate first, int weeksApart, LocalDate last) {
        if (weeksApart < 1) {
            throw new IllegalArgumentException("instalments must be at least a week apart");
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusWeeks(weeksApart)) {
            dates.add(d);
        }
        return dates;
    }
}
