package org.reclaim.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.InvalidInput;

/**
 * The file parsers: random and truncated input gives parsed lines or line-numbered rejections, never another exception,
 * and never an amount that the file did not say.
 */
class PaymentFileLinesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void readsTheChannelLayout() {
        PaymentFileLines.Parsed p = parse(PaymentFileFormat.PAYPOINT, """
                Transaction Reference,Payment Reference,Amount,Date Paid\r
                T1,351000000014,125.00,01/05/2026\r
                "T,2",,0.01,2026-05-02\r
                """);
        assertThat(p.payments()).extracting(PaymentFileLines.Payment::transactionReference).containsExactly("T1", "T,2");
        assertThat(p.payments().get(0).amount().pence()).isEqualTo(12500);
        assertThat(p.payments().get(1).reference()).isNull();
        assertThat(p.payments().get(1).paidOn()).isEqualTo(LocalDate.of(2026, 5, 2));
    }

    @Test
    void findsTheReferenceInABankDescription() {
        assertThat(PaymentFileLines.referenceIn("MRS A JONES 351 0000 0001 4 COUNCIL TAX")).isEqualTo("351000000014");
        assertThat(PaymentFileLines.referenceIn("REF 123456789012 20261101")).isEqualTo("123456789012");
        assertThat(PaymentFileLines.referenceIn("NO DIGITS")).isNull();
    }

    @Test
    void refusesAFileWithTheWrongHeader() {
        assertThatThrownBy(() -> parse(PaymentFileFormat.ALLPAY, "a,b,c\n1,2,3\n")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("line 1");
    }

    @Property(tries = 500)
    void randomInputIsParsedOrRefusedNeverCrashes(@ForAll("formats") PaymentFileFormat format, @ForAll("noise") String body) {
        String header = format == PaymentFileFormat.BANK_STATEMENT ? "Date,Description,Paid In,Paid Out\n"
                : "Transaction Reference,Payment Reference,Amount,Date Paid\n";
        for (String text : List.of(body, header + body)) {
            PaymentFileLines.Parsed p = parseOrRefused(format, text.getBytes(StandardCharsets.UTF_8));
            if (p != null) {
                assertSane(p);
            }
        }
    }

    @Property(tries = 300)
    void randomBytesAreParsedOrRefusedNeverCrash(@ForAll("formats") PaymentFileFormat format, @ForAll byte[] bytes) {
        byte[] header = "Transaction Reference,Payment Reference,Amount,Date Paid\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = Arrays.copyOf(header, header.length + bytes.length);
        System.arraycopy(bytes, 0, file, header.length, bytes.length);
        PaymentFileLines.Parsed p = parseOrRefused(format, file);
        if (p != null) {
            assertSane(p);
        }
    }

    /** A file cut short anywhere: each line still read is read exactly as the whole file has it; the cut line is rejected. */
    @Property(tries = 500)
    void aTruncatedFileNeverYieldsAGarbageAmount(@ForAll("formats") PaymentFileFormat format, @ForAll("validLines") List<String> lines,
                                                 @ForAll @IntRange(min = 0, max = 100_000) int cutAt) {
        String header = format == PaymentFileFormat.BANK_STATEMENT ? "Date,Description,Paid In,Paid Out\n"
                : "Transaction Reference,Payment Reference,Amount,Date Paid\n";
        String whole = header + String.join("\n", lines.stream().map(l -> format == PaymentFileFormat.BANK_STATEMENT ? asBank(l) : l).toList()) + "\n";
        byte[] bytes = whole.getBytes(StandardCharsets.UTF_8);
        PaymentFileLines.Parsed full = PaymentFileLines.parse(format, bytes, TODAY);
        Map<Integer, PaymentFileLines.Payment> byLine = new HashMap<>();
        full.payments().forEach(p -> byLine.put(p.line(), p));
        PaymentFileLines.Parsed cut = parseOrRefused(format, Arrays.copyOf(bytes, Math.min(bytes.length, cutAt)));
        if (cut == null) {
            return;
        }
        assertSane(cut);
        for (PaymentFileLines.Payment p : cut.payments()) {
            PaymentFileLines.Payment original = byLine.get(p.line());
            assertThat(original).as("line %d was read from a cut file but not from the whole one", p.line()).isNotNull();
            assertThat(p.amount()).isEqualTo(original.amount());
            assertThat(p.paidOn()).isEqualTo(original.paidOn());
        }
    }

    private static String asBank(String channelLine) {
        String[] f = channelLine.split(",");
        return f[3] + ",PAYER " + f[1] + " " + f[0] + "," + f[2] + ",";
    }

    @Provide
    Arbitrary<PaymentFileFormat> formats() {
        return Arbitraries.of(PaymentFileFormat.class);
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars(",\"\n\r0123456789./-£ abcT").ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of("12.50", "-3.00", "0.00", "1,000.00", "\"1,000.00\"", "31/02/2026", "2026-13-01", "01/05/2026", "2026-05-01",
                        "351000000014", "\"", "\"\"", ",,,,", "99999999999999.99", "1000000000.01"));
        return pieces.list().ofMaxSize(30).map(l -> String.join(Arbitraries.of(",", "\n").sample(), l));
    }

    @Provide
    Arbitrary<List<String>> validLines() {
        Arbitrary<String> line = Combinators.combine(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().numeric().ofLength(12),
                Arbitraries.longs().between(1, 10_000_000),
                Arbitraries.integers().between(0, 600))
                .as((txn, ref, pence, daysAgo) -> txn + "," + ref + "," + (pence / 100) + "." + String.format("%02d", pence % 100) + ","
                        + TODAY.minusDays(daysAgo).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        return line.list().ofMinSize(1).ofMaxSize(20).uniqueElements(l -> l.substring(0, l.indexOf(',')));
    }

    private static PaymentFileLines.Parsed parse(PaymentFileFormat format, String text) {
        return PaymentFileLines.parse(format, text.getBytes(StandardCharsets.UTF_8), TODAY);
    }

    /** The parse, or null if the whole file was refused as it should be: with an InvalidInput that names a line. */
    private static PaymentFileLines.Parsed parseOrRefused(PaymentFileFormat format, byte[] content) {
        try {
            return PaymentFileLines.parse(format, content, TODAY);
        } catch (InvalidInput refused) {
            assertThat(refused.errors().get(0).message()).matches("(?s)line \\d+: .*");
            return null;
        }
    }

    private static void assertSane(PaymentFileLines.Parsed p) {
        assertThat(p.payments().size() + p.rejections().size() + p.skipped()).isEqualTo(p.lines());
        for (PaymentFileLines.Payment payment : p.payments()) {
            assertThat(payment.amount().pence()).isBetween(1L, 100_000_000_000L);
            assertThat(payment.paidOn()).isBeforeOrEqualTo(TODAY);
            assertThat(payment.line()).isGreaterThanOrEqualTo(2);
            assertThat(payment.transactionReference()).isNotBlank();
        }
        for (PaymentFileLines.Rejection r : p.rejections()) {
            assertThat(r.line()).isGreaterThanOrEqualTo(2);
            assertThat(r.reason()).isNotBlank();
            assertThat(r.raw()).doesNotContain("\u0000");
        }
    }
}
