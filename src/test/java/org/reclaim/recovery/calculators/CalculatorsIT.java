package org.reclaim.recovery.calculators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.reclaim.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The figures shipped as data (migrations V50, V51) are the ones the unit tests check, each names its source, and the API. */
@IntegrationTest
class CalculatorsIT {

    private static final String PASSWORD = "reclaim-demo";
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Autowired MockMvc mvc;
    @Autowired AttachmentOfEarnings attachmentOfEarnings;
    @Autowired EnforcementFees enforcementFees;
    @Autowired RemedyThresholds thresholds;
    @Autowired BenefitDeductions benefitDeductions;

    @Test
    void shipsTheScheduleFourTablesOf2007WithTheirSources() {
        for (PayPeriod period : PayPeriod.values()) {
            DeductionTable shipped = attachmentOfEarnings.table(period, TODAY);
            assertThat(shipped).usingRecursiveComparison().ignoringFields("bands.source")
                    .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                    .isEqualTo(ScheduleFourTables.of(period));
            assertThat(shipped.bands()).allSatisfy(b -> assertThat(b.source()).contains("https://").contains("Sch. 4"));
        }
        assertThat(attachmentOfEarnings.table(PayPeriod.WEEKLY, ScheduleFourTables.FROM_2007).effectiveFrom())
                .isEqualTo(ScheduleFourTables.FROM_2007);
        // no earlier table is shipped: an order made before 1 April 2007 is refused, not calculated on the wrong table
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> attachmentOfEarnings.table(PayPeriod.WEEKLY, LocalDate.of(2007, 3, 31)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void theShippedWeeklyTableUses355AndBothRowsItTouchesRecordTheConflictWith335() {
        DeductionTable weekly = attachmentOfEarnings.table(PayPeriod.WEEKLY, TODAY);
        assertThat(weekly.bands().get(4).upTo()).isEqualTo(Money.ofPounds(355));
        assertThat(weekly.bands().get(4).source()).contains("CONFLICT").contains("£335").contains("fylde");
        assertThat(weekly.bands().get(5).source()).contains("CONFLICT").contains("£335");
        assertThat(weekly.bands().get(3).source()).doesNotContain("CONFLICT");
    }

    @Test
    void shipsTheEnforcementFeesOf2014() {
        assertThat(enforcementFees.scale(TODAY)).hasSize(3).allSatisfy((stage, fee) -> {
            assertThat(fee.effectiveFrom()).isEqualTo(LocalDate.of(2014, 4, 6));
            assertThat(fee.source()).contains("SI 2014/1").contains("https://");
        });
        assertThat(enforcementFees.scale(TODAY).get(EnforcementStage.ENFORCEMENT)).usingRecursiveComparison().ignoringFields("source")
                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class).isEqualTo(StageFeeTest.ENFORCEMENT);
        assertThat(enforcementFees.scale(TODAY).get(EnforcementStage.COMPLIANCE)).usingRecursiveComparison().ignoringFields("source")
                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class).isEqualTo(StageFeeTest.COMPLIANCE);
        assertThat(enforcementFees.scale(TODAY).get(EnforcementStage.SALE_OR_DISPOSAL)).usingRecursiveComparison().ignoringFields("source")
                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class).isEqualTo(StageFeeTest.SALE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> enforcementFees.on(Money.ZERO, LocalDate.of(2014, 4, 5)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void remedyThresholds() {
        assertThat(thresholds.allows(Remedy.CHARGING_ORDER, Money.ofPence(99_999), TODAY)).isFalse();
        assertThat(thresholds.allows(Remedy.CHARGING_ORDER, Money.ofPounds(1000), TODAY)).isTrue();
        assertThat(thresholds.allows(Remedy.BANKRUPTCY_PETITION, Money.ofPence(499_999), TODAY)).isFalse();
        assertThat(thresholds.allows(Remedy.BANKRUPTCY_PETITION, Money.ofPounds(5000), TODAY)).isTrue();
        assertThat(thresholds.allows(Remedy.WINDING_UP_PETITION, Money.ofPounds(750), TODAY)).isFalse();
        assertThat(thresholds.allows(Remedy.WINDING_UP_PETITION, Money.ofPence(75_001), TODAY)).isTrue();
        // the £750 bankruptcy level before 1 October 2015 is not shipped (its start is not in the sources): no threshold, no remedy
        assertThat(thresholds.on(Remedy.BANKRUPTCY_PETITION, LocalDate.of(2015, 9, 30))).isEmpty();
        assertThat(thresholds.allows(Remedy.BANKRUPTCY_PETITION, Money.ofPounds(1_000_000), LocalDate.of(2015, 9, 30))).isFalse();
        assertThat(thresholds.on(Remedy.CHARGING_ORDER, TODAY).orElseThrow().source()).contains("regulation/50");
    }

    @Test
    void benefitDeductionsSayWhichAreDerived() {
        BenefitDeduction uc = benefitDeductions.find(Benefit.UNIVERSAL_CREDIT, Claimant.SINGLE_25_OR_OVER, FinancialYear.of(2025)).orElseThrow();
        assertThat(uc.amount()).isEqualTo(Money.ofPence(2001));
        assertThat(uc.period()).isEqualTo(PayPeriod.MONTHLY);
        assertThat(uc.derived()).isTrue();
        assertThat(uc.basis()).contains("5%").contains("£400.14");
        assertThat(benefitDeductions.find(Benefit.UNIVERSAL_CREDIT, Claimant.SINGLE_25_OR_OVER, FinancialYear.of(2026)).orElseThrow().amount())
                .isEqualTo(Money.ofPence(2125));
        BenefitDeduction legacy = benefitDeductions.find(Benefit.LEGACY_INCOME_RELATED, Claimant.ANY, FinancialYear.of(2024)).orElseThrow();
        assertThat(legacy.amount()).isEqualTo(Money.ofPence(455));
        assertThat(legacy.derived()).isFalse();
        assertThat(legacy.period()).isEqualTo(PayPeriod.WEEKLY);
        // not published for couples under 25 in 2026/27: nothing is invented
        assertThat(benefitDeductions.find(Benefit.UNIVERSAL_CREDIT, Claimant.COUPLE_UNDER_25, FinancialYear.of(2026))).isEmpty();
    }

    @Test
    void anyMemberOfStaffGetsTheAttachmentOfEarningsDeduction() throws Exception {
        for (String user : new String[] {"officer", "teamleader", "auditor", "admin"}) {
            mvc.perform(get("/api/v1/calculators/attachment-of-earnings").param("period", "WEEKLY").param("netEarningsPence", "60000")
                            .with(httpBasic(user, PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.deductionPence").value(13335))
                    .andExpect(jsonPath("$.period").value("WEEKLY"))
                    .andExpect(jsonPath("$.band.fromPence").value(50501))
                    .andExpect(jsonPath("$.band.toPence").doesNotExist())
                    .andExpect(jsonPath("$.band.percent").value(17))
                    .andExpect(jsonPath("$.band.percentOfExcess").value(50))
                    .andExpect(jsonPath("$.source").value(org.hamcrest.Matchers.containsString("Table A")));
        }
        mvc.perform(get("/api/v1/calculators/attachment-of-earnings").param("period", "MONTHLY").param("netEarningsPence", "90001")
                        .with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deductionPence").value(10800))
                .andExpect(jsonPath("$.band.fromPence").value(90001))
                .andExpect(jsonPath("$.band.toPence").value(142000))
                .andExpect(jsonPath("$.band.percent").value(12));
        mvc.perform(get("/api/v1/calculators/attachment-of-earnings").param("period", "DAILY").param("netEarningsPence", "1100")
                        .with(httpBasic("officer", PASSWORD)))
                .andExpect(jsonPath("$.deductionPence").value(0))
                .andExpect(jsonPath("$.band.fromPence").value(0))
                .andExpect(jsonPath("$.band.percent").value(0));
        mvc.perform(get("/api/v1/calculators/attachment-of-earnings").param("period", "WEEKLY").param("netEarningsPence", "60000"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void refusesEarningsThatAreNotMoreThanZeroAndAPeriodThatIsMissingOrUnknown() throws Exception {
        for (String net : new String[] {"0", "-1", "100000000001", "12.50", ""}) {
            mvc.perform(get("/api/v1/calculators/attachment-of-earnings").param("period", "WEEKLY").param("netEarningsPence", net)
                            .with(httpBasic("officer", PASSWORD)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("netEarningsPence"));
        }
        mvc.perform(get("/api/v1/calculators/attachment-of-earnings").param("period", "WEEKLY").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("netEarningsPence"));
        mvc.perform(get("/api/v1/calculators/attachment-of-earnings").param("netEarningsPence", "50000").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("period"));
        for (String period : new String[] {"FORTNIGHTLY", "weekly", ""}) {
            mvc.perform(get("/api/v1/calculators/attachment-of-earnings").param("period", period).param("netEarningsPence", "50000")
                            .with(httpBasic("officer", PASSWORD)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("period"));
        }
        mvc.perform(get("/api/v1/calculators/attachment-of-earnings").param("period", "WEEKLY").param("netEarningsPence", "50000")
                        .param("orderMadeOn", "2007-03-31").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anyMemberOfStaffGetsTheEnforcementFeesAtTheEdges() throws Exception {
        long[][] cases = {
                {0, 7500, 23500, 11000},
                {150000, 7500, 23500, 11000},
                {150001, 7500, 23500, 11000},
                {300000, 7500, 34750, 22250},
                {100_000_000_000L, 7500, 7_500_012_250L, 7_499_999_750L},
        };
        for (long[] c : cases) {
            mvc.perform(get("/api/v1/calculators/enforcement-fees").param("debtPence", Long.toString(c[0])).with(httpBasic("auditor", PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.compliancePence").value(c[1]))
                    .andExpect(jsonPath("$.enforcementPence").value(c[2]))
                    .andExpect(jsonPath("$.salePence").value(c[3]));
        }
        for (String debt : new String[] {"-1", "100000000001", "abc"}) {
            mvc.perform(get("/api/v1/calculators/enforcement-fees").param("debtPence", debt).with(httpBasic("officer", PASSWORD)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("debtPence"));
        }
        mvc.perform(get("/api/v1/calculators/enforcement-fees").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("debtPence"));
        mvc.perform(get("/api/v1/calculators/enforcement-fees").param("debtPence", "0")).andExpect(status().isUnauthorized());
    }
}
