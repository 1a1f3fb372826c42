package org.reclaim.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.billing.Bill;
import org.reclaim.billing.Bills;
import org.reclaim.billing.CouncilTaxBilling;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.shared.BusinessCalendar;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Direct Debit end to end: mandates, AUDDIS files, collection runs, ARUDD and ADDACS reports. Every test has its own
 * authority, so runs see only its mandates. Dates are the run's parameters; 2026's bank holidays matter: Good Friday
 * 3 April, Easter Monday 6 April, the early May bank holiday 4 May.
 */
@IntegrationTest
class DirectDebitIT {

    private static final FinancialYear Y2026 = FinancialYear.of(2026);
    /** The AUDDIS file of the tests' mandates is processed on this day, long before the first collection. */
    private static final LocalDate LODGED = LocalDate.of(2026, 3, 2);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling councilTax;
    @Autowired Bills bills;
    @Autowired Ledger ledger;
    @Autowired BusinessCalendar calendar;
    @Autowired JdbcClient jdbc;
    TestData data;
    BillingAuthority council;

    @BeforeEach
    void setUp() throws Exception {
        data = TestData.from(context);
        council = data.authority().name("Direct Debit Council").create();
        authorities.replacePrecepts(council.id(), Y2026, List.of(
                new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test"),
                new Authorities.PreceptSetting("Direct Debit Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test")));
        mvc.perform(put("/api/v1/authorities/" + council.gssCode() + "/direct-debit-originator").with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceUserNumber\": \"123456\", \"sortCode\": \"20-00-00\", \"accountNumber\": \"55779911\", "
                                + "\"accountName\": \"Direct Debit Council\"}"))
                .andExpect(status().isOk());
    }

    /** A band D account billed on {@code issuedOn}, ten instalments on {@code day}: £233.02, then nine of £233.00. */
    private Account billed(LocalDate issuedOn, int day) {
        Account account = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(LocalDate.of(2019, 1, 1)).open();
        councilTax.bill(account.reference(), Y2026, issuedOn, "Annual bill", CouncilTaxCircumstances.NONE, new Bills.PlanChoice("TEN_MONTHLY", day));
        return account;
    }

    private ResultActions setUpMandate(Account account, String body) throws Exception {
        return mvc.perform(post("/api/v1/accounts/" + account.reference().value() + "/direct-debit").with(httpBasic("officer", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String mandate(Account account) throws Exception {
        String body = setUpMandate(account, "{\"payerName\": \"Zoë O'Neil\", \"sortCode\": \"40-05-15\", \"accountNumber\": \"87654321\", "
                + "\"guaranteeShown\": true}")
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.reference");
    }

    /** Lodges the mandates waiting in an AUDDIS file processed on {@link #LODGED}; returns the file. */
    private String lodge() throws Exception {
        String body = mvc.perform(post("/api/v1/direct-debit/auddis-files").param("authority", council.gssCode()).param("date", LODGED.toString())
                        .with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(body, "$.id");
        return mvc.perform(get("/api/v1/direct-debit/auddis-files/" + id + "/file").with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private ResultActions run(LocalDate date) throws Exception {
        return mvc.perform(post("/api/v1/direct-debit/runs").param("authority", council.gssCode()).param("date", date.toString())
                .with(httpBasic("teamleader", "reclaim-demo")));
    }

    private String runFile(ResultActions run) throws Exception {
        int id = JsonPath.read(run.andReturn().getResponse().getContentAsString(), "$.id");
        return mvc.perform(get("/api/v1/direct-debit/runs/" + id + "/file").with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private ResultActions report(String xml) throws Exception {
        return mvc.perform(post("/api/v1/direct-debit/returns").param("authority", council.gssCode()).contentType(MediaType.APPLICATION_XML)
                .content(xml).with(httpBasic("teamleader", "reclaim-demo")));
    }

    private List<LedgerEntry> entries(Account account, EntryType type) {
        return ledger.entries(account).stream().filter(e -> e.type() == type).toList();
    }

    @Test
    void aMandateNeedsTheGuaranteeGivenAndBankDetailsThatCanBeRight() throws Exception {
        Account account = billed(LocalDate.of(2026, 3, 5), 1);
        setUpMandate(account, "{\"payerName\": \"A Payer\", \"sortCode\": \"40-05-15\", \"accountNumber\": \"87654321\", \"guaranteeShown\": false}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("guaranteeShown"));
        setUpMandate(account, "{\"payerName\": \"A Payer\", \"sortCode\": \"40-05-15\", \"accountNumber\": \"87654321\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("guaranteeShown"));
        setUpMandate(account, "{\"payerName\": \"A Payer\", \"sortCode\": \"40-05\", \"accountNumber\": \"87654321\", \"guaranteeShown\": true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sortCode"));
        setUpMandate(account, "{\"payerName\": \"A Payer\", \"sortCode\": \"40-05-15\", \"accountNumber\": \"876543210\", \"guaranteeShown\": true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("accountNumber"));
        setUpMandate(account, "{\"payerName\": \"A Payer\", \"sortCode\": \"40-05-15\", \"accountNumber\": \"87654321\", \"guaranteeShown\": true, "
                + "\"paymentDay\": 15}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("paymentDay"));
        assertThat(jdbc.sql("select count(*) from mandate where authority_id = ?").param(council.id()).query(Long.class).single()).isZero();

        String reference = mandate(account);
        assertThat(reference).isEqualTo(account.reference().value() + "-1");
        mvc.perform(get("/api/v1/accounts/" + account.reference().value() + "/direct-debit").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SET_UP"))
                .andExpect(jsonPath("$.payerName").value("ZOE ONEIL"))
                .andExpect(jsonPath("$.accountNumberEnding").value("4321"))
                .andExpect(jsonPath("$.paymentDay").value(1))
                .andExpect(jsonPath("$.agreedNoticeDays").value(10))
                .andExpect(jsonPath("$.bankDetailsCheck").value("NOT_CHECKED"))
                .andExpect(jsonPath("$.history[0].event").value("SET_UP"));
        // one live mandate per account; Direct Debit is recorded as the method the payer chose
        setUpMandate(account, "{\"payerName\": \"A Payer\", \"sortCode\": \"40-05-15\", \"accountNumber\": \"87654321\", \"guaranteeShown\": true}")
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select method from payment_method_choice where authority_id = ? and account_id = ?")
                .params(council.id(), account.id()).query(String.class).single()).isEqualTo("DIRECT_DEBIT");
    }

    @Test
    void setUpAndCancellationGoOutOnceInAnAuddisFile() throws Exception {
        Account account = billed(LocalDate.of(2026, 3, 5), 1);
        String reference = mandate(account);
        String file = lodge();
        List<String> lines = file.lines().toList();
        assertThat(lines).hasSize(8);   // VOL1 HDR1 HDR2 UHL1, one instruction, EOF1 EOF2 UTL1
        String data = lines.get(4);
        assertThat(data).hasSize(100);
        assertThat(data.substring(0, 6)).isEqualTo("400515");
        assertThat(data.substring(6, 14)).isEqualTo("87654321");
        assertThat(data.substring(15, 17)).isEqualTo("0N");
        assertThat(data.substring(17, 23)).isEqualTo("200000");
        assertThat(data.substring(35, 46)).isEqualTo("00000000000");
        assertThat(data.substring(64, 82).strip()).isEqualTo(reference);
        assertThat(data.substring(82, 100).strip()).isEqualTo("ZOE ONEIL");
        assertThat(lines.get(0)).startsWith("VOL1");
        assertThat(lines.get(0).substring(41, 47)).isEqualTo("123456");   // VOL1 42-47, the owner (SUN)
        // nothing waits now: a second file is not written
        mvc.perform(post("/api/v1/direct-debit/auddis-files").param("authority", council.gssCode()).with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/accounts/" + account.reference().value() + "/direct-debit").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.status").value("LODGED")).andExpect(jsonPath("$.lodgedOn").value(LODGED.toString()));

        mvc.perform(delete("/api/v1/accounts/" + account.reference().value() + "/direct-debit").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        String cancel = lodge();
        assertThat(cancel.lines().toList().get(4).substring(15, 17)).isEqualTo("0C");
        assertThat(cancel.lines().toList().get(4).substring(64, 82).strip()).isEqualTo(reference);
    }

    @Test
    void theRunCollectsEachInstalmentDueOnceFirstWith01ThenWith17() throws Exception {
        Account account = billed(LocalDate.of(2026, 3, 5), 1);
        String reference = mandate(account);
        lodge();
        // Wednesday 1 April 2026: the first instalment, £233.02
        ResultActions first = run(LocalDate.of(2026, 4, 1))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.collections").value(1))
                .andExpect(jsonPath("$.totalPence").value(23302))
                .andExpect(jsonPath("$.skipped").value(0));
        String file = runFile(first);
        List<String> lines = file.lines().toList();
        assertThat(lines).hasSize(9);   // labels, one debit, the contra, trailers
        String debit = lines.get(4);
        assertThat(debit.substring(0, 14)).isEqualTo("40051587654321");
        assertThat(debit.substring(15, 17)).isEqualTo("01");
        assertThat(debit.substring(35, 46)).isEqualTo("00000023302");
        assertThat(debit.substring(64, 82).strip()).isEqualTo(reference);
        assertThat(lines.get(5).substring(15, 17)).isEqualTo("99");
        assertThat(entries(account, EntryType.PAYMENT)).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(Money.ofPence(-23302)))
                .satisfies(e -> assertThat(e.financialYear()).isEqualTo(Y2026))
                .satisfies(e -> assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2026, 4, 1)));
        assertThat(jdbc.sql("select method from payment where authority_id = ? and source = 'direct-debit'").param(council.id())
                .query(String.class).single()).isEqualTo("DIRECT_DEBIT");

        // the same day again collects nothing, and posts nothing
        run(LocalDate.of(2026, 4, 1)).andExpect(status().isCreated()).andExpect(jsonPath("$.collections").value(0));
        assertThat(entries(account, EntryType.PAYMENT)).hasSize(1);

        // Friday 1 May: the second instalment, a regular collection
        String may = runFile(run(LocalDate.of(2026, 5, 1)).andExpect(jsonPath("$.collections").value(1)).andExpect(jsonPath("$.totalPence").value(23300)));
        assertThat(may.lines().toList().get(4).substring(15, 17)).isEqualTo("17");
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(233002 - 23302 - 23300));
    }

    @Test
    void aMandateIsFirstCollectedTenWorkingDaysAfterItWasLodged() throws Exception {
        Account account = billed(LocalDate.of(2026, 3, 5), 1);
        mandate(account);
        // lodged on 23 March: 1 April is only 7 working days later, so the mandate is not yet active
        mvc.perform(post("/api/v1/direct-debit/auddis-files").param("authority", council.gssCode()).param("date", "2026-03-23")
                .with(httpBasic("teamleader", "reclaim-demo"))).andExpect(status().isCreated());
        run(LocalDate.of(2026, 4, 1)).andExpect(jsonPath("$.collections").value(0));
        mvc.perform(get("/api/v1/accounts/" + account.reference().value() + "/direct-debit").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.status").value("LODGED"));
        run(LocalDate.of(2026, 5, 1)).andExpect(jsonPath("$.collections").value(1));
        mvc.perform(get("/api/v1/accounts/" + account.reference().value() + "/direct-debit").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void anInstalmentBilledWithoutTenWorkingDaysNoticeOverEasterIsSkippedAndTheNextCollected() throws Exception {
        LocalDate due = LocalDate.of(2026, 4, 15);
        LocalDate noticeBy = calendar.minusWorkingDays(due, 10);
        // Good Friday and Easter Monday fall in the ten working days before 15 April, so notice had to go by 30 March;
        // a bill of 1 April is ten weekdays before, but only eight working days
        assertThat(noticeBy).isEqualTo(LocalDate.of(2026, 3, 30));
        LocalDate issued = LocalDate.of(2026, 4, 1);
        assertThat(calendar.workingDaysBetween(issued, due)).isEqualTo(8);
        Account account = billed(issued, 15);
        Bill bill = bills.current(account, Y2026).orElseThrow();
        assertThat(bill.instalments().get(0).dueOn()).isEqualTo(due);
        assertThat(bill.instalments().get(1).dueOn()).isEqualTo(LocalDate.of(2026, 5, 15));
        mandate(account);
        lodge();

        run(due).andExpect(jsonPath("$.collections").value(0))
                .andExpect(jsonPath("$.skipped").value(1))
                .andExpect(jsonPath("$.skippedInstalments[0].accountReference").value(account.reference().value()))
                .andExpect(jsonPath("$.skippedInstalments[0].dueOn").value("2026-04-15"))
                .andExpect(jsonPath("$.skippedInstalments[0].reason").value(org.hamcrest.Matchers.containsString("2026-03-30")));
        run(LocalDate.of(2026, 5, 15)).andExpect(jsonPath("$.collections").value(1))
                .andExpect(jsonPath("$.totalPence").value(bill.instalments().get(1).amount().pence()));
    }

    @Test
    void anInstalmentDueOnASaturdayIsCollectedOnTheNextWorkingDay() throws Exception {
        Account account = billed(LocalDate.of(2026, 3, 5), 1);
        mandate(account);
        lodge();
        assertThat(LocalDate.of(2026, 8, 1).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
        run(LocalDate.of(2026, 7, 31)).andExpect(jsonPath("$.collections").value(0));
        run(LocalDate.of(2026, 8, 1)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));
        run(LocalDate.of(2026, 8, 3)).andExpect(jsonPath("$.collections").value(1)).andExpect(jsonPath("$.totalPence").value(23300));
        assertThat(jdbc.sql("select due_on from collection where authority_id = ?").param(council.id()).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2026, 8, 1));
    }

    private String arudd(String reference, LocalDate processed, String pounds, String code) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <BACSDocument><Data><ARUDD>
                  <Header reportType="REFT1027" adviceNumber="001" currentProcessingDate="%2$s"/>
                  <Advice><OriginatingAccountRecords><OriginatingAccountRecord>
                    <OriginatingAccount name="DIRECT DEBIT COUNC" number="55779911" sortCode="200000" type="0"/>
                    <ReturnedDebitItem ref="%1$s" transCode="01" returnCode="%4$s" returnDescription="X" originalProcessingDate="%2$s"
                        valueOf="%3$s" currency="GBP">
                      <PayerAccount number="87654321" ref="%1$s" name="ZOE ONEIL" sortCode="400515"/>
                    </ReturnedDebitItem>
                    <Totals numberOf="1" valueOf="%3$s" currency="GBP"/>
                  </OriginatingAccountRecord></OriginatingAccountRecords></Advice>
                </ARUDD></Data></BACSDocument>
                """.formatted(reference, processed, pounds, code);
    }

    @Test
    void anAruddReturnReversesThePaymentFlagsTheInstalmentAndReferToPayerIsRepresentedOnce() throws Exception {
        Account account = billed(LocalDate.of(2026, 3, 5), 1);
        String reference = mandate(account);
        lodge();
        run(LocalDate.of(2026, 4, 1)).andExpect(jsonPath("$.collections").value(1));
        String xml = arudd(reference, LocalDate.of(2026, 4, 1), "233.02", "0");

        report(xml).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("ARUDD"))
                .andExpect(jsonPath("$.alreadyProcessed").value(false))
                .andExpect(jsonPath("$.paymentsReversed").value(1));
        assertThat(entries(account, EntryType.PAYMENT_REVERSAL)).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(Money.ofPence(23302)))
                .satisfies(e -> assertThat(e.financialYear()).isEqualTo(Y2026));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(233002));
        assertThat(jdbc.sql("select due_on from direct_debit_missed_instalment where authority_id = ? and account_id = ?")
                .params(council.id(), account.id()).query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 4, 1));

        // the same report again changes nothing
        report(xml).andExpect(status().isOk()).andExpect(jsonPath("$.alreadyProcessed").value(true))
                .andExpect(jsonPath("$.paymentsReversed").value(0));
        assertThat(entries(account, EntryType.PAYMENT_REVERSAL)).hasSize(1);

        // refer to payer: re-presented (code 18) by the first run 7 working days after, within the month; once
        String representation = runFile(run(LocalDate.of(2026, 4, 14)).andExpect(jsonPath("$.collections").value(1))
                .andExpect(jsonPath("$.totalPence").value(23302)));
        assertThat(representation.lines().toList().get(4).substring(15, 17)).isEqualTo("18");
        run(LocalDate.of(2026, 4, 15)).andExpect(jsonPath("$.collections").value(0));
        assertThat(jdbc.sql("select count(*) from direct_debit_missed_instalment where authority_id = ? and account_id = ?")
                .params(council.id(), account.id()).query(Long.class).single()).isZero();
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(233002 - 23302));
    }

    @Test
    void anAruddForAClosedAccountCancelsTheMandateAndABadReportChangesNothing() throws Exception {
        Account account = billed(LocalDate.of(2026, 3, 5), 1);
        String reference = mandate(account);
        lodge();
        run(LocalDate.of(2026, 4, 1));
        // an amount that was not collected names the item and applies nothing
        report(arudd(reference, LocalDate.of(2026, 4, 1), "12.34", "B")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("item 1"));
        // truncated
        String xml = arudd(reference, LocalDate.of(2026, 4, 1), "233.02", "B");
        report(xml.substring(0, xml.indexOf("<Totals"))).andExpect(status().isBadRequest());
        assertThat(entries(account, EntryType.PAYMENT_REVERSAL)).isEmpty();

        report(xml).andExpect(status().isOk()).andExpect(jsonPath("$.mandatesCancelled").value(1));
        mvc.perform(get("/api/v1/accounts/" + account.reference().value() + "/direct-debit").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        run(LocalDate.of(2026, 5, 1)).andExpect(jsonPath("$.collections").value(0));
    }

    private String addacs(String reference, String code, String extra) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <BACSDocument><Data><MessagingAdvices>
                  <MessagingAdvice user-number="123456" record-type="A" effective-date="2026-04-20" reference="%s" payer-name="ZOE ONEIL"
                      payer-account-number="87654321" payer-sort-code="400515" reason-code="%s" %s/>
                </MessagingAdvices></Data></BACSDocument>
                """.formatted(reference, code, extra);
    }

    @Test
    void addacsCancelsAmendsAndFlagsTheDeceasedAndIsAppliedOnce() throws Exception {
        Account moving = billed(LocalDate.of(2026, 3, 5), 1);
        String movingReference = mandate(moving);
        Account cancelling = billed(LocalDate.of(2026, 3, 5), 1);
        String cancellingReference = mandate(cancelling);
        Account deceased = billed(LocalDate.of(2026, 3, 5), 1);
        String deceasedReference = mandate(deceased);
        lodge();

        report(addacs(movingReference, "3", "payer-new-sort-code=\"309070\" payer-new-account-number=\"02355688\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mandatesAmended").value(1));
        String cancel = addacs(cancellingReference, "1", "");
        report(cancel).andExpect(status().isOk()).andExpect(jsonPath("$.mandatesCancelled").value(1));
        report(cancel).andExpect(status().isOk()).andExpect(jsonPath("$.alreadyProcessed").value(true));
        report(addacs(deceasedReference, "2", "")).andExpect(jsonPath("$.mandatesCancelled").value(1)).andExpect(jsonPath("$.forOfficer").value(1));

        mvc.perform(get("/api/v1/accounts/" + cancelling.reference().value() + "/direct-debit").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.history.length()").value(3));   // set up, lodged, cancelled
        mvc.perform(get("/api/v1/accounts/" + deceased.reference().value() + "/direct-debit").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.history[2].forOfficer").value(true));
        // the moved mandate collects from the new account; the cancelled ones collect nothing
        String file = runFile(run(LocalDate.of(2026, 5, 1)).andExpect(jsonPath("$.collections").value(1)));
        assertThat(file.lines().toList().get(4).substring(0, 14)).isEqualTo("30907002355688");
        // an unknown reference refuses the whole report
        report(addacs("NOSUCHMANDATE", "1", "")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("item 1"));
    }

    @Test
    void rolesAndTheTakeUpReport() throws Exception {
        Account account = billed(LocalDate.of(2026, 3, 5), 1);
        billed(LocalDate.of(2026, 3, 5), 1);
        mvc.perform(post("/api/v1/accounts/" + account.reference().value() + "/direct-debit").with(httpBasic("auditor", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/direct-debit/runs").param("authority", council.gssCode()).param("date", "2026-04-01")
                .with(httpBasic("officer", "reclaim-demo"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/direct-debit/returns").param("authority", council.gssCode()).contentType(MediaType.APPLICATION_XML).content("<x/>")
                .with(httpBasic("officer", "reclaim-demo"))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/authorities/" + council.gssCode() + "/direct-debit-originator").with(httpBasic("teamleader", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mandate(account);
        lodge();
        String run = run(LocalDate.of(2026, 4, 1)).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(run, "$.id");
        mvc.perform(get("/api/v1/direct-debit/runs/" + id).with(httpBasic("auditor", "reclaim-demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/direct-debit/runs/" + id + "/file").with(httpBasic("officer", "reclaim-demo"))).andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/reports/direct-debit-take-up").param("authority", council.gssCode()).param("from", "2026-04-01")
                        .param("to", "2026-04-30").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.streams[0].stream").value("COUNCIL_TAX"))
                .andExpect(jsonPath("$.streams[0].liveAccounts").value(2))
                .andExpect(jsonPath("$.streams[0].choseDirectDebit").value(1))
                .andExpect(jsonPath("$.streams[0].activeMandates").value(1))
                .andExpect(jsonPath("$.streams[0].takeUpPercent").value(50.0))
                .andExpect(jsonPath("$.paymentsByMethod[0].method").value("DIRECT_DEBIT"))
                .andExpect(jsonPath("$.paymentsByMethod[0].payments").value(1))
                .andExpect(jsonPath("$.cashAndChequePayments").value(0));
    }
}
