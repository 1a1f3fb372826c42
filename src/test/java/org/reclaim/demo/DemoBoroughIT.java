package org.reclaim.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A small demo borough loaded on start-up, as `./mvnw spring-boot:run` does, in a database of its own. */
@IntegrationTest
@TestPropertySource(properties = {"reclaim.demo.enabled=true", "reclaim.demo.dwellings=2000"})
class DemoBoroughIT {

    @Autowired DemoBorough demo;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void loadsBothCouncilsInProportion() {
        assertThat(demo.isLoaded()).isTrue();
        assertThat(count("select count(*) from billing_authority where gss_code in ('E07000135', 'E08000010')")).isEqualTo(2);
        assertThat(count("select count(*) from account where stream = 'COUNCIL_TAX'")).isEqualTo(2000);
        assertThat(count("select count(*) from account a join billing_authority b on b.id = a.authority_id "
                + "where b.gss_code = 'E07000135' and a.stream = 'COUNCIL_TAX'")).isEqualTo(300);
        assertThat(count("select count(*) from account where stream = 'BUSINESS_RATES'")).isEqualTo(200);
        assertThat(count("select count(*) from account where stream = 'HOUSING_RENT'")).isEqualTo(255);   // Wigan only
        assertThat(count("select count(*) from account a join billing_authority b on b.id = a.authority_id "
                + "where b.gss_code = 'E07000135' and a.stream = 'HOUSING_RENT'")).isZero();
        assertThat(count("select count(*) from account_party")).isGreaterThan(count("select count(*) from account"));
    }

    @Test
    void eachCouncilHasThePartnersItsSourceDocumentNamesAndNationalDebtAdvice() throws Exception {
        mvc.perform(get("/api/v1/authorities/E07000135/advice-partners").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'Helping Hands')].kind").value(org.hamcrest.Matchers.contains("DROP_IN")))
                .andExpect(jsonPath("$[?(@.kind == 'DEBT_ADVICE')].name").value(
                        org.hamcrest.Matchers.containsInAnyOrder("MoneyHelper", "StepChange Debt Charity", "National Debtline")));
        mvc.perform(get("/api/v1/authorities/E08000010/advice-partners").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.kind == 'WELFARE_RIGHTS')].name").value(
                        org.hamcrest.Matchers.hasItem("Wigan Council Welfare Rights and Welfare Support")))
                .andExpect(jsonPath("$[?(@.name == 'Helping Hands')]").isEmpty());
        // no telephone numbers were invented: national partners carry only their public web address
        assertThat(count("select count(*) from advice_partner where contact is not null")).isZero();
    }

    @Test
    void chargesOadbyAndWigstonAtThePublishedBandTotals() {
        // a full-year Band D account of 2025/26 is charged exactly the published £2,330.02
        List<Long> bandD = jdbc.sql("""
                select l.amount_pence from ledger_entry l
                join account a on a.authority_id = l.authority_id and a.id = l.account_id
                join property p on p.authority_id = a.authority_id and p.id = a.property_id
                join billing_authority b on b.id = a.authority_id
                where b.gss_code = 'E07000135' and p.council_tax_band = 'D' and l.entry_type = 'CHARGE'
                  and a.liability_start <= '2025-04-01'""").query(Long.class).list();
        assertThat(bandD).isNotEmpty().allMatch(pence -> pence == 233002);
    }

    @Test
    void everyReferenceIsValidAndAnAccountReadsThroughTheApi() throws Exception {
        List<String> references = jdbc.sql("select reference from account order by id limit 50").query(String.class).list();
        references.forEach(r -> org.reclaim.accounts.AccountReference.parse(r));
        mvc.perform(get("/api/v1/accounts/" + references.get(0)).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value(references.get(0)))
                .andExpect(jsonPath("$.parties[0].name").isNotEmpty());
    }

    @Test
    void aSecondLoadIsANoOpAndTheSameSeedGivesTheSamePeople() {
        long parties = count("select count(*) from party");
        assertThat(demo.load(2000).loaded()).isFalse();
        assertThat(count("select count(*) from party")).isEqualTo(parties);
        // deterministic: the first Oadby household is always the same synthetic person
        String first = jdbc.sql("""
                select concat_ws(' ', p.forenames, p.surname) from party p join billing_authority b on b.id = p.authority_id
                where b.gss_code = 'E07000135' order by p.id limit 1""").query(String.class).single();
        assertThat(first).isEqualTo(FIRST_OADBY_RESIDENT);
    }

    @Test
    void theDemoCouncilsStartWithTheirPublishedRetainedRatesShares() throws Exception {
        mvc.perform(get("/api/v1/authorities/E07000135/business-rates-shares/2025").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shares[0].name").value("Central government"))
                .andExpect(jsonPath("$.shares[0].percent").value("50"))
                .andExpect(jsonPath("$.shares[1].percent").value("40"))
                .andExpect(jsonPath("$.shares[2].name").value("Leicestershire County Council"))
                .andExpect(jsonPath("$.shares[2].percent").value("9"))
                .andExpect(jsonPath("$.shares[3].percent").value("1"));
        mvc.perform(get("/api/v1/authorities/E08000010/business-rates-shares/2026").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shares[0].name").value("Wigan Council"))
                .andExpect(jsonPath("$.shares[0].percent").value("99"))
                .andExpect(jsonPath("$.shares[1].percent").value("1"));
    }

    /** Recorded from the generator with seed 20260401; it changes only if the generator does. */
    static final String FIRST_OADBY_RESIDENT = "Ella Johnson";

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
