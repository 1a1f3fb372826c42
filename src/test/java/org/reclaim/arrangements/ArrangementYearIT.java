package org.reclaim.arrangements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.parties.Party;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Arrangements over a year with the real recovery run and the real monitor: one kept all year, one broken in its
 * third month that resumes recovery at the stage it had reached, and one shared over two accounts. One council for
 * the whole year (the runs are per council, and tests share a small pool of authority reference prefixes).
 */
@IntegrationTest
@RecordApplicationEvents
class ArrangementYearIT {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Ledger ledger;

    private static String arrangement(Party p, Account a, long pence, String first, String madeOn, boolean firstContact, Long form) {
        return """
                {"partyId": %d, "accounts": ["%s"], "instalmentPence": %d, "frequency": "MONTHLY", "firstPaymentOn": "%s",
                 "method": "DIRECT_DEBIT", "madeAtFirstContact": %s, "incomeExpenditureId": %s, "madeOn": "%s"}"""
                .formatted(p.id(), a.reference().value(), pence, first, firstContact, form, madeOn);
    }

    /**
     * One council, one year, the runs called for explicit business dates (policy: 3 grace days, 14 to make a miss good):
     * K keeps its arrangement all year; B had a reminder and a final notice, agrees an arrangement from its income and
     * expenditure in April and breaks it in July, its third month; M shares one instalment over Council Tax and an
     * older Housing Benefit overpayment in November.
     */
    @Test
    void aYearOfArrangements(ApplicationEvents events) throws Exception {
        ArrangementFixtures f = new ArrangementFixtures(context, mvc, "Arrangement Year Council");
        mvc.perform(put("/api/v1/authorities/{code}/arrangement-policy", f.council.gssCode()).with(httpBasic("admin", ArrangementFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"graceDays": 3, "makeGoodDays": 14, "reason": "council's arrangements policy",
                                 "streamOrder": ["COUNCIL_TAX", "BUSINESS_RATES", "HOUSING_RENT", "FORMER_TENANT_ARREARS", "HB_OVERPAYMENT"]}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.current.version").value(1)).andExpect(jsonPath("$.current.changedBy").value("admin"));
        Party kCustomer = f.customer();
        Account k = f.billed(kCustomer);
        Party bCustomer = f.customer();
        Account b = f.billed(bCustomer);
        // K, made on 30 March before the first instalment: 12 monthly payments from 15 April to 15 March clear 233002 at
        // 19417 (233002 / 12 = 19416.8, up to 19417), the last 233002 - 11 x 19417 = 19415
        long kId = ArrangementFixtures.id(f.postJson("officer", "/api/v1/arrangements",
                        arrangement(kCustomer, k, 19417, "2026-04-15", "2026-03-30", true, null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACTIVE")).andExpect(jsonPath("$.schedule.length()").value(12))
                .andExpect(jsonPath("$.schedule[11].amountPence").value(19415)).andExpect(jsonPath("$.lastPaymentOn").value("2027-03-15"))
                .andExpect(jsonPath("$.methodsOffered[0]").value("DIRECT_DEBIT")).andExpect(jsonPath("$.method").value("DIRECT_DEBIT"))
                .andExpect(jsonPath("$.proposedInstalmentPence").value(19417)).andExpect(jsonPath("$.accounts[0].holdId").isNumber()));
        long bId = 0;
        for (int month = 0; month < 12; month++) {
            LocalDate due = LocalDate.of(2026, 4, 15).plusMonths(month);
            if (month == 1 || month == 2) {
                f.pay(b, 21182, due.withDayOfMonth(1));
            }
            f.recoveryRun(due.withDayOfMonth(2).toString());
            if (month == 2) {
                f.monitor("2026-06-10").andExpect(jsonPath("$.checked").value(2)).andExpect(jsonPath("$.reminded").value(0));
            }
            if (month == 3) {
                brokenInJuly(f, b, bId, events);
            }
            f.pay(k, month == 11 ? 19415 : 19417, due);
            if (month == 0) {
                bId = arrangedInApril(f, bCustomer, b);
            }
            if (month == 3) {
                resumesAfterTheBreak(f, b, bId);
            }
            f.monitor(due.withDayOfMonth(20).toString()).andExpect(status().isOk())
                    .andExpect(jsonPath("$.reminded").value(0)).andExpect(jsonPath("$.broken").value(0));
            if (month == 7) {
                sharedOverTwoAccounts(f);
            }
        }
        assertThat(f.actions(k)).isEmpty();
        assertThat(jdbc.sql("""
                select count(*) from recovery_line where authority_id = ? and account_id = ? and state = 'PASSED_OVER' and hold_type = 'ARRANGEMENT'""")
                .params(k.authorityId(), k.id()).query(Long.class).single()).isGreaterThanOrEqualTo(9);
        mvc.perform(get("/api/v1/arrangements/{id}", kId).with(httpBasic("auditor", ArrangementFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED")).andExpect(jsonPath("$.endedOn").value("2027-03-20"))
                .andExpect(jsonPath("$.misses.length()").value(0));
        assertThat(ledger.balance(k)).isEqualTo(Money.ZERO);
        f.recoveryRun("2027-03-22");
        assertThat(f.actions(k)).isEmpty();
    }

    /** B: a reminder on 2 April, a final notice on 16 April, then an arrangement from its income and expenditure. */
    private long arrangedInApril(ArrangementFixtures f, Party customer, Account b) throws Exception {
        f.recoveryRun("2026-04-16");
        assertThat(f.actions(b)).containsExactly("REMINDER_1@2026-04-02", "FINAL_NOTICE@2026-04-16");
        long form = ArrangementFixtures.id(f.postJson("officer", "/api/v1/parties/" + customer.id() + "/income-expenditure",
                ArrangementsIT.WORKED_FORM.formatted("2026-04-17")).andExpect(status().isCreated()));
        // the worked form of AffordabilityTest: 42999 a month available; 233002 over May to March (11) = 21182 exactly
        mvc.perform(get("/api/v1/income-expenditure/{id}/proposal", form).param("accounts", b.reference().value())
                        .param("firstPaymentOn", "2026-05-01").with(httpBasic("officer", ArrangementFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.proposedInstalmentPence").value(21182));
        return ArrangementFixtures.id(f.postJson("officer", "/api/v1/arrangements",
                arrangement(customer, b, 21182, "2026-05-01", "2026-04-20", false, form)).andExpect(status().isCreated()));
    }

    /** B misses 1 July: with 3 grace days it is missed on the 5th, not the 4th; one reminder, one event. */
    private void brokenInJuly(ArrangementFixtures f, Account b, long id, ApplicationEvents events) throws Exception {
        assertThat(f.actions(b)).hasSize(2);   // held since 20 April: the summons after the final notice was passed over
        f.monitor("2026-07-04").andExpect(jsonPath("$.reminded").value(0));
        f.monitor("2026-07-05").andExpect(jsonPath("$.reminded").value(1)).andExpect(jsonPath("$.remindedArrangements[0]").value(id));
        f.monitor("2026-07-05").andExpect(jsonPath("$.reminded").value(0)).andExpect(jsonPath("$.broken").value(0));
        assertThat(events.stream(ArrangementPaymentMissed.class).filter(e -> e.arrangementId() == id).toList())
                .containsExactly(new ArrangementPaymentMissed(id, List.of(b.id()), LocalDate.of(2026, 7, 1)));
        assertThat(jdbc.sql("select document_code || '@' || requested_on from arrangement_document_request where authority_id = ? and arrangement_id = ?")
                .params(b.authorityId(), id).query(String.class).list()).containsExactly("ARRANGEMENT_MISSED_PAYMENT@2026-07-05");
        // and a call for an officer in the TASKS worklist, once though the monitor ran twice that day
        mvc.perform(get("/api/v1/worklists/TASKS").param("authority", f.council.gssCode()).with(httpBasic("officer", ArrangementFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.accountReference == '" + b.reference().value() + "')].suggestion")
                        .value(org.hamcrest.Matchers.contains("ARRANGEMENT_MISSED_PAYMENT")))
                .andExpect(jsonPath("$[?(@.accountReference == '" + b.reference().value() + "')].reason")
                        .value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.containsString("the payment due on 2026-07-01 under arrangement " + id))));
    }

    /** Not made good within 14 days: broken on 19 July, its hold ends, and recovery carries on from the final notice. */
    private void resumesAfterTheBreak(ArrangementFixtures f, Account b, long id) throws Exception {
        f.recoveryRun("2026-07-18");
        assertThat(f.actions(b)).hasSize(2);
        f.monitor("2026-07-19").andExpect(jsonPath("$.broken").value(1)).andExpect(jsonPath("$.brokenArrangements[0]").value(id));
        mvc.perform(get("/api/v1/accounts/{r}/arrangements", b.reference().value()).with(httpBasic("officer", ArrangementFixtures.PASSWORD)))
                .andExpect(jsonPath("$[0].status").value("BROKEN")).andExpect(jsonPath("$[0].endedOn").value("2026-07-19"))
                .andExpect(jsonPath("$[0].misses[0].dueOn").value("2026-07-01")).andExpect(jsonPath("$[0].misses[0].shortfallPence").value(21182));
        mvc.perform(get("/api/v1/accounts/{r}/holds", b.reference().value()).with(httpBasic("officer", ArrangementFixtures.PASSWORD)))
                .andExpect(jsonPath("$[0].type").value("ARRANGEMENT")).andExpect(jsonPath("$[0].endedOn").value("2026-07-19"));
        // the run after the break: the summons (for a team leader), the stage after the final notice, not a new reminder
        f.recoveryRun("2026-07-19");
        assertThat(f.actions(b)).containsExactly("REMINDER_1@2026-04-02", "FINAL_NOTICE@2026-04-16");
        assertThat(jdbc.sql("""
                select l.stage_code || ':' || l.state from recovery_line l join recovery_run r on r.authority_id = l.authority_id and r.id = l.run_id
                where l.authority_id = ? and l.account_id = ? and r.business_date = '2026-07-19'""")
                .params(b.authorityId(), b.id()).query(String.class).list()).containsExactly("SUMMONS:PROPOSED");
    }

    private void sharedOverTwoAccounts(ArrangementFixtures f) throws Exception {
        Party customer = f.customer();
        Account councilTax = f.billed(customer);
        // an older Housing Benefit overpayment of £500: named first, but Council Tax, a priority debt, is paid first
        Account hbop = f.data.account(f.council).stream(RevenueStream.HB_OVERPAYMENT).liable(customer).from(LocalDate.of(2025, 4, 1)).open();
        ledger.post(Posting.of(hbop.reference(), FinancialYear.of(2025), EntryType.CHARGE, Money.ofPence(50000), LocalDate.of(2025, 6, 1),
                "HB overpayment invoice"));
        long id = ArrangementFixtures.id(f.postJson("teamleader", "/api/v1/arrangements", """
                        {"partyId": %d, "accounts": ["%s", "%s"], "instalmentPence": 100000, "frequency": "MONTHLY", "firstPaymentOn": "2026-12-01",
                         "method": "CARD", "madeAtFirstContact": true, "madeOn": "2026-11-20"}"""
                        .formatted(customer.id(), hbop.reference().value(), councilTax.reference().value()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.totalPence").value(283002))
                .andExpect(jsonPath("$.accounts[0].reference").value(councilTax.reference().value()))
                .andExpect(jsonPath("$.accounts[1].reference").value(hbop.reference().value()))
                // 100000, 100000, then 83002: the last Council Tax 33002 and the whole 50000 overpayment
                .andExpect(jsonPath("$.schedule.length()").value(3))
                .andExpect(jsonPath("$.schedule[0].shares.length()").value(1))
                .andExpect(jsonPath("$.schedule[2].amountPence").value(83002))
                .andExpect(jsonPath("$.schedule[2].shares[0].account").value(councilTax.reference().value()))
                .andExpect(jsonPath("$.schedule[2].shares[0].amountPence").value(33002))
                .andExpect(jsonPath("$.schedule[2].shares[1].account").value(hbop.reference().value()))
                .andExpect(jsonPath("$.schedule[2].shares[1].amountPence").value(50000)));
        for (Account a : List.of(councilTax, hbop)) {
            mvc.perform(get("/api/v1/accounts/{r}/holds", a.reference().value()).with(httpBasic("officer", ArrangementFixtures.PASSWORD)))
                    .andExpect(jsonPath("$[0].type").value("ARRANGEMENT")).andExpect(jsonPath("$[0].endsOn").value("2027-02-04"));
        }
        assertThat(jdbc.sql("select method from payment_method_choice where authority_id = ? and source = ?")
                .params(f.council.id(), "arrangement " + id).query(String.class).list()).containsExactly("CARD", "CARD");
        // one arrangement at a time on an account
        f.postJson("officer", "/api/v1/arrangements", """
                        {"partyId": %d, "accounts": ["%s"], "instalmentPence": 100000, "frequency": "MONTHLY", "firstPaymentOn": "2026-12-01",
                         "method": "CARD", "madeAtFirstContact": true, "madeOn": "2026-11-20"}""".formatted(customer.id(), councilTax.reference().value()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already has an arrangement")));
        // cancelled: the holds end, and another can be made
        f.postJson("officer", "/api/v1/arrangements/" + id + "/cancel", "{\"reason\": \"customer asked to pay in full\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        f.postJson("officer", "/api/v1/arrangements/" + id + "/cancel", "{\"reason\": \"again\"}").andExpect(status().isConflict());
        mvc.perform(get("/api/v1/accounts/{r}/holds", hbop.reference().value()).with(httpBasic("officer", ArrangementFixtures.PASSWORD)))
                .andExpect(jsonPath("$[0].endedOn").isNotEmpty());
    }
}
