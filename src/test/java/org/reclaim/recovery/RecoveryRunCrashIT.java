package org.reclaim.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.billing.Bills;
import org.reclaim.billing.CouncilTaxBilling;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run that dies part-way, run again for the same date, issues every action exactly once. */
@IntegrationTest
class RecoveryRunCrashIT {

    @Autowired ApplicationContext context;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling billing;
    @Autowired RecoveryRuns runs;
    @Autowired JdbcClient jdbc;

    @Test
    void aRunKilledPartWayAndRunAgainIssuesEachActionOnce() {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name("Recovery Crash Council").create();
        FinancialYear y = FinancialYear.of(2026);
        authorities.replacePrecepts(council.id(), y, List.of(
                new Authorities.PreceptSetting("Crash County", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(150000), "test")));
        for (int i = 0; i < 30; i++) {
            Account a = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.C).create()).from(LocalDate.of(2021, 1, 1)).open();
            billing.bill(a.reference(), y, LocalDate.of(2026, 3, 5), "Annual bill", CouncilTaxCircumstances.NONE, new Bills.PlanChoice("TEN_MONTHLY", 1));
        }
        int size = runs.chunkSize;
        runs.chunkSize = 4;
        try {
            // the third chunk dies after writing its lines, actions, documents and progress, before it commits
            RecoveryRunChunk.beforeCommit = n -> {
                if (n == 2) {
                    throw new IllegalStateException("killed part-way");
                }
            };
            RecoveryRuns.RecoveryRun failed = runs.run(council, LocalDate.of(2026, 4, 3), false);
            assertThat(failed.status()).isEqualTo(RecoveryRuns.Status.FAILED);
            assertThat(failed.failure()).contains("killed part-way");
            assertThat(reminders(council)).isLessThan(30);
            RecoveryRunChunk.beforeCommit = null;

            RecoveryRuns.RecoveryRun again = runs.run(council, LocalDate.of(2026, 4, 3), false);
            assertThat(again.status()).isEqualTo(RecoveryRuns.Status.COMPLETED);
            assertThat(reminders(council)).isEqualTo(30);
            assertThat(count("select count(distinct account_id) from recovery_action where authority_id = ?", council)).isEqualTo(30);
            assertThat(count("select count(*) from recovery_document_request where authority_id = ?", council)).isEqualTo(30);

            RecoveryRuns.RecoveryRun third = runs.run(council, LocalDate.of(2026, 4, 3), false);
            assertThat(third.linesByStageAndState()).isEmpty();
            assertThat(reminders(council)).isEqualTo(30);
        } finally {
            RecoveryRunChunk.beforeCommit = null;
            runs.chunkSize = size;
        }
    }

    private long reminders(BillingAuthority council) {
        return count("select count(*) from recovery_action where authority_id = ? and code = 'REMINDER_1'", council);
    }

    private long count(String sql, BillingAuthority council) {
        return jdbc.sql(sql).param(council.id()).query(Long.class).single();
    }
}
