package org.reclaim.recovery;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.shared.Money;

/**
 * Decides the next recovery step for one account's year on a business date, from what it owes and what recovery has
 * already done, by the authority's path. The statutory consequences live here, each with its regulation.
 */
final class NextStep {

    static final String COSTS_WITHDRAWN = "COSTS_WITHDRAWN";
    /** Days a reminder gives to pay what it demands (SI 1992/613 reg 23(3); SI 1989/1058 reg 8(2)). */
    static final int REMINDER_DAYS = 7;

    private NextStep() {
    }

    /**
     * An account's year as of the business date. {@code arrears}: instalments (after the grace days) and other debits
     * due, less credits; {@code balance}: everything owed for the year, including instalments not yet due and costs;
     * {@code arrearsAfterReminderWindow}: the part of the instalments due that fell due after the last reminder's 7 days
     * (so arrears no greater than that mean the reminder was paid and this is a new default); {@code lastFellDue}: the
     * latest day any of the year's sums fell due (its last instalment, or a later debit such as a backdated rebill).
     */
    record YearState(RevenueStream stream, Money arrears, Money balance, @Nullable String lastCode, @Nullable LocalDate lastOn,
                     @Nullable LocalDate lastHearingOn, int reminders, Money dueAfterReminderWindow,
                     @Nullable LocalDate firstMissedAfterWindow, Money summonsCosts, boolean costsWithdrawn, @Nullable LocalDate lastFellDue) {
    }

    /**
     * SI 1992/613 reg 34(3): a summons for Council Tax may not be issued after the 6 years beginning with the day the
     * sum became due. Only a year whose every sum is that old is barred here (a part-barred year is summonsed for what
     * the officer confirms: summonses need a team leader's authorisation by default).
     */
    static final int SUMMONS_LIMIT_YEARS = 6;

    /** The action to take now, or the next one with the date it becomes due, or nothing. */
    record Decision(@Nullable String code, @Nullable LocalDate on, String rule, Money amount, Money costs, boolean now) {
        static Decision none(String why) {
            return new Decision(null, null, why, Money.ZERO, Money.ZERO, false);
        }

        static Decision at(String code, LocalDate on, LocalDate today, String rule, Money amount, Money costs) {
            return new Decision(code, on, rule, amount, costs, !on.isAfter(today));
        }
    }

    static Decision decide(YearState y, RecoveryPath path, LocalDate date) {
        Decision d = decideByLaw(y, path, date);
        if (d.code() == null || d.code().equals(COSTS_WITHDRAWN)) {
            return d;
        }
        // the council's own threshold for the stage (its policy, part of the path): below it, the run waits
        RecoveryPath.Stage stage = path.stage(StageCode.valueOf(d.code())).orElseThrow();
        if (!stage.worthIssuing(d.amount())) {
            return Decision.none(d.code() + " not issued for " + d.amount() + ": below the authority's minimum of " + stage.minimum()
                    + " for the stage");
        }
        return d;
    }

    private static Decision decideByLaw(YearState y, RecoveryPath path, LocalDate date) {
        boolean rates = y.stream() == RevenueStream.BUSINESS_RATES;
        String reminderRule = rates ? "SI 1989/1058 reg 8(1)" : "SI 1992/613 reg 23(1)";
        StageCode last = y.lastCode() == null || y.lastCode().equals(COSTS_WITHDRAWN) ? null : StageCode.valueOf(y.lastCode());
        if (y.lastCode() == null) {
            if (!y.arrears().isPositive()) {
                return Decision.none("nothing overdue");
            }
            return Decision.at(StageCode.REMINDER_1.name(), date, date, reminderRule + ": an instalment is overdue and unpaid", y.arrears(), Money.ZERO);
        }
        if (last == null) {
            if (y.balance().isPositive()) {
                // the summons was settled and dropped; a second complaint for the same year is not the run's to make
                return Decision.none("owes " + y.balance() + " again after the summons was paid before the hearing and its costs "
                        + "withdrawn: a further complaint for the year is an officer's decision");
            }
            return Decision.none("summons costs withdrawn by the authority's policy after payment before the hearing");
        }
        LocalDate lastOn = y.lastOn();
        switch (last.kind()) {
            case REMINDER -> {
                if (!y.arrears().isPositive()) {
                    return Decision.none("the " + last + " of " + lastOn + " was paid; back on instalments");
                }
                boolean reminderPaid = !y.arrears().isGreaterThan(y.dueAfterReminderWindow());
                if (reminderPaid) {
                    // the reminder's sum was paid in time; this is a later default
                    if (last == StageCode.REMINDER_1 && path.inUse(StageCode.REMINDER_2).isPresent()) {
                        return Decision.at(StageCode.REMINDER_2.name(), date, date, reminderRule
                                + ": a further instalment overdue after the first reminder was paid (second reminder of the year)", y.arrears(), Money.ZERO);
                    }
                    // SI 1992/613 reg 23(4): after a second reminder, a later default makes the whole balance due the day after,
                    // with no further reminder. SI 1989/1058 reg 8(2)(b): after a reminder, a later default makes it due 7 days after.
                    LocalDate balanceDue = rates && y.firstMissedAfterWindow() != null ? y.firstMissedAfterWindow().plusDays(REMINDER_DAYS) : date;
                    String rule = rates ? "SI 1989/1058 reg 8(2)(b): an instalment missed after a reminder; the whole balance is due 7 days after"
                            : "SI 1992/613 reg 23(4): an instalment missed after two reminders in the year; instalments lost, the whole balance due";
                    return nextAfterInstalmentsLost(y, path, date, balanceDue, rule);
                }
                // SI 1992/613 reg 23(3), SI 1989/1058 reg 8(2): unpaid 7 days after the reminder, the whole balance falls due at the
                // end of a further 7 days
                int finalWait = path.stage(StageCode.FINAL_NOTICE).map(RecoveryPath.Stage::waitDays).orElse(2 * REMINDER_DAYS);
                LocalDate balanceDue = lastOn.plusDays(Math.max(2L * REMINDER_DAYS, finalWait));
                String rule = (rates ? "SI 1989/1058 reg 8(2)" : "SI 1992/613 reg 23(3)") + ": the " + last + " of " + lastOn
                        + " was not paid within 7 days; instalments lost, the whole balance due from " + balanceDue;
                return nextAfterInstalmentsLost(y, path, date, balanceDue, rule);
            }
            case FINAL_NOTICE -> {
                if (!y.balance().isPositive()) {
                    return Decision.none("the final notice of " + lastOn + " was paid in full");
                }
                return summons(y, path, date, lastOn, "final notice");
            }
            case SUMMONS -> {
                if (!y.balance().isPositive()) {
                    return Decision.none("paid in full after the summons of " + lastOn + "; no liability order is sought (SI 1992/613 reg 34(5))");
                }
                Money owedWithoutCosts = y.balance().minus(y.summonsCosts());
                if (!owedWithoutCosts.isPositive() && y.summonsCosts().isPositive() && !y.costsWithdrawn()
                        && path.costsIfPaidBeforeHearing() == RecoveryPath.CostsPolicy.WITHDRAW) {
                    return Decision.at(COSTS_WITHDRAWN, date, date, "authority's policy: summons costs withdrawn when the sum is paid "
                            + "before the hearing (SI 1992/613 reg 34(5))", y.summonsCosts(), Money.ZERO);
                }
                RecoveryPath.Stage lo = path.stage(StageCode.LIABILITY_ORDER).orElseThrow();
                LocalDate hearing = y.lastHearingOn() != null ? y.lastHearingOn() : lastOn.plusDays(lo.waitDays());
                if (!lo.inUse()) {
                    return Decision.none("the authority does not use the liability order stage");
                }
                // SI 1992/613 reg 35(2A): no order until 14 days after the summons was served; the hearing date was set so.
                // Only the court makes the order: the run never issues it (now = false); the hearing's recorded outcome does
                // (CourtOutcomes), with its costs
                return new Decision(StageCode.LIABILITY_ORDER.name(), hearing, (rates ? "SI 1989/1058 reg 12" : "SI 1992/613 reg 34, 35(2A)")
                        + ": summons of " + lastOn + " unpaid; liability order sought at the hearing on " + hearing + ", awaiting the court",
                        y.balance(), lo.costsOrZero(), false);
            }
            default -> {
                return Decision.none("at " + last + ": court outcomes and remedies are decided by officers");
            }
        }
    }

    /** After the instalments are lost: a final notice for the balance if the council uses one, else the summons. */
    private static Decision nextAfterInstalmentsLost(YearState y, RecoveryPath path, LocalDate date, LocalDate balanceDue, String rule) {
        if (!y.balance().isPositive()) {
            return Decision.none("nothing owed for the year");
        }
        if (path.inUse(StageCode.FINAL_NOTICE).isPresent()) {
            return Decision.at(StageCode.FINAL_NOTICE.name(), balanceDue, date, rule + "; final notice (SI 1992/613 reg 33)", y.balance(), Money.ZERO);
        }
        LocalDate after = y.lastOn();
        Decision summons = summons(y, path, date, after, "reminder");
        if (summons.on() != null && summons.on().isBefore(balanceDue)) {
            return Decision.at(summons.code(), balanceDue, date, summons.rule(), summons.amount(), summons.costs());
        }
        return summons;
    }

    private static Decision summons(YearState y, RecoveryPath path, LocalDate date, LocalDate noticeOn, String notice) {
        RecoveryPath.Stage summons = path.stage(StageCode.SUMMONS).orElseThrow();
        if (!summons.inUse()) {
            return Decision.none("the authority does not use the summons stage");
        }
        boolean rates = y.stream() == RevenueStream.BUSINESS_RATES;
        LocalDate on = noticeOn.plusDays(summons.waitDays());
        LocalDate issuedOn = on.isAfter(date) ? on : date;
        if (!rates && y.lastFellDue() != null && !issuedOn.isBefore(y.lastFellDue().plusYears(SUMMONS_LIMIT_YEARS))) {
            return Decision.none("SI 1992/613 reg 34(3): no summons after 6 years from the day the sum became due (the year's last sum "
                    + "fell due on " + y.lastFellDue() + ")");
        }
        return Decision.at(StageCode.SUMMONS.name(), on, date, (rates ? "SI 1989/1058 reg 12" : "SI 1992/613 reg 33(1), 34(1)")
                + ": the " + notice + " of " + noticeOn + " unpaid " + summons.waitDays() + " days after issue; complaint to the magistrates' court",
                y.balance(), summons.costsOrZero());
    }
}
