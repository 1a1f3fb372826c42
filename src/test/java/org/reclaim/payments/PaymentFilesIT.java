package org.reclaim.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.accounts.Posting;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Payment file import: posted once, bad lines listed by number, and the same result as taking each payment alone. */
@IntegrationTest
class PaymentFilesIT {

    private static final FinancialYear Y2025 = FinancialYear.of(2025);
    private static final FinancialYear Y2026 = FinancialYear.of(2026);
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling councilTax;
    @Autowired Payments payments;
    @Autowired PaymentFiles files;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    TestData data;
    LocalDate yesterday;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        yesterday = LocalDate.now(clock).minusDays(1);
        if (council == null) {
            council = data.authority().name("Payment Files Test Council").create();
            for (FinancialYear y = Y2026; y.compareTo(FinancialYear.containing(LocalDate.now(clock))) <= 0; y = y.next()) {
                authorities.replacePrecepts(council.id(), y, List.of(
                        new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test"),
                        new Authorities.PreceptSetting("Payment Files Test Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test")));
            }
        }
    }

    /** A Band D account billed for 2026/27 (£2,330.02: 23302 then nine of 23300), owing £300 for 2025/26 and £80 costs. */
    private Account owingAccount() {
        Account a = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(LocalDate.of(2025, 4, 1)).open();
        councilTax.bill(a.reference(), Y2026, LocalDate.of(2026, 3, 5), "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("TEN_MONTHLY", 1));
        ledger.post(Posting.of(a.reference(), Y2025, EntryType.CHARGE, Money.ofPence(30000), LocalDate.of(2025, 4, 1), "opening charge"));
        ledger.post(Posting.of(a.reference(), Y2025, EntryType.COSTS, Money.ofPence(8000), LocalDate.of(2025, 9, 1), "summons costs"));
        return a;
    }

    private static String channelFile(String... lines) {
        return "Transaction Reference,Payment Reference,Amount,Date Paid\n" + String.join("\n", lines) + "\n";
    }

    private static String txn() {
        return "PP" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private ResultActions upload(String format, String file) throws Exception {
        return mvc.perform(post("/api/v1/payment-files").param("authority", council.gssCode()).param("format", format)
                .contentType("text/csv").content(file.getBytes(StandardCharsets.UTF_8)).with(httpBasic("officer", "reclaim-demo")));
    }

    @Test
    void aGoodFileIsPostedToItsAccounts() throws Exception {
        Account a = owingAccount();
        Account b = owingAccount();
        String date = yesterday.format(UK);
        upload("PAYPOINT", channelFile(txn() + "," + a.reference() + ",233.00," + date, txn() + "," + b.reference() + ",10.50," + date))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines").value(2)).andExpect(jsonPath("$.posted").value(2))
                .andExpect(jsonPath("$.suspense").value(0)).andExpect(jsonPath("$.rejected").isEmpty())
                .andExpect(jsonPath("$.repeatOfFileId").isEmpty());
        assertThat(ledger.balancesByYear(a)).contains(new Ledger.YearBalance(Y2026, Money.ofPence(233002 - 23300)));
        // £10.50 to the oldest year, costs first
        assertThat(ledger.balancesByYear(b)).contains(new Ledger.YearBalance(Y2025, Money.ofPence(38000 - 1050)));
        assertThat(jdbc.sql("select method from payment where authority_id = ? and reference_given = ?").params(a.authorityId(),
                a.reference().value()).query(String.class).single()).isEqualTo("PAYPOINT");
    }

    @Test
    void theSameFileTwicePostsNothingTheSecondTime() throws Exception {
        Account a = owingAccount();
        String file = channelFile(txn() + "," + a.reference() + ",20.00," + yesterday.format(UK));
        long first = files.importFile(council.id(), PaymentFileFormat.POST_OFFICE, file.getBytes(StandardCharsets.UTF_8), "po.csv").fileId();
        upload("post-office", file).andExpect(status().isOk())
                .andExpect(jsonPath("$.posted").value(0)).andExpect(jsonPath("$.alreadyReceived").value(1))
                .andExpect(jsonPath("$.repeatOfFileId").value(first));
        assertThat(ledger.balance(a)).isEqualTo(Money.ofPence(233002 + 38000 - 2000));
    }

    @Test
    void theSameLineInTwoFilesIsPostedOnce() throws Exception {
        Account a = owingAccount();
        Account b = owingAccount();
        String line = txn() + "," + a.reference() + ",20.00," + yesterday.format(UK);
        files.importFile(council.id(), PaymentFileFormat.ALLPAY, channelFile(line).getBytes(StandardCharsets.UTF_8), null);
        upload("ALLPAY", channelFile(line, txn() + "," + b.reference() + ",5.00," + yesterday.format(UK)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines").value(2)).andExpect(jsonPath("$.posted").value(1))
                .andExpect(jsonPath("$.alreadyReceived").value(1));
        assertThat(ledger.balance(a)).isEqualTo(Money.ofPence(233002 + 38000 - 2000));
        // the same transaction reference with another amount is not the same money: rejected, nothing posted
        upload("ALLPAY", channelFile(line.replace("20.00", "21.00")))
                .andExpect(jsonPath("$.posted").value(0))
                .andExpect(jsonPath("$.rejected[0].line").value(2))
                .andExpect(jsonPath("$.rejected[0].reason").value(org.hamcrest.Matchers.containsString("not a repeat")));
        assertThat(ledger.balance(a)).isEqualTo(Money.ofPence(233002 + 38000 - 2000));
    }

    @Test
    void badLinesAreListedByNumberAndReadableMoneyGoesToSuspense() throws Exception {
        Account a = owingAccount();
        String date = yesterday.format(UK);
        String duplicated = txn();
        String file = channelFile(
                duplicated + "," + a.reference() + ",12.00," + date,                  // 2: posted
                txn() + ",999999999999,15.00," + date,                                 // 3: readable, no such account: suspense
                txn() + "," + a.reference() + ",12.3," + date,                        // 4: bad amount
                txn() + "," + a.reference() + ",12.00,31/02/2026",                    // 5: bad date
                txn() + "," + a.reference() + ",12.00",                               // 6: missing fields
                duplicated + "," + a.reference() + ",12.00," + date,                  // 7: duplicate of line 2
                txn() + ",,7.00," + date,                                             // 8: no reference: suspense
                txn() + "," + a.reference() + ",0.00," + date);                       // 9: zero
        upload("PAYPOINT", file).andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines").value(8)).andExpect(jsonPath("$.posted").value(1)).andExpect(jsonPath("$.suspense").value(2))
                .andExpect(jsonPath("$.rejected.length()").value(5))
                .andExpect(jsonPath("$.rejected[0].line").value(4))
                .andExpect(jsonPath("$.rejected[0].reason").value(org.hamcrest.Matchers.startsWith("bad amount")))
                .andExpect(jsonPath("$.rejected[1].line").value(5))
                .andExpect(jsonPath("$.rejected[1].reason").value(org.hamcrest.Matchers.startsWith("bad date")))
                .andExpect(jsonPath("$.rejected[2].line").value(6))
                .andExpect(jsonPath("$.rejected[2].reason").value(org.hamcrest.Matchers.startsWith("missing fields")))
                .andExpect(jsonPath("$.rejected[3].line").value(7))
                .andExpect(jsonPath("$.rejected[3].reason").value(org.hamcrest.Matchers.containsString("also on line 2")))
                .andExpect(jsonPath("$.rejected[4].line").value(9))
                .andExpect(jsonPath("$.suspenseLines[0].line").value(3))
                .andExpect(jsonPath("$.suspenseLines[0].reason").value(org.hamcrest.Matchers.containsString("999999999999")))
                .andExpect(jsonPath("$.suspenseLines[1].line").value(8))
                .andExpect(jsonPath("$.suspenseLines[1].reason").value("no reference given"));
        // the text of a line that could not be read is kept with the file
        assertThat(jdbc.sql("select raw_text from payment_file_rejection where authority_id = ? and line = 4 and raw_text like ?")
                .params(council.id(), "%,12.3,%").query(String.class).list()).hasSize(1);
        assertThat(ledger.balance(a)).isEqualTo(Money.ofPence(233002 + 38000 - 1200));
    }

    @Test
    void aBankStatementFindsTheReferenceInTheDescriptionAndSkipsMoneyPaidOut() throws Exception {
        Account a = owingAccount();
        String r = a.reference().value();
        String spaced = r.substring(0, 3) + " " + r.substring(3, 7) + " " + r.substring(7);
        String date = yesterday.toString();
        String file = "Date,Description,Paid In,Paid Out\n"
                + date + ",J SMITH " + spaced + " CTAX,\"1,000.00\",\n"
                + date + ",J SMITH " + spaced + " CTAX,\"1,000.00\",\n"       // the same again that day: a second payment
                + date + ",BANK CHARGES,,4.50\n"
                + date + ",NO REFERENCE HERE " + UUID.randomUUID() + ",25.00,\n";
        upload("BANK_STATEMENT", file).andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines").value(4)).andExpect(jsonPath("$.posted").value(2))
                .andExpect(jsonPath("$.skipped").value(1)).andExpect(jsonPath("$.suspense").value(1));
        assertThat(ledger.balance(a)).isEqualTo(Money.ofPence(233002 + 38000 - 200000));
        // a later export covering the same day carries the same lines: nothing new
        upload("BANK_STATEMENT", file + date + ",ANOTHER " + UUID.randomUUID() + ",1.00,\n")
                .andExpect(jsonPath("$.posted").value(0)).andExpect(jsonPath("$.alreadyReceived").value(3))
                .andExpect(jsonPath("$.suspense").value(1));
        assertThat(ledger.balance(a)).isEqualTo(Money.ofPence(233002 + 38000 - 200000));
    }

    @Test
    void aMalformedFileIsRefusedNamingTheLine() throws Exception {
        upload("PAYPOINT", "").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("line 1:")));
        upload("PAYPOINT", "Date,Description,Paid In,Paid Out\n2026-01-01,X,1.00,\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("the header should be")));
        upload("PAYPOINT", "\u0089PNG\r\n\u001a\n").andExpect(status().isBadRequest());
        upload("PAYPOINT", channelFile()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("line 2:")));
        upload("CHEQUES", channelFile()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
    }

    @Test
    void aMultipartUploadWorksAndAnAuditorMayNotUpload() throws Exception {
        Account a = owingAccount();
        byte[] file = channelFile(txn() + "," + a.reference() + ",1.00," + yesterday.format(UK)).getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/v1/payment-files").file(new MockMultipartFile("file", "paypoint.csv", "text/csv", file))
                        .param("authority", council.gssCode()).param("format", "PAYPOINT").with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.posted").value(1));
        mvc.perform(post("/api/v1/payment-files").param("authority", council.gssCode()).param("format", "PAYPOINT")
                        .contentType("text/csv").content(file).with(httpBasic("auditor", "reclaim-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/payment-files").param("authority", council.gssCode()).param("format", "PAYPOINT")
                        .contentType("text/csv").content(file).with(httpBasic("admin", "reclaim-demo")))
                .andExpect(status().isForbidden());
        assertThat(ledger.balance(a)).isEqualTo(Money.ofPence(233002 + 38000 - 100));
    }

    @Test
    void aFileThatStoppedPartWayIsCarriedOnByUploadingItAgain() {
        Account a = owingAccount();
        Account b = owingAccount();
        String line = txn() + "," + a.reference() + ",20.00," + yesterday.format(UK);
        byte[] file = channelFile(line, txn() + "," + b.reference() + ",30.00," + yesterday.format(UK)).getBytes(StandardCharsets.UTF_8);
        // as if the first line's chunk had committed and the process then died
        files.importFile(council.id(), PaymentFileFormat.PAYPOINT, channelFile(line).getBytes(StandardCharsets.UTF_8), null);
        long stopped = jdbc.sql("""
                insert into payment_file (authority_id, format, content_sha256, size_bytes, status, received_at, received_by)
                values (?, 'PAYPOINT', ?, ?, 'INTERRUPTED', now(), 'test') returning id""")
                .params(council.id(), PaymentFileLines.sha256(file), file.length).query(Long.class).single();
        PaymentFiles.FileOutcome carriedOn = files.importFile(council.id(), PaymentFileFormat.PAYPOINT, file, null);
        assertThat(carriedOn.fileId()).isEqualTo(stopped);
        assertThat(carriedOn.posted()).isEqualTo(1);
        assertThat(carriedOn.alreadyReceived()).isEqualTo(1);
        assertThat(ledger.balance(a)).isEqualTo(Money.ofPence(233002 + 38000 - 2000));
        assertThat(ledger.balance(b)).isEqualTo(Money.ofPence(233002 + 38000 - 3000));
    }

    /**
     * The bulk path is receive() in bulk: the same payments, one by one through receive() to one account and in a file to
     * an identical one, make the same allocations and the same ledger entries.
     */
    @Test
    void aFileAllocatesExactlyAsReceivingEachPaymentAlone() {
        Account one = owingAccount();
        Account other = owingAccount();
        long[] amounts = {23302, 1050, 23300, 8000, 23300, 99, 150000, 23300, 77777, 23300};
        LocalDate[] dates = {LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 20), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 30),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 9, 9), LocalDate.of(2026, 10, 1)};
        StringBuilder file = new StringBuilder("Transaction Reference,Payment Reference,Amount,Date Paid\n");
        for (int i = 0; i < amounts.length; i++) {
            payments.receive(new PaymentReceipt(council.id(), one.reference().value(), Money.ofPence(amounts[i]), PaymentMethod.PAYPOINT,
                    dates[i], null, "test", UUID.randomUUID().toString(), null));
            file.append(txn()).append(',').append(other.reference()).append(',').append(Money.ofPence(amounts[i]).toString().replace("£", "")
                    .replace(",", "")).append(',').append(dates[i].format(UK)).append('\n');
        }
        PaymentFiles.FileOutcome o = files.importFile(council.id(), PaymentFileFormat.PAYPOINT, file.toString().getBytes(StandardCharsets.UTF_8), null);
        assertThat(o.posted()).isEqualTo(amounts.length);
        assertThat(allocations(other)).isEqualTo(allocations(one)).hasSizeGreaterThan(amounts.length);
        assertThat(paymentEntries(other)).isEqualTo(paymentEntries(one));
        assertThat(ledger.balancesByYear(other)).isEqualTo(ledger.balancesByYear(one));
        assertThat(ledger.balance(one).isNegative()).as("the large payments leave a credit").isTrue();
        assertThat(jdbc.sql("""
                select count(*) from payment_allocation pa join ledger_entry e on e.authority_id = pa.authority_id and e.id = pa.ledger_entry_id
                where pa.authority_id = ? and pa.account_id = ? and e.amount_pence = -pa.amount_pence""")
                .params(council.id(), other.id()).query(Long.class).single()).isEqualTo((long) allocations(other).size());
    }

    /** Each allocation line: the payment's place in order, its line, year, part and amount. */
    private List<String> allocations(Account a) {
        return jdbc.sql("""
                select dense_rank() over (order by pa.payment_id) || ' ' || pa.line || ' ' || pa.financial_year || ' ' || pa.part || ' '
                       || pa.amount_pence || ' ' || pa.reason
                from payment_allocation pa where pa.authority_id = ? and pa.account_id = ? order by pa.payment_id, pa.line""")
                .params(a.authorityId(), a.id()).query(String.class).list();
    }

    private List<String> paymentEntries(Account a) {
        return ledger.entries(a).stream().filter(e -> e.type() == EntryType.PAYMENT)
                .map((LedgerEntry e) -> e.financialYear() + " " + e.amount() + " " + e.effectiveOn() + " " + e.dueOn() + " "
                        + e.description().replaceAll("\\d+$", "") + e.idempotencyKey().replaceAll("^payment-\\d+-", "") + " " + e.postedBy())
                .toList();
    }
}
