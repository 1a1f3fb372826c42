package org.reclaim.billing;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * The statutory instalment schemes for a year's charge.
 * <ul>
 * <li>Council Tax: Council Tax (Administration and Enforcement) Regulations 1992 (SI 1992/613), Sch. 1 Part I.</li>
 * <li>Business Rates: Non-Domestic Rating (Collection and Enforcement) (Local Lists) Regulations 1989 (SI 1989/1058), Sch. 1.</li>
 * </ul>
 * Instalments are monthly, in consecutive months, on the payer's chosen day (Sch. 1 para 2(4) / para 1(3)), the first no
 * sooner than {@link #NOTICE_DAYS} days after the notice is issued.
 */
public final class StatutoryInstalments {

    /**
     * Days between issuing a demand notice and its first instalment. Council practice and the advice sector give 14
     * days' notice of a payment (Shelter; lgfa92.co.uk); the 1996 Contracting Out Order art. 15 uses the same 14-day
     * "adjustment day" for revised notices. The statutory text of regs 19-21 was not found: verify.
     */
    public static final int NOTICE_DAYS = 14;

    /** The smallest Council Tax instalment a notice need require: £5 (SI 1992/613 Sch. 1 paras 2(7) and 3). */
    static final Money COUNCIL_TAX_FLOOR = Money.ofPounds(5);

    /** The smallest Business Rates instalment: £50 (SI 1989/1058 Sch. 1 para 3(1)). */
    static final Money BUSINESS_RATES_FLOOR = Money.ofPounds(50);

    public enum Scheme {
        /** The default: 10 monthly instalments when billed by 30 April. */
        TEN_MONTHLY,
        /** On the payer's written request (SI 1992/613 reg 21(1A)-(1D), from 1 April 2013): 12 when billed by 15 April. */
        TWELVE_MONTHLY
    }

    private StatutoryInstalments() {
    }

    /**
     * The Council Tax instalments of {@code total} for a notice issued on {@code issuedOn}.
     *
     * @param paymentDay the day of the month instalments fall due, 1 to 28
     */
    public static List<Instalment> councilTax(Money total, FinancialYear year, LocalDate issuedOn, Scheme scheme, int paymentDay) {
        return plan(total, year, issuedOn, paymentDay, councilTaxCount(year, issuedOn, scheme), COUNCIL_TAX_FLOOR);
    }

    /** The Business Rates instalments; 12 on request is not yet modelled (SI 2014/479's local-lists text was not found). */
    public static List<Instalment> businessRates(Money total, FinancialYear year, LocalDate issuedOn, int paymentDay) {
        return plan(total, year, issuedOn, paymentDay, businessRatesCount(year, issuedOn), BUSINESS_RATES_FLOOR);
    }

    /**
     * How many Council Tax instalments, before the small-instalment rules.
     * Sch. 1 para 2(3): a notice issued before the year or by 30 April gives 10; one issued on or after 1 May gives one
     * less than the whole months remaining in the year after its issue. Para 2(3A): on a 12-instalment request, a
     * notice issued by 15 April gives 12. For a notice issued on or after 16 April the statutory text was not found;
     * councils (Slough, Wirral) give the whole months remaining in the year after issue, which is what this does.
     * Part I applies to notices issued by 31 December (para 2(1)); a later notice is payable in one instalment
     * (council practice: Wandsworth, South Kesteven).
     */
    static int councilTaxCount(FinancialYear year, LocalDate issuedOn, Scheme scheme) {
        if (issuedOn.isAfter(LocalDate.of(year.startYear(), 12, 31))) {
            return 1;
        }
        int monthsAfterIssue = wholeMonthsRemainingAfter(year, issuedOn);
        if (scheme == Scheme.TWELVE_MONTHLY) {
            return !issuedOn.isAfter(LocalDate.of(year.startYear(), 4, 15)) ? 12 : Math.max(1, monthsAfterIssue);
        }
        return !issuedOn.isAfter(LocalDate.of(year.startYear(), 4, 30)) ? 10 : Math.max(1, monthsAfterIssue - 1);
    }

    /**
     * SI 1989/1058 Sch. 1 para 1(2): 10 or, if less, the whole months remaining in the year after the notice's issue
     * less one; para 2: a notice issued from 1 January to 31 March is one instalment.
     */
    static int businessRatesCount(FinancialYear year, LocalDate issuedOn) {
        if (issuedOn.isAfter(LocalDate.of(year.startYear(), 12, 31))) {
            return 1;
        }
        return Math.max(1, Math.min(10, wholeMonthsRemainingAfter(year, issuedOn) - 1));
    }

    /** Whole calendar months of the year that begin after the day of issue (a notice before the year: all 12). */
    static int wholeMonthsRemainingAfter(FinancialYear year, LocalDate issuedOn) {
        if (issuedOn.isBefore(year.start())) {
            return 12;
        }
        YearMonth firstWhole = YearMonth.from(issuedOn).plusMonths(1);
        YearMonth last = YearMonth.from(year.end());
        return (int) Math.max(0, firstWhole.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
    }

    private static List<Instalment> plan(Money total, FinancialYear year, LocalDate issuedOn, int paymentDay, int count, Money floor) {
        if (total.isNegative()) {
            throw new IllegalArgumentException("an instalment plan needs a charge of zero or more, not " + total);
        }
        if (paymentDay < 1 || paymentDay > 28) {
            throw new IllegalArgumentException("the payment day must be from 1 to 28, so that it exists in every month");
        }
        LocalDate first = firstDueDate(year, issuedOn, paymentDay);
        int monthsLeft = (int) YearMonth.from(first).until(YearMonth.from(year.end()), java.time.temporal.ChronoUnit.MONTHS) + 1;
        int n = Math.max(1, Math.min(count, monthsLeft));
        List<Money> amounts = amounts(total, n, floor);
        List<Instalment> plan = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            plan.add(new Instalment(i + 1, first.plusMonths(i), amounts.get(i)));
        }
        return plan;
    }

    /**
     * The first instalment: the payment day of the first month in which it falls at least {@link #NOTICE_DAYS} days
     * after issue, and not before the year starts. A notice issued too late for any month of the year is due
     * {@link #NOTICE_DAYS} days after issue in one instalment.
     */
    static LocalDate firstDueDate(FinancialYear year, LocalDate issuedOn, int paymentDay) {
        LocalDate earliest = issuedOn.plusDays(NOTICE_DAYS);
        if (earliest.isBefore(year.start())) {
            earliest = year.start();
        }
        LocalDate candidate = earliest.withDayOfMonth(paymentDay);
        if (candidate.isBefore(earliest)) {
            candidate = candidate.plusMonths(1);
        }
        return candidate.isAfter(year.end()) ? earliest : candidate;
    }

    /**
     * Sch. 1 para 2(5)-(6) (Council Tax) and para 1(4)-(5) (Business Rates): equal instalments when the total divides
     * into whole pounds; otherwise every instalment but the first is the total over n rounded to the nearest pound
     * (half up: the regulations name no tie-break) and the first takes the difference.
     * Small instalments (Council Tax Sch. 1 para 2(7) and para 3): where that would give an instalment under the
     * floor, the second is added to the first; if one is still under the floor, a total under twice the floor is one
     * instalment, and otherwise there are as many as the floor fits into the total. The regulations let the notice
     * do this ("may"); Reclaim always does, so no instalment is ever below the floor, zero or negative. For Business
     * Rates the £50 floor is para 3(1); the wording of its sub-rules was not found and they follow Council Tax's.
     */
    static List<Money> amounts(Money total, int n, Money floor) {
        int count = n;
        while (true) {
            List<Money> amounts = divide(total, count);
            if (count == 1 || aboveFloor(amounts, floor)) {
                return amounts;
            }
            List<Money> merged = new ArrayList<>();
            merged.add(amounts.get(0).plus(amounts.get(1)));
            merged.addAll(amounts.subList(2, amounts.size()));
            if (aboveFloor(merged, floor)) {
                return merged;
            }
            if (total.compareTo(floor.times(2)) < 0) {
                return List.of(total);
            }
            // para 3(3): paras 2(5)-(7) apply again to the fewer instalments; each pass has fewer, so this ends
            count = (int) Math.min(count - 1, total.pence() / floor.pence());
        }
    }

    private static boolean aboveFloor(List<Money> amounts, Money floor) {
        return amounts.stream().allMatch(a -> a.compareTo(floor) >= 0);
    }

    private static List<Money> divide(Money total, int n) {
        List<Money> amounts = new ArrayList<>();
        if (total.pence() % (100L * n) == 0) {
            for (int i = 0; i < n; i++) {
                amounts.add(Money.ofPence(total.pence() / n));
            }
            return amounts;
        }
        long pounds = total.times(1, 100L * n, RoundingMode.HALF_UP).pence();   // the total over n, in whole pounds
        Money others = Money.ofPounds(pounds);
        amounts.add(total.minus(others.times(n - 1)));
        for (int i = 1; i < n; i++) {
            amounts.add(others);
        }
        return amounts;
    }
}
