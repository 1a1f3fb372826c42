package org.reclaim.arrangements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

class PaymentPlanTest {

    @Test
    void oneInstalmentPaysTheFirstDebtBeforeTheNext() {
        // Council Tax 233002 first, then an HB overpayment of 50000, at 100000 a month from 31 January
        List<PaymentPlan.Payment> plan = PaymentPlan.schedule(List.of(new PaymentPlan.Debt(1, Money.ofPence(233002)),
                new PaymentPlan.Debt(2, Money.ofPence(50000))), Money.ofPence(100000), PaymentFrequency.MONTHLY, LocalDate.of(2027, 1, 31));
        assertThat(plan).extracting(PaymentPlan.Payment::dueOn)
                .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
        assertThat(plan).extracting(p -> p.amount().pence()).containsExactly(100000L, 100000L, 83002L);
        assertThat(plan.get(2).shares()).containsExactly(new PaymentPlan.Share(1, Money.ofPence(33002)), new PaymentPlan.Share(2, Money.ofPence(50000)));
        assertThat(plan.get(0).shares()).containsExactly(new PaymentPlan.Share(1, Money.ofPence(100000)));
    }

    @Test
    void anAmountThatWouldTakeForeverIsRefused() {
        assertThatThrownBy(() -> PaymentPlan.schedule(List.of(new PaymentPlan.Debt(1, Money.ofPence(100000))), Money.ofPence(100),
                PaymentFrequency.WEEKLY, LocalDate.of(2026, 5, 1)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("instalmentPence").hasMessageContaining("1000 payments");
    }

    @Property(tries = 300)
    void paymentsAndSharesAddUpToTheDebtToThePenny(@ForAll @LongRange(min = 1, max = 5_000_000) long first,
                                                   @ForAll @LongRange(min = 1, max = 5_000_000) long second,
                                                   @ForAll @LongRange(min = 20_000, max = 2_000_000) long instalment) {
        List<PaymentPlan.Payment> plan = PaymentPlan.schedule(List.of(new PaymentPlan.Debt(1, Money.ofPence(first)),
                new PaymentPlan.Debt(2, Money.ofPence(second))), Money.ofPence(instalment), PaymentFrequency.FORTNIGHTLY, LocalDate.of(2026, 5, 1));
        assertThat(plan.stream().mapToLong(p -> p.amount().pence()).sum()).isEqualTo(first + second);
        assertThat(plan.stream().flatMap(p -> p.shares().stream()).filter(s -> s.accountId() == 1).mapToLong(s -> s.amount().pence()).sum())
                .isEqualTo(first);
        plan.forEach(p -> assertThat(p.shares().stream().mapToLong(s -> s.amount().pence()).sum()).isEqualTo(p.amount().pence()));
        plan.subList(0, plan.size() - 1).forEach(p -> assertThat(p.amount().pence()).isEqualTo(instalment));
    }
}
