package org.reclaim.recovery.remedies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.recovery.calculators.Benefit;
import org.reclaim.recovery.calculators.PayPeriod;
import org.reclaim.shared.Money;

/**
 * Which remedies an account-year with a liability order allows, cheapest to the customer first, and which one to
 * propose: the first that the data supports. Pure rules over facts gathered by {@link RemedyOptions}; each option says
 * the rule that allowed or refused it.
 */
public final class RemedyLadder {

    /** SI 1992/613 reg 37(4), inserted by SI 1998/295 reg 4. */
    static final String TWO_ORDERS = "no order may be made if the number of orders for the time being in force made by the authority in relation to "
            + "the debtor would exceed two (SI 1992/613 reg 37(4), inserted by SI 1998/295 reg 4)";
    static final int MOST_EARNINGS_ORDERS = 2;

    /** The employer's attachment of earnings order, as the data supports it. */
    record Earnings(String employer, PayPeriod period, Money netEarnings, Money deduction, int liveOrders) {
    }

    /** A DWP benefit the debtor is known to receive, and the prescribed deduction when Reclaim has it. */
    record BenefitKnown(Benefit benefit, @Nullable Money deduction, @Nullable PayPeriod period, boolean derived) {
    }

    /** A councillor's allowances: the attachable allowance per payment when known. */
    record Allowance(String council, @Nullable Money perPayment) {
    }

    record Situation(RevenueStream stream, int financialYear, @Nullable LocalDate liabilityOrderOn, Money owed, @Nullable String hold,
                     boolean deceased, boolean insolvent, boolean vulnerable, boolean organisation, @Nullable Earnings earnings,
                     @Nullable BenefitKnown benefit, @Nullable Allowance allowance, Money complianceFee, boolean chargingOrderAllowed,
                     boolean petitionAllowed, Map<RemedyKind, LocalDate> confirmed, boolean enforcementEnded, boolean nullaBona) {
    }

    public record Option(RemedyKind remedy, boolean available, boolean needsTeamLeader, @Nullable Long costToCustomerPence, @Nullable Long deductionPence,
                  @Nullable PayPeriod period, String rule) {
    }

    public record YearRemedies(int financialYear, @Nullable LocalDate liabilityOrderOn, long owedPence, @Nullable RemedyKind proposed, String why,
                        List<Option> options) {

        @Nullable Option option(RemedyKind remedy) {
            return options.stream().filter(o -> o.remedy() == remedy).findFirst().orElse(null);
        }
    }

    private RemedyLadder() {
    }

    static YearRemedies decide(Situation s) {
        if (s.liabilityOrderOn() == null) {
            return nothing(s, "no liability order for " + s.financialYear() + ": a remedy on a debt without a liability order is refused "
                    + "(SI 1992/613 regs 37-50 and SI 1989/1058 regs 14-18 all follow a liability order)");
        }
        if (s.deceased()) {
            return nothing(s, "the debtor is deceased: no remedy is taken against them; refer the debt to the estate (personal representatives)");
        }
        if (s.insolvent()) {
            return nothing(s, "the debtor is insolvent: a bankruptcy order or IVA stays enforcement of the debts it covers (Insolvency Act 1986 "
                    + "ss.252, 285); claim in the insolvency");
        }
        if (s.hold() != null) {
            return nothing(s, "a hold is in force (" + s.hold() + "): no remedy while it lasts");
        }
        if (!s.owed().isGreaterThan(Money.ZERO)) {
            return nothing(s, "nothing is outstanding for " + s.financialYear() + " under the liability order");
        }
        boolean councilTax = s.stream() == RevenueStream.COUNCIL_TAX;
        List<Option> options = new ArrayList<>();
        options.add(earnings(s, councilTax));
        options.add(benefit(s, councilTax));
        options.add(allowances(s, councilTax));
        options.add(enforcementAgent(s));
        options.add(chargingOrder(s, councilTax));
        options.add(petition(s));
        options.add(committal(s));
        List<Option> marked = options.stream().map(o -> s.confirmed().containsKey(o.remedy())
                ? new Option(o.remedy(), false, o.needsTeamLeader(), o.costToCustomerPence(), o.deductionPence(), o.period(),
                "already confirmed on " + s.confirmed().get(o.remedy()) + " for " + s.financialYear())
                : o).toList();
        RemedyKind inPlace = s.confirmed().keySet().stream()
                .filter(r -> !(r == RemedyKind.ENFORCEMENT_AGENT && s.enforcementEnded())).findFirst().orElse(null);
        if (inPlace != null) {
            return new YearRemedies(s.financialYear(), s.liabilityOrderOn(), s.owed().pence(), null,
                    inPlace.words() + " is in place for " + s.financialYear() + ": one remedy at a time (councils' practice; the statutory "
                            + "basis, believed to be SI 1992/613 reg 52, is not verified)", marked);
        }
        Option first = marked.stream().filter(Option::available).findFirst().orElse(null);
        if (first == null) {
            return new YearRemedies(s.financialYear(), s.liabilityOrderOn(), s.owed().pence(), null,
                    "no remedy is supported by what is known about the debtor: record an employer, benefit or councillor, or see each option's rule",
                    marked);
        }
        return new YearRemedies(s.financialYear(), s.liabilityOrderOn(), s.owed().pence(), first.remedy(),
                "the lowest-cost remedy the data supports" + (first.needsTeamLeader() ? ", for a team leader to confirm" : "") + ": " + first.rule(),
                marked);
    }

    private static YearRemedies nothing(Situation s, String why) {
        return new YearRemedies(s.financialYear(), s.liabilityOrderOn(), s.owed().pence(), null, why, List.of());
    }

    private static Option earnings(Situation s, boolean councilTax) {
        RemedyKind r = RemedyKind.ATTACHMENT_OF_EARNINGS;
        if (!councilTax) {
            return no(r, "Business Rates have no attachment of earnings (SI 1989/1058 regs 14-18 give none)");
        }
        Earnings e = s.earnings();
        if (e == null) {
            return no(r, "no employer is known: record one (the debtor must give employment details on request, SI 1992/613 reg 36)");
        }
        if (e.liveOrders() >= MOST_EARNINGS_ORDERS) {
            return no(r, e.liveOrders() + " orders by this authority are in force against the debtor: " + TWO_ORDERS);
        }
        if (!e.deduction().isGreaterThan(Money.ZERO)) {
            return new Option(r, false, false, 0L, 0L, e.period(), "net earnings of " + e.netEarnings() + " " + e.period().name().toLowerCase()
                    + " are in the 0% band of SI 1992/613 Sch. 4: an order would collect nothing");
        }
        return new Option(r, true, false, 0L, e.deduction().pence(), e.period(), "employer " + e.employer() + " is known: " + e.deduction()
                + " per " + per(e.period()) + " from net earnings of " + e.netEarnings() + " (SI 1992/613 reg 37, Sch. 4)"
                + (e.liveOrders() == 1 ? "; the second order, on the earnings left after the first order's deduction (reg 42(1)(b))" : "")
                + "; no fee, though the employer may keep £1 a deduction towards its costs");
    }

    private static Option benefit(Situation s, boolean councilTax) {
        RemedyKind r = RemedyKind.ATTACHMENT_OF_BENEFIT;
        if (!councilTax) {
            return no(r, "Business Rates have no deductions from benefit");
        }
        BenefitKnown b = s.benefit();
        if (b == null) {
            return no(r, "no DWP benefit is known for the debtor");
        }
        String amount = b.deduction() == null ? "the amount DWP prescribes (Reclaim has no figure for this benefit and year)"
                : b.deduction() + " per " + per(b.period()) + (b.derived() ? " (derived: verify before the notice)" : "");
        return new Option(r, true, false, 0L, b.deduction() == null ? null : b.deduction().pence(), b.period(),
                "the debtor receives " + b.benefit() + ": DWP deducts " + amount
                        + " (Council Tax (Deductions from Income Support) Regulations 1993, SI 1993/494, as extended); no fee");
    }

    private static Option allowances(Situation s, boolean councilTax) {
        RemedyKind r = RemedyKind.ATTACHMENT_OF_ALLOWANCES;
        if (!councilTax) {
            return no(r, "Business Rates have no attachment of allowances");
        }
        Allowance a = s.allowance();
        if (a == null) {
            return no(r, "the debtor is not known to be a councillor");
        }
        Long deduction = a.perPayment() == null ? null : a.perPayment().times(40, 100, java.math.RoundingMode.DOWN).pence();
        return new Option(r, true, false, 0L, deduction, null, "the debtor is a councillor of " + a.council()
                + ": 40% of each payment of attachable allowances (SI 1992/613 reg 44); no fee");
    }

    private static Option enforcementAgent(Situation s) {
        RemedyKind r = RemedyKind.ENFORCEMENT_AGENT;
        String fee = "the customer bears the compliance fee of " + s.complianceFee() + " on referral (Taking Control of Goods (Fees) Regulations "
                + "2014, SI 2014/1, Sch. Table 1), and more at the enforcement and sale stages";
        if (s.vulnerable()) {
            return new Option(r, true, true, s.complianceFee().pence(), null, null, "the debtor is flagged vulnerable: a team leader reviews the "
                    + "case before any referral (Taking Control of Goods National Standards paras 70-76; SI 2014/1 reg 12); " + fee);
        }
        return new Option(r, true, false, s.complianceFee().pence(), null, null, fee);
    }

    private static Option chargingOrder(Situation s, boolean councilTax) {
        RemedyKind r = RemedyKind.CHARGING_ORDER;
        if (!councilTax) {
            return no(r, "a charging order for Business Rates is not among SI 1989/1058's remedies (unverified): not proposed");
        }
        if (!s.chargingOrderAllowed()) {
            return no(r, "a charging order needs at least £1,000 outstanding under liability orders (SI 1992/613 reg 50); " + s.owed() + " is owed");
        }
        return new Option(r, true, true, null, null, null, s.owed() + " is outstanding, at least £1,000 (SI 1992/613 reg 50): the debtor must "
                + "have a beneficial interest in the dwelling the order relates to; court costs follow; a team leader confirms");
    }

    private static Option petition(Situation s) {
        RemedyKind r = RemedyKind.BANKRUPTCY;
        String threshold = s.organisation() ? "a winding-up petition needs a debt of more than £750 (Insolvency Act 1986 s.123(1)(a))"
                : "a bankruptcy petition needs a debt of at least £5,000 (Insolvency Act 1986 s.267(4), from 1 October 2015)";
        if (!s.petitionAllowed()) {
            return no(r, threshold + "; " + s.owed() + " is owed");
        }
        return new Option(r, true, true, null, null, null, threshold + ": " + s.owed() + " is owed; a statutory demand first (21 days); "
                + "heavy costs to the customer; a team leader confirms");
    }

    private static Option committal(Situation s) {
        RemedyKind r = RemedyKind.COMMITTAL;
        if (s.organisation()) {
            return no(r, "committal is for individuals only");
        }
        if (!s.nullaBona()) {
            return no(r, "committal only after an enforcement agent reports no or insufficient goods (nulla bona) (SI 1992/613 reg 47(1); "
                    + "SI 1989/1058 reg 16)");
        }
        return new Option(r, true, true, null, null, null, "the enforcement agent returned nulla bona: committal may be sought as a last resort, "
                + "only for wilful refusal or culpable neglect after a means enquiry (SI 1992/613 reg 47); a flag for a team leader");
    }

    private static Option no(RemedyKind r, String rule) {
        return new Option(r, false, false, null, null, null, rule);
    }

    private static String per(@Nullable PayPeriod p) {
        if (p == null) {
            return "payment";
        }
        return switch (p) {
            case WEEKLY -> "week";
            case MONTHLY -> "month";
            case DAILY -> "day";
        };
    }
}
