package org.reclaim.officer.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.billing.Bill;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.billing.Instalment;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

class InstalmentStatusesTest {

    private static final FinancialYear Y = FinancialYear.of(2026);

    private static Bill bill(long... pence) {
        List<Instalment> plan = new java.util.ArrayList<>();
        long total = 0;
        for (int i = 0; i < pence.length; i++) {
            plan.add(new Instalment(i + 1, LocalDate.of(2026, 4 + i, 1), Money.ofPence(pence[i])));
            total += pence[i];
        }
        return new Bill(1, 1, Y, LocalDate.of(2026, 3, 5), "Annual bill", Money.ofPence(total), "TEN_MONTHLY", 1, null, List.of(), plan,
                CouncilTaxCircumstances.NONE, null);
    }

    private static List<String> statuses(Bill bill, long owed, LocalDate today) {
        return InstalmentStatuses.of(List.of(bill), Map.of(Y, Money.ofPence(owed)), today).stream()
                .map(r -> r.status() + " " + r.unpaid().pence()).toList();
    }

    @Test
    void whatIsStillOwedComesOffTheLastInstalmentsSoPaymentsClearTheEarliestFirst() {
        // £300 due in three: £150 paid, so April is paid, May half paid and past its day, June not yet due
        assertThat(statuses(bill(10000, 10000, 10000), 15000, LocalDate.of(2026, 5, 20)))
                .containsExactly("PAID 0", "MISSED 5000", "DUE 10000");
    }

    @Test
    void anInstalmentFallingDueTodayIsDueNotMissed() {
        assertThat(statuses(bill(10000, 10000), 20000, LocalDate.of(2026, 4, 1))).containsExactly("DUE 10000", "DUE 10000");
    }

    @Test
    void aYearInCreditOrPaidUpHasEveryInstalmentPaid() {
        assertThat(statuses(bill(10000, 10000), -500, LocalDate.of(2026, 12, 1))).containsExactly("PAID 0", "PAID 0");
        assertThat(statuses(bill(10000, 10000), 0, LocalDate.of(2026, 12, 1))).containsExactly("PAID 0", "PAID 0");
    }
}
