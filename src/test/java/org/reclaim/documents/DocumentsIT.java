package org.reclaim.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.Money;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.billing.CouncilTaxBilling;
import org.reclaim.billing.Bills;
import org.reclaim.billing.BusinessRatesCharge;
import org.reclaim.billing.BusinessRatesBilling;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.authorities.Authorities;
import org.reclaim.parties.Party;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class DocumentsIT {

    private static final String PASSWORD = "reclaim-demo";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void eachRecoveryNoticeRendersWithItsStatutoryContentAndARerunMakesNoSecondDocument() throws Exception {
        BillingAuthority council = TestData.from(context).authority().name("Documents Council").create();
        Account account = councilTaxAccount(council, "Ada", "Lovelace");
        LocalDate day = LocalDate.of(2031, 5, 6);
        charge(account, 2031, 120_000);
        request(account, 2031, "REMINDER_1", "CT_REMINDER_1", day, 24_000, 0, null);
        request(account, 2031, "REMINDER_2", "CT_REMINDER_2", day, 12_000, 0, null);
        request(account, 2031, "FINAL_NOTICE", "CT_FINAL_NOTICE", day, 96_000, 0, null);
        long summons = request(account, 2031, "SUMMONS", "CT_SUMMONS", day, 96_000, 7_000, LocalDate.of(2031, 6, 3));
        listAt(council, summons, account, 2031, "Anytown Magistrates' Court", LocalDate.of(2031, 6, 3));
        request(account, 2031, "LIABILITY_ORDER", "CT_LIABILITY_ORDER", day, 103_000, 3_500, LocalDate.of(2031, 6, 3));
        Account unlisted = councilTaxAccount(council, "Bea", "Unlisted");
        request(unlisted, 2031, "SUMMONS", "CT_SUMMONS", day, 50_000, 7_000, LocalDate.of(2031, 6, 3));
        Account business = TestData.from(context).account(council).stream(RevenueStream.BUSINESS_RATES)
                .property(TestData.from(context).nonDomestic(council).create())
                .liable(TestData.from(context).organisation(council).organisationName("Widgets Ltd").postal("1 Mill Lane", "Wigston", "LE18 1AA").create())
                .from(LocalDate.of(2030, 4, 1)).open();
        request(business, 2031, "REMINDER_1", "NNDR_REMINDER_1", day, 45_000, 0, null);

        JsonNode run = JSON.readTree(mvc.perform(post("/api/v1/documents/runs").param("date", day.toString()).with(httpBasic("teamleader", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(run.path("produced").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(run.path("waitingForHearing").asInt()).isGreaterThanOrEqualTo(1);

        Map<String, String> text = lettersOf(account);
        assertThat(text).containsOnlyKeys("CT_REMINDER_1", "CT_REMINDER_2", "CT_FINAL_NOTICE", "CT_SUMMONS", "CT_LIABILITY_ORDER");
        assertThat(text.values()).allSatisfy(t -> assertThat(t).contains("Ada Lovelace", account.reference().value(), "6 May 2031", "Direct Debit"));
        assertThat(text.get("CT_REMINDER_1")).contains("£240.00", "Pay by", "12 May 2031",
                "If you do not pay £240.00 within 7 days of the date of this notice, you will lose the right to pay by instalments, "
                        + "and the whole of the unpaid Council Tax for the year, £1,200.00, will become payable 7 days after that.");
        assertThat(text.get("CT_REMINDER_2")).contains("second reminder", "£120.00",
                "we will not send you another reminder: the whole of the unpaid Council Tax for the year will become payable the day after");
        assertThat(text.get("CT_FINAL_NOTICE")).contains("lost the right to pay", "£960.00", "within 7 days of the date of this notice");
        assertThat(text.get("CT_SUMMONS")).contains("Anytown Magistrates' Court", "3 June 2031", "£960.00", "£70.00", "Total to pay £1,030.00",
                "If you pay the total of £1,030.00 before the hearing, the council will not proceed");
        assertThat(text.get("CT_LIABILITY_ORDER")).contains("liability order", "£1,030.00", "£35.00", "£1,065.00", "within 14 days",
                "attachment of earnings order");
        assertThat(lettersOf(unlisted)).isEmpty();
        assertThat(lettersOf(business).get("NNDR_REMINDER_1")).contains("Widgets Ltd", "£450.00", "Business Rates", "or you miss a later instalment");

        // the same day again: every request has its document, so nothing more is made
        mvc.perform(post("/api/v1/documents/runs").param("date", day.toString()).with(httpBasic("teamleader", PASSWORD))).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from document where authority_id = ? and account_id = ?").params(council.id(), account.id())
                .query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from document where authority_id = ?").param(council.id()).query(Integer.class).single()).isEqualTo(6);
    }

    @Test
    void aCouncilTaxBillIssuedIsADemandNoticeWithItsInstalmentsMadeOnce() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name("Bills Letters Council").create();
        FinancialYear year = FinancialYear.of(2030);
        context.getBean(Authorities.class).replacePrecepts(council.id(), FinancialYear.of(2029), List.of(
                new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(190000), "test", null),
                new Authorities.PreceptSetting("Bills Letters Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test", null)));
        context.getBean(Authorities.class).replacePrecepts(council.id(), year, List.of(
                new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test", null),
                new Authorities.PreceptSetting("Bills Letters Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test", null)));
        Party party = data.person(council).forenames("Grace").surname("Hopper").postal("3 Mill Road", "Wigan", "WN1 1AA").create();
        Account account = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.D).create()).liable(party)
                .from(LocalDate.of(2020, 6, 1)).open();
        LocalDate issued = LocalDate.of(2030, 3, 4);
        context.getBean(CouncilTaxBilling.class).bill(account.reference(), year, issued, "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("TEN_MONTHLY", 1));

        for (int run = 1; run <= 2; run++) {
            mvc.perform(post("/api/v1/documents/runs").param("date", issued.toString()).with(httpBasic("teamleader", PASSWORD)))
                    .andExpect(status().isOk());
        }

        Map<String, String> text = lettersOf(account);
        assertThat(text).containsOnlyKeys("ANNUAL_BILL");
        // Band D £2,330.02: £233.02 on 1 April, then £233.00 on the 1st of May to January (Sch 1 Part I)
        assertThat(text.get("ANNUAL_BILL")).contains("Council Tax bill", "Grace Hopper", "3 Mill Road", "2030/31", "band D", "£2,330.02",
                "1 April 2030 £233.02", "1 May 2030 £233.00", "1 January 2031 £233.00", "Direct Debit");
        // SI 2011/3038 Sch 1: how the amount was worked out, and each authority's amount with the change on last year's Band D
        assertThat(text.get("ANNUAL_BILL")).contains("How we worked out your bill", "Council Tax for the year £2,330.02", "Where your Council Tax goes",
                "Test County Council £2,000.00 +5.3%", "Bills Letters Council £330.02 0.0%");
        assertThat(jdbc.sql("select count(*) from document where authority_id = ?").param(council.id()).query(Integer.class).single())
                .as("the second run makes no second letter").isEqualTo(1);
    }

    @Test
    void aBusinessRatesBillIssuedIsARatesDemandNoticeWithItsRateableValueAndCalculation() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name("Rates Bills Letters Council").create();
        Party shop = data.organisation(council).organisationName("Corner Shop Ltd").postal("9 Market Place", "Wigan", "WN1 1BB").create();
        Account account = data.account(council).stream(RevenueStream.BUSINESS_RATES)
                .property(data.nonDomestic(council).rateableValuePence(2_000_000L).create()).liable(shop).from(LocalDate.of(2020, 4, 1)).open();
        LocalDate issued = LocalDate.of(2026, 3, 6);
        context.getBean(BusinessRatesBilling.class).bill(account.reference(), FinancialYear.of(2026), issued, "Annual bill",
                BusinessRatesCharge.Circumstances.OCCUPIED, new Bills.PlanChoice("TEN_MONTHLY", 1));

        for (int run = 1; run <= 2; run++) {
            mvc.perform(post("/api/v1/documents/runs").param("date", issued.toString()).with(httpBasic("teamleader", PASSWORD)))
                    .andExpect(status().isOk());
        }

        Map<String, String> text = lettersOf(account);
        assertThat(text).containsOnlyKeys("NNDR_BILL");
        // RV £20,000 is below the small business limit: the small multiplier for 2026/27, 43.2p (SI 2003/2613 Sch 2: RV, multiplier, calculation)
        assertThat(text.get("NNDR_BILL")).contains("Business Rates bill", "Corner Shop Ltd", "9 Market Place", "2026/27",
                "Rateable value in the local rating list £20,000.00", "43.2p", "How we worked out your bill", "Business Rates for the year",
                "1 April 2026", "Your instalments", "Pay by Direct Debit");
        assertThat(jdbc.sql("select count(*) from document where authority_id = ?").param(council.id()).query(Integer.class).single())
                .as("the second run makes no second letter").isEqualTo(1);
    }

    @Test
    void theOtherLettersRenderWithTheirContent() throws Exception {
        Map<String, Object> common = Map.of("authorityName", "Wigan Council", "letterDate", "1 June 2031", "accountReference", "351000000010",
                "name", "Ada Lovelace", "addressLines", List.of("1 High Street", "Wigan"), "postcode", "WN1 1AA", "stream", "Council Tax");
        assertThat(preview("ARRANGEMENT_CONFIRMATION", common, Map.of("instalment", "£50.00", "frequency", "monthly", "firstPaymentOn", "1 July 2031",
                "lastPaymentOn", "1 March 2032", "total", "£450.00", "method", "Card")))
                .contains("Each payment £50.00", "First payment 1 July 2031", "Total £450.00", "Direct Debit");
        assertThat(preview("ARRANGEMENT_MISSED_PAYMENT", common, Map.of("instalment", "£50.00", "dueOn", "1 July 2031", "shortfall", "£20.00")))
                .contains("£20.00", "If you miss another payment, the arrangement will end", "Direct Debit");
        assertThat(preview("ANNUAL_BILL", common, Map.of("financialYear", "2031/32", "propertyAddress", "1 High Street, Wigan", "band", "C",
                "amount", "£1,500.00", "directDebit", false, "instalments", List.of(Map.of("dueOn", "1 April 2031", "amount", "£150.00")),
                "lines", List.of(Map.of("description", "Band C", "amount", "£1,500.00")),
                "precepts", List.of(Map.of("body", "Wigan Council", "amount", "£1,500.00", "change", "+4.9%")))))
                .contains("Council Tax bill", "band C", "£1,500.00", "1 April 2031 £150.00", "12 monthly instalments", "Direct Debit");
        assertThat(preview("DD_ADVANCE_NOTICE", common, Map.of("collections", List.of(Map.of("dueOn", "15 July 2031", "amount", "£150.00")),
                "firstCollectionOn", "15 July 2031")))
                .contains("15 July 2031 £150.00", "notify you 10 working days in advance", "full and immediate refund");
        assertThat(preview("AEO_ORDER", common, Map.of("employerName", "Acme Ltd", "debtorName", "Ada Lovelace", "payrollNumber", "A12",
                "amount", "£1,065.00", "orderDate", "1 July 2031", "adminFee", "£1.00", "payPeriod", "monthly", "netEarnings", "£1,000.00",
                "deduction", "£70.00", "copyFor", "the employer"), Map.of("deductionTable", List.of(Map.of("exceeding", "£900.00", "notExceeding", "£1,420.00", "rate", "12%")))))
                .contains("Acme Ltd", "regulation 37", "£1,065.00", "Schedule 4", "You may also deduct £1.00");
        assertThat(preview("AEO_EMPLOYER_SCHEDULE", common, Map.of("employerName", "Acme Ltd", "asOf", "1 July 2031",
                "orders", List.of(Map.of("name", "Ada Lovelace", "reference", "351000000010", "amount", "£1,065.00", "received", "£0.00")))))
                .contains("Acme Ltd", "Ada Lovelace 351000000010 £1,065.00 £0.00");
        assertThat(preview("REFUND_LETTER", common, Map.of("amount", "£42.10", "refundMethod", "bank transfer", "refundOn", "3 July 2031")))
                .contains("Refund £42.10", "bank transfer");
        assertThat(preview("CT_COSTS_WITHDRAWN", common, Map.of("costs", "£70.00", "financialYear", "2031/32")))
                .contains("withdrawn costs of £70.00");
    }

    @Test
    void aMissingTemplateFieldIsRefusedAtPreviewNamingIt() throws Exception {
        mvc.perform(post("/api/v1/documents/preview").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"documentCode": "CT_REMINDER_1", "data": {"authorityName": "Wigan Council", "letterDate": "1 June 2031",
                                 "accountReference": "351000000010", "name": "A", "addressLines": [], "postcode": "WN1 1AA",
                                 "financialYear": "2031/32", "payBy": "8 June 2031", "yearBalance": "£1.00"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("data.amount"));
        mvc.perform(post("/api/v1/documents/preview").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documentCode\": \"NO_SUCH_LETTER\", \"data\": {}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documentCode"));
        // a row of a table without a field the template uses
        mvc.perform(post("/api/v1/documents/preview").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"documentCode": "REFUND_LETTER", "data": {"authorityName": "W", "letterDate": "1 June 2031", "accountReference": "1",
                                 "name": "A", "addressLines": [], "postcode": "WN1 1AA", "stream": "Council Tax", "amount": "£1.00",
                                 "refundMethod": "cheque", "refundOn": "2 June 2031"}}"""))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/documents/preview").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"documentCode": "DD_ADVANCE_NOTICE", "data": {"authorityName": "W", "letterDate": "1 June 2031", "accountReference": "1",
                                 "name": "A", "addressLines": [], "postcode": "WN1 1AA", "stream": "Council Tax", "firstCollectionOn": "1 July 2031",
                                 "collections": [{"dueOn": "1 July 2031"}]}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("data"));
    }

    @Test
    void anAuthorityMayUseItsOwnWordingWithHistory() throws Exception {
        BillingAuthority council = TestData.from(context).authority().name("Own Wording Council").create();
        String body = """
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org"><head><title>Refund</title></head>
                <body><p>Good news, <span th:text="${d.name}">x</span>: we are sending you <span th:text="${d.amount}">x</span>.</p></body></html>""";
        for (int version = 1; version <= 2; version++) {
            mvc.perform(put("/api/v1/authorities/{code}/document-templates/REFUND_LETTER", council.gssCode()).with(httpBasic("admin", PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(JSON.writeValueAsString(Map.of("body", body.replace("Good news", version == 1 ? "Hello" : "Good news"), "reason", "plainer"))))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(version));
        }
        byte[] pdf = mvc.perform(post("/api/v1/documents/preview").with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("documentCode", "REFUND_LETTER", "authority", council.gssCode(),
                                "data", Map.of("name", "Ada", "amount", "£5.00")))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(pdf)).contains("Good news, Ada: we are sending you £5.00.");
        mvc.perform(post("/api/v1/documents/preview").with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("documentCode", "REFUND_LETTER", "authority", council.gssCode(), "data", Map.of("name", "Ada")))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("data.amount"));
    }

    @Test
    void bulkPrintMakesOnePdfPerTypeWithAManifestThatMatchesAndNeverPrintsALetterTwice() throws Exception {
        BillingAuthority council = TestData.from(context).authority().name("Print Council").create();
        LocalDate day = LocalDate.of(2031, 7, 8);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Account a = councilTaxAccount(council, "Person", "Number" + i);
            charge(a, 2031, 100_000);
            request(a, 2031, "REMINDER_1", "CT_REMINDER_1", day, 10_000 + i, 0, null);
            accounts.add(a);
        }
        request(accounts.get(0), 2031, "FINAL_NOTICE", "CT_FINAL_NOTICE", day, 90_000, 0, null);
        mvc.perform(post("/api/v1/documents/runs").param("date", day.toString()).with(httpBasic("teamleader", PASSWORD))).andExpect(status().isOk());

        JsonNode batches = JSON.readTree(mvc.perform(post("/api/v1/documents/print-runs").param("date", day.toString())
                .with(httpBasic("teamleader", PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<JsonNode> ours = new ArrayList<>();
        batches.forEach(b -> {
            if (b.path("authority").asString().equals(council.gssCode())) {
                ours.add(b);
            }
        });
        assertThat(ours).extracting(b -> b.path("documentCode").asString()).containsExactly("CT_FINAL_NOTICE", "CT_REMINDER_1");
        JsonNode reminders = ours.get(1);
        assertThat(reminders.path("documents").asInt()).isEqualTo(3);

        byte[] merged = mvc.perform(get(reminders.path("pdf").asString()).with(httpBasic("teamleader", PASSWORD)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
        String manifest = mvc.perform(get(reminders.path("manifest").asString()).with(httpBasic("auditor", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String[] lines = manifest.split("\r\n");
        assertThat(lines[0]).isEqualTo(PrintRuns.MANIFEST_HEADER);
        assertThat(lines).hasSize(4);
        List<Long> ids = jdbc.sql("select id from document where authority_id = ? and document_code = 'CT_REMINDER_1' order by id")
                .param(council.id()).query(Long.class).list();
        int pages = 0;
        try (PDDocument pdf = Loader.loadPDF(merged)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int i = 1; i <= 3; i++) {
                String[] cells = lines[i].split(",");
                assertThat(cells[0]).isEqualTo(String.valueOf(i));
                assertThat(Long.parseLong(cells[1])).isEqualTo(ids.get(i - 1));
                assertThat(cells[2]).isEqualTo(accounts.get(i - 1).reference().value());
                assertThat(cells[3]).isEqualTo("Person Number" + (i - 1));
                assertThat(cells[8]).isEqualTo("CT_REMINDER_1");
                assertThat(cells[10]).isEqualTo(reminders.path("fileName").asString());
                int count = Integer.parseInt(cells[9]);
                // the letter's pages in the merged file are the ones the manifest says, in its order
                stripper.setStartPage(pages + 1);
                stripper.setEndPage(pages + count);
                assertThat(stripper.getText(pdf)).contains("Person Number" + (i - 1), accounts.get(i - 1).reference().value());
                pages += count;
            }
            assertThat(pdf.getNumberOfPages()).isEqualTo(pages).isEqualTo(reminders.path("pages").asInt());
        }

        // a second print run of the day prints nothing of this council's
        JsonNode again = JSON.readTree(mvc.perform(post("/api/v1/documents/print-runs").param("date", day.toString())
                .with(httpBasic("teamleader", PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        again.forEach(b -> assertThat(b.path("authority").asString()).isNotEqualTo(council.gssCode()));
        assertThat(jdbc.sql("""
                select count(*) from print_batch_document p join document d on d.authority_id = p.authority_id and d.id = p.document_id
                where d.authority_id = ?""").param(council.id()).query(Integer.class).single()).isEqualTo(4);
        // each letter printed is an outbound letter on its account's contact log, once, however often the day is run
        assertThat(jdbc.sql("""
                select a.reference || ' ' || c.notes from contact c join account a on a.authority_id = c.authority_id and a.id = c.account_id
                where c.authority_id = ? and c.channel = 'LETTER' and c.direction = 'OUTBOUND' order by c.id""").param(council.id())
                .query(String.class).list())
                .hasSize(4)
                .anySatisfy(c -> assertThat(c).startsWith(accounts.get(0).reference().value() + " Letter CT_FINAL_NOTICE sent to print and post"))
                .anySatisfy(c -> assertThat(c).startsWith(accounts.get(2).reference().value() + " Letter CT_REMINDER_1 sent to print and post")
                        .contains(reminders.path("fileName").asString()));
    }

    @Test
    void rolesAndTheOfficersPageDownload() throws Exception {
        BillingAuthority council = TestData.from(context).authority().name("Roles Documents Council").create();
        Account account = councilTaxAccount(council, "Cy", "Roles");
        Account other = councilTaxAccount(council, "Di", "Other");
        LocalDate day = LocalDate.of(2031, 8, 5);
        request(account, 2031, "REMINDER_1", "CT_REMINDER_1", day, 5_000, 0, null);
        mvc.perform(post("/api/v1/documents/runs").param("date", day.toString()).with(httpBasic("officer", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/documents/print-runs").param("date", day.toString()).with(httpBasic("auditor", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/documents/preview").with(httpBasic("auditor", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/documents/runs").param("date", day.toString()).with(httpBasic("teamleader", PASSWORD))).andExpect(status().isOk());
        long id = jdbc.sql("select id from document where authority_id = ? and account_id = ?").params(council.id(), account.id()).query(Long.class).single();

        for (String reader : List.of("officer", "teamleader", "auditor")) {
            mvc.perform(get("/api/v1/accounts/{ref}/documents", account.reference().value()).with(httpBasic(reader, PASSWORD)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id))
                    .andExpect(jsonPath("$[0].pdf").value("/api/v1/documents/" + id + ".pdf"));
            mvc.perform(get("/api/v1/documents/{id}.pdf", id).with(httpBasic(reader, PASSWORD)))
                    .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
        }
        mvc.perform(get("/api/v1/documents/{id}.pdf", id).with(httpBasic("admin", PASSWORD))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from access_audit where subject_id = ? and detail like 'GET /api/v1/documents/%'")
                .param(account.reference().value()).query(Integer.class).single()).isEqualTo(3);

        // the account page's link, with the page session; the letter must be that account's
        mvc.perform(get("/accounts/{ref}/documents/{id}", account.reference().value(), id).with(user("officer").roles("OFFICER")))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/accounts/{ref}/documents/{id}", other.reference().value(), id).with(user("officer").roles("OFFICER")))
                .andExpect(status().isNotFound());
        String page = mvc.perform(get("/accounts/{ref}", account.reference().value()).with(user("officer").roles("OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/accounts/" + account.reference().value() + "/documents/" + id + "\"");
    }

    // --- fixtures: what the recovery module records when it issues a stage (an action and its document request) ---

    private Account councilTaxAccount(BillingAuthority council, String forenames, String surname) {
        TestData data = TestData.from(context);
        Party party = data.person(council).forenames(forenames).surname(surname).postal("2 Church Lane", "Wigston", "LE18 2AB").create();
        return data.account(council).property(data.dwelling(council).create()).liable(party).from(LocalDate.of(2030, 4, 1)).open();
    }

    private void charge(Account account, int year, long pence) {
        jdbc.sql("""
                insert into ledger_entry (authority_id, account_id, financial_year, entry_type, amount_pence, effective_on, due_on, posted_at, posted_by, description)
                values (?, ?, ?, 'CHARGE', ?, ?, ?, now(), 'test', 'annual charge')""")
                .params(account.authorityId(), account.id(), year, pence, LocalDate.of(year, 4, 1), LocalDate.of(year, 4, 1)).update();
    }

    private long request(Account account, int year, String stage, String code, LocalDate on, long amount, long costs, LocalDate hearingOn) {
        long id = jdbc.sql("""
                insert into recovery_action (authority_id, account_id, financial_year, code, issued_on, rule, amount_pence, costs_pence, hearing_on,
                                             issued_by, created_at)
                values (?, ?, ?, ?, ?, 'test', ?, ?, ?, 'test', ?) returning id""")
                .params(account.authorityId(), account.id(), year, stage, on, amount, costs, hearingOn, OffsetDateTime.now()).query(Long.class).single();
        jdbc.sql("insert into recovery_document_request (authority_id, action_id, account_id, document_code, requested_on) values (?, ?, ?, ?, ?)")
                .params(account.authorityId(), id, account.id(), code, on).update();
        return id;
    }

    private void listAt(BillingAuthority council, long summonsAction, Account account, int year, String court, LocalDate hearingOn) {
        long hearing = jdbc.sql("""
                insert into court_hearing (authority_id, court, hearing_on, capacity, created_at, created_by) values (?, ?, ?, 10, now(), 'test')
                returning id""").params(council.id(), court, hearingOn).query(Long.class).single();
        jdbc.sql("""
                insert into court_listing (authority_id, hearing_id, account_id, financial_year, summons_action_id, listed_at, listed_by)
                values (?, ?, ?, ?, ?, now(), 'test')""").params(council.id(), hearing, account.id(), year, summonsAction).update();
    }

    private Map<String, String> lettersOf(Account account) throws Exception {
        JsonNode list = JSON.readTree(mvc.perform(get("/api/v1/accounts/{ref}/documents", account.reference().value()).with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Map<String, String> text = new java.util.TreeMap<>();
        for (JsonNode d : list) {
            byte[] pdf = mvc.perform(get(d.path("pdf").asString()).with(httpBasic("officer", PASSWORD))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            text.put(d.path("documentCode").asString(), text(pdf));
        }
        return text;
    }

    private String preview(String code, Map<String, Object> common, Map<String, Object> own) throws Exception {
        return preview(code, common, own, Map.of());
    }

    private String preview(String code, Map<String, Object> common, Map<String, Object> own, Map<String, Object> more) throws Exception {
        Map<String, Object> data = new java.util.HashMap<>(common);
        data.putAll(own);
        data.putAll(more);
        byte[] pdf = mvc.perform(post("/api/v1/documents/preview").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("documentCode", code, "data", data))))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
        return text(pdf);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);   // in reading order: a line's spans are drawn apart
            return stripper.getText(doc).replaceAll("\\s+", " ");
        }
    }
}
