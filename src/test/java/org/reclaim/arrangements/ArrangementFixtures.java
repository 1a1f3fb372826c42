package org.reclaim.arrangements;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.billing.Bills;
import org.reclaim.billing.CouncilTaxBilling;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.parties.Party;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A council with 2026/27 Band D of £2,330.02 (£233.02 on 1 April, then £233.00 on the 1st of May to January), its
 * customers' billed Council Tax accounts, payments, and the arrangement requests the tests send.
 */
final class ArrangementFixtures {

    static final FinancialYear Y = FinancialYear.of(2026);
    static final String PASSWORD = "reclaim-demo";

    final TestData data;
    final BillingAuthority council;
    private final MockMvc mvc;
    private final Ledger ledger;
    private final CouncilTaxBilling billing;
    private final JdbcClient jdbc;

    ArrangementFixtures(ApplicationContext context, MockMvc mvc, String name) {
        this.data = TestData.from(context);
        this.mvc = mvc;
        this.ledger = context.getBean(Ledger.class);
        this.billing = context.getBean(CouncilTaxBilling.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.council = data.authority().name(name).create();
        context.getBean(Authorities.class).replacePrecepts(council.id(), Y, List.of(
                new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test"),
                new Authorities.PreceptSetting(name, PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test")));
    }

    Party customer() {
        return data.person(council).surname("Payer").create();
    }

    /** A Band D dwelling's account for the customer, billed for 2026/27 on 5 March 2026: 233002 pence. */
    Account billed(Party customer) {
        Account a = data.account(council).liable(customer).property(data.dwelling(council).band(CouncilTaxBand.D).create())
                .from(LocalDate.of(2020, 6, 1)).open();
        billing.bill(a.reference(), Y, LocalDate.of(2026, 3, 5), "Annual bill", CouncilTaxCircumstances.NONE, new Bills.PlanChoice("TEN_MONTHLY", 1));
        return a;
    }

    void pay(Account a, long pence, LocalDate on) {
        ledger.post(Posting.of(a.reference(), Y, EntryType.PAYMENT, Money.ofPence(-pence), on, "payment"));
    }

    ResultActions postJson(String user, String path, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    /** The account's recovery actions in order, each as "CODE@issued-on". */
    List<String> actions(Account a) {
        return jdbc.sql("select code || '@' || issued_on from recovery_action where authority_id = ? and account_id = ? order by issued_on, id")
                .params(a.authorityId(), a.id()).query(String.class).list();
    }

    /** The recovery run for the date, as a team leader. */
    void recoveryRun(String date) throws Exception {
        mvc.perform(post("/api/v1/recovery/runs").param("authority", council.gssCode()).param("date", date)
                        .with(httpBasic("teamleader", PASSWORD)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status").value("COMPLETED"));
    }

    ResultActions monitor(String date) throws Exception {
        return mvc.perform(post("/api/v1/arrangements/monitor").param("authority", council.gssCode()).param("date", date)
                .with(httpBasic("teamleader", PASSWORD)));
    }
}
