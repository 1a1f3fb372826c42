package org.reclaim.directdebit.bacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

/**
 * The ARUDD, ADDACS and AUDDIS report parsers. The sample reports use the element and attribute names documented in
 * {@link Arudd} and {@link Addacs}; the values are made up.
 */
class BacsReportsTest {

    static final String ARUDD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <BACSDocument>
              <Data>
                <ARUDD>
                  <Header reportType="REFT1027" adviceNumber="001" currentProcessingDate="2026-05-08"/>
                  <AddresseeInformation name="EXAMPLETON COUNCIL"/>
                  <ServiceLicenseInformation userName="EXAMPLETON COUNCIL" userNumber="123456"/>
                  <Advice>
                    <OriginatingAccountRecords>
                      <OriginatingAccountRecord>
                        <OriginatingAccount name="EXAMPLETON COUNCIL" number="55779911" sortCode="200000" type="0"/>
                        <ReturnedDebitItem ref="351000012349" transCode="17" returnCode="0"
                            returnDescription="REFER TO PAYER" originalProcessingDate="2026-05-05" valueOf="123.45"
                            currency="GBP">
                          <PayerAccount number="87654321" ref="351000012349" name="OLIVER STERLING" sortCode="400515"/>
                        </ReturnedDebitItem>
                        <ReturnedDebitItem ref="351000056781" transCode="01" returnCode="B"
                            returnDescription="ACCOUNT CLOSED" originalProcessingDate="2026-05-05" valueOf="99.00"
                            currency="GBP">
                          <PayerAccount number="11112222" ref="351000056781" name="ANN OTHER" sortCode="400515"/>
                        </ReturnedDebitItem>
                        <Totals numberOf="2" valueOf="222.45" currency="GBP"/>
                      </OriginatingAccountRecord>
                    </OriginatingAccountRecords>
                  </Advice>
                </ARUDD>
              </Data>
            </BACSDocument>
            """;

    static final String ADDACS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <BACSDocument>
              <Data>
                <MessagingAdvices>
                  <MessagingHeader report-generation-date="2026-05-08" user-number="123456"/>
                  <MessagingAdvice user-number="123456" record-type="A" effective-date="2026-05-07"
                      reference="351000012349" payer-name="OLIVER STERLING" payer-account-number="87654321"
                      payer-sort-code="400515" reason-code="1"/>
                  <MessagingAdvice user-number="123456" record-type="A" effective-date="2026-05-07"
                      reference="351000056781" payer-name="ANN OTHER" payer-account-number="11112222"
                      payer-sort-code="400515" reason-code="3" payer-new-sort-code="309070"
                      payer-new-account-number="02355688"/>
                </MessagingAdvices>
              </Data>
            </BACSDocument>
            """;

    static final String AUDDIS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <BACSDocument>
              <Data>
                <MessagingAdvices>
                  <MessagingAdvice user-number="123456" record-type="R" effective-date="2026-05-06"
                      reference="351000012349" payer-name="OLIVER STERLING" payer-account-number="87654321"
                      payer-sort-code="400515" reason-code="F" transaction-code="0N"/>
                </MessagingAdvices>
              </Data>
            </BACSDocument>
            """;

    @Test
    void anAruddReportGivesEachUnpaidDebitWithItsReason() {
        List<Arudd.ReturnedDebit> items = Arudd.parse(ARUDD);
        assertThat(items).hasSize(2);
        Arudd.ReturnedDebit first = items.get(0);
        assertThat(first.reference()).isEqualTo("351000012349");
        assertThat(first.payerAccount()).isEqualTo(new BankAccount("400515", "87654321"));
        assertThat(first.amount()).isEqualTo(Money.ofPence(12_345));
        assertThat(first.originalProcessingDate()).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(first.reason()).isEqualTo(AruddReason.REFER_TO_PAYER);
        assertThat(items.get(1).reason()).isEqualTo(AruddReason.ACCOUNT_CLOSED);
        assertThat(items.get(1).amount()).isEqualTo(Money.ofPence(9_900));
    }

    @Test
    void anAddacsReportGivesTheNewBankDetailsOfATransfer() {
        List<Addacs.InstructionAmendment> items = Addacs.parse(ADDACS);
        assertThat(items).extracting(Addacs.InstructionAmendment::reason)
                .containsExactly(AddacsReason.CANCELLED_BY_PAYER, AddacsReason.ACCOUNT_TRANSFERRED);
        assertThat(items.get(0).newBankAccount()).isEmpty();
        assertThat(items.get(1).newBankAccount()).contains(new BankAccount("309070", "02355688"));
        assertThat(items.get(1).payerAccount()).isEqualTo(new BankAccount("400515", "11112222"));
        assertThat(items.get(1).effectiveDate()).isEqualTo(LocalDate.of(2026, 5, 7));
    }

    @Test
    void anAuddisReportGivesEachRejectedInstruction() {
        List<AuddisRejections.RejectedInstruction> items = AuddisRejections.parse(AUDDIS);
        assertThat(items).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(AuddisReason.INVALID_ACCOUNT_TYPE);
            assertThat(r.reference()).isEqualTo("351000012349");
            assertThat(r.transactionCode()).isEqualTo("0N");
        });
    }

    @Test
    void badReportsAreRefusedNamingTheItemOrLine() {
        assertThat(field(() -> Arudd.parse(ARUDD.replace("returnCode=\"B\"", "returnCode=\"Z\""))))
                .isEqualTo("item 2");
        assertThat(field(() -> Arudd.parse(ARUDD.replace("valueOf=\"99.00\"", "valueOf=\"ninety\""))))
                .isEqualTo("item 2");
        assertThat(field(() -> Arudd.parse(ARUDD.replace("sortCode=\"400515\"/>", "sortCode=\"4005\"/>"))))
                .isEqualTo("item 1");
        assertThat(field(() -> Arudd.parse(ARUDD.replace("numberOf=\"2\"", "numberOf=\"3\"")))).isEqualTo("totals");
        assertThat(field(() -> Arudd.parse(ARUDD.substring(0, ARUDD.length() / 2)))).startsWith("line ");
        assertThat(field(() -> Arudd.parse("<html><body/></html>"))).isEqualTo("line 1");
        assertThat(field(() -> Arudd.parse(ADDACS))).isEqualTo("document");
        assertThat(field(() -> Addacs.parse(ADDACS.replace("reason-code=\"1\"", "reason-code=\"F\""))))
                .isEqualTo("item 1");
        assertThat(field(() -> Addacs.parse(ADDACS.replace(" payer-new-sort-code=\"309070\"", "")
                .replace(" payer-new-account-number=\"02355688\"", "")))).isEqualTo("item 2");
        assertThat(field(() -> AuddisRejections.parse(AUDDIS.replace("effective-date=\"2026-05-06\"", ""))))
                .isEqualTo("item 1");
        assertThat(field(() -> Addacs.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<BACSDocument>&e;</BACSDocument>"))).isEqualTo("line 1");
    }

    private static String field(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidInput e) {
            return e.errors().get(0).field();
        }
        throw new AssertionError("the report was accepted");
    }

    @Provide
    Arbitrary<String> report() {
        return Arbitraries.of(ARUDD, ADDACS, AUDDIS);
    }

    @Provide
    Arbitrary<Function<String, List<?>>> parser() {
        return Arbitraries.of(Arudd::parse, Addacs::parse, AuddisRejections::parse);
    }

    @Property(tries = 300)
    void aTruncatedReportIsReadWhollyOrRefused(@ForAll("report") String report, @ForAll("parser") Function<String,
            List<?>> parser, @ForAll @IntRange(min = 0, max = 2000) int cut) {
        String truncated = report.substring(0, Math.min(cut, report.length()));
        try {
            List<?> items = parser.apply(truncated);
            assertThat(truncated.strip()).isEqualTo(report.strip());   // only the whole report is accepted
            assertThat(items).isNotEmpty();
        } catch (InvalidInput refused) {
            assertThat(refused.errors()).isNotEmpty();
        }
    }

    @Property(tries = 300)
    void aDamagedReportIsReadOrRefusedButNeverCrashes(@ForAll("report") String report,
            @ForAll("parser") Function<String, List<?>> parser, @ForAll @IntRange(min = 0, max = 2000) int at,
            @ForAll char replacement) {
        char[] chars = report.toCharArray();
        chars[Math.min(at, chars.length - 1)] = replacement;
        try {
            parser.apply(new String(chars));
        } catch (InvalidInput refused) {
            assertThat(refused.errors()).isNotEmpty();
        }
    }

    @Property(tries = 300)
    void randomTextIsRefusedNeverCrashes(@ForAll("parser") Function<String, List<?>> parser, @ForAll String text) {
        try {
            parser.apply(text);
        } catch (InvalidInput refused) {
            assertThat(refused.errors()).isNotEmpty();
        }
    }
}
