package org.reclaim.arrangements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.Money;

/**
 * The proposal from a worked income and expenditure, every figure worked by hand:
 * <pre>
 * income    wages £1,500.00 monthly                      150000
 *           child benefit £40.00 weekly x 52 / 12          17333.33 -> 17333 (half up)
 *                                                  total  167333
 * fixed     rent £650.00 monthly                           65000
 *           gas and electricity £30.00 weekly x 52 / 12    13000
 *           water £420.00 a year / 12                       3500
 *                                                  total   81500
 * flexible  food and housekeeping £80.00 weekly x 52 / 12  34666.67 -> 34667
 *           communications and leisure £60.00 monthly       6000
 *                                                  total   40667
 * priority  energy arrears £10.00 fortnightly x 26 / 12     2166.67 -> 2167
 * other     credit card £25.00 monthly                      2500   (not deducted: Council Tax comes first)
 * disposable = 167333 - 81500 - 40667 - 2167 = 42999 pence a month
 * </pre>
 */
class AffordabilityTest {

    static final Affordability.Totals WORKED = new Affordability.Totals(
            LineFrequency.MONTHLY.toMonthly(Money.ofPence(150000)).plus(LineFrequency.WEEKLY.toMonthly(Money.ofPence(4000))),
            Money.ofPence(65000).plus(LineFrequency.WEEKLY.toMonthly(Money.ofPence(3000))).plus(LineFrequency.ANNUAL.toMonthly(Money.ofPence(42000))),
            LineFrequency.WEEKLY.toMonthly(Money.ofPence(8000)).plus(Money.ofPence(6000)),
            LineFrequency.FORTNIGHTLY.toMonthly(Money.ofPence(1000)),
            Money.ofPence(2500));

    @Test
    void theWorkedFormLeaves42999PenceAMonth() {
        assertThat(WORKED.income()).isEqualTo(Money.ofPence(167333));
        assertThat(WORKED.fixedCosts()).isEqualTo(Money.ofPence(81500));
        assertThat(WORKED.flexibleCosts()).isEqualTo(Money.ofPence(40667));
        assertThat(WORKED.priorityDebts()).isEqualTo(Money.ofPence(2167));
        assertThat(WORKED.disposable()).isEqualTo(Money.ofPence(42999));
        assertThat(LineFrequency.FOUR_WEEKLY.toMonthly(Money.ofPence(1200))).isEqualTo(Money.ofPence(1300));   // 1200 x 13 / 12
    }

    @Test
    void anAffordableDebtIsClearedByMarch() {
        // £2,330.02 from 1 May 2026 monthly: May to March is 11 payments; 233002 / 11 = 21182 exactly, under 42999
        Affordability.Proposal p = Affordability.propose(WORKED, Money.ofPence(233002), PaymentFrequency.MONTHLY, LocalDate.of(2026, 5, 1));
        assertThat(p.paymentsToYearEnd()).isEqualTo(11);
        assertThat(p.yearEnd()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(p.clearsByYearEnd()).isTrue();
        assertThat(p.proposedInstalment()).isEqualTo(Money.ofPence(21182));
        assertThat(p.payments()).isEqualTo(11);
        assertThat(p.clearsOn()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(p.explanation()).contains("priority debts");
    }

    @Test
    void weeklyThePaymentIsRoundedUpAndWhatIsAvailableDown() {
        // 1 May 2026 (a Friday) to 26 March 2027 weekly: 48 payments; 233002 / 48 = 4854.2 -> 4855 so that 48 clear it;
        // available: 42999 x 12 / 52 = 9922.6 -> 9922 (never more than the form shows)
        Affordability.Proposal p = Affordability.propose(WORKED, Money.ofPence(233002), PaymentFrequency.WEEKLY, LocalDate.of(2026, 5, 1));
        assertThat(p.paymentsToYearEnd()).isEqualTo(48);
        assertThat(p.availablePerPayment()).isEqualTo(Money.ofPence(9922));
        assertThat(p.proposedInstalment()).isEqualTo(Money.ofPence(4855));
        assertThat(p.clearsOn()).isBeforeOrEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void anUnaffordableDebtGetsTheMostAffordablePlanWithItsDate() {
        // £6,000.00 over 11 months needs 54546 a month; 42999 is available: 14 payments (13 x 42999 = 558987, then 41013),
        // the 14th on 1 June 2027
        Affordability.Proposal p = Affordability.propose(WORKED, Money.ofPence(600000), PaymentFrequency.MONTHLY, LocalDate.of(2026, 5, 1));
        assertThat(p.clearingInstalment()).isEqualTo(Money.ofPence(54546));
        assertThat(p.clearsByYearEnd()).isFalse();
        assertThat(p.proposedInstalment()).isEqualTo(Money.ofPence(42999));
        assertThat(p.payments()).isEqualTo(14);
        assertThat(p.clearsOn()).isEqualTo(LocalDate.of(2027, 6, 1));
    }

    @Test
    void noDisposableIncomeProposesNothing() {
        Affordability.Totals short_ = new Affordability.Totals(Money.ofPence(50000), Money.ofPence(60000), Money.ZERO, Money.ZERO, Money.ZERO);
        Affordability.Proposal p = Affordability.propose(short_, Money.ofPence(10000), PaymentFrequency.MONTHLY, LocalDate.of(2026, 5, 1));
        assertThat(p.disposableMonthly()).isEqualTo(Money.ofPence(-10000));
        assertThat(p.proposedInstalment()).isNull();
        assertThat(p.explanation()).contains("no instalment is affordable");
    }
}
