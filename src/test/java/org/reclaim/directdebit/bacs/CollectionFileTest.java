package org.reclaim.directdebit.bacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

/**
 * The Standard 18 records field by field against the published layouts cited in {@link Standard18}; positions are
 * 1-based and inclusive, as in the sources.
 */
class CollectionFileTest {

    private static final Originator COUNCIL = new Originator("123456",
            BankDetails.of("20-00-00", "55779911", "Exampleton Council"));
    private static final LocalDate CREATED = LocalDate.of(2026, 5, 1);
    private static final LocalDate PROCESSING = LocalDate.of(2026, 5, 5);   // a Tuesday, day 125 of 2026

    private static Debit debit(long pence, TransactionCode code, String reference) {
        return new Debit(BankDetails.of("40-05-15", "87654321", "Oliver Sterling"), Money.ofPence(pence), code,
                reference);
    }

    /** Characters {@code from} to {@code to}, 1-based and inclusive. */
    private static String at(String line, int from, int to) {
        return line.substring(from - 1, to);
    }

    private final Standard18File file = CollectionFile.write(COUNCIL, "000042", CREATED, PROCESSING, List.of(
            debit(12_345, TransactionCode.FIRST_COLLECTION, "351000012349"),
            debit(9_900, TransactionCode.REGULAR_COLLECTION, "351000056781")));

    @Test
    void theRecordsComeInTheirOrderWithTheirWidths() {
        assertThat(file.lines()).extracting(l -> l.substring(0, 4)).containsExactly("VOL1", "HDR1", "HDR2", "UHL1",
                "4005", "4005", "2000", "EOF1", "EOF2", "UTL1");
        assertThat(file.lines()).extracting(String::length).containsExactly(80, 80, 80, 80, 100, 100, 100, 80, 80, 80);
        assertThat(file.text()).endsWith("\r\n").doesNotContain("\r\n\r\n").hasLineCount(10);
        assertThat(file.total()).isEqualTo(Money.ofPence(22_245));
    }

    @Test
    void vol1() {
        String vol = file.lines().get(0);
        assertThat(at(vol, 1, 3)).isEqualTo("VOL");
        assertThat(at(vol, 4, 4)).isEqualTo("1");
        assertThat(at(vol, 5, 10)).isEqualTo("000042");        // submission serial number
        assertThat(at(vol, 11, 11)).isEqualTo(" ");            // accessibility indicator
        assertThat(at(vol, 12, 41)).isBlank();                 // reserved
        assertThat(at(vol, 42, 47)).isEqualTo("123456");       // owner identification: the SUN
        assertThat(at(vol, 48, 79)).isBlank();                 // reserved
        assertThat(at(vol, 80, 80)).isEqualTo("1");            // label standard level
    }

    @Test
    void hdr1AndEof1() {
        for (int index : new int[] {1, 7}) {
            String hdr = file.lines().get(index);
            assertThat(at(hdr, 1, 3)).isEqualTo(index == 1 ? "HDR" : "EOF");
            assertThat(at(hdr, 4, 4)).isEqualTo("1");
            assertThat(at(hdr, 5, 21)).isEqualTo("A123456S  1123456");   // file identifier
            assertThat(at(hdr, 22, 27)).isEqualTo("000042");              // set identification = VOL1 serial
            assertThat(at(hdr, 28, 31)).isEqualTo("0001");                // file section number
            assertThat(at(hdr, 32, 35)).isEqualTo("0001");                // file sequence number
            assertThat(at(hdr, 36, 41)).isBlank();                        // generation number and version
            assertThat(at(hdr, 42, 47)).isEqualTo(" 26121");              // creation date bYYDDD (1 May 2026)
            assertThat(at(hdr, 48, 53)).isEqualTo(" 26125");              // expiration date bYYDDD
            assertThat(at(hdr, 54, 54)).isEqualTo(" ");                   // accessibility indicator
            assertThat(at(hdr, 55, 60)).isEqualTo("000000");              // block count
            assertThat(at(hdr, 61, 80)).isBlank();                        // system code and reserved
        }
    }

    @Test
    void hdr2AndEof2() {
        for (int index : new int[] {2, 8}) {
            String hdr = file.lines().get(index);
            assertThat(at(hdr, 1, 4)).isEqualTo(index == 2 ? "HDR2" : "EOF2");
            assertThat(at(hdr, 5, 5)).isEqualTo("F");          // record format
            assertThat(at(hdr, 6, 10)).isEqualTo("02000");     // block length
            assertThat(at(hdr, 11, 15)).isEqualTo("00100");    // record length
            assertThat(at(hdr, 16, 50)).isBlank();             // reserved for operating system
            assertThat(at(hdr, 51, 52)).isEqualTo("00");       // buffer offset
            assertThat(at(hdr, 53, 80)).isBlank();             // reserved
        }
    }

    @Test
    void uhl1() {
        String uhl = file.lines().get(3);
        assertThat(at(uhl, 1, 4)).isEqualTo("UHL1");
        assertThat(at(uhl, 5, 10)).isEqualTo(" 26125");        // processing day bYYDDD: 5 May 2026 is day 125
        assertThat(at(uhl, 11, 20)).isEqualTo("999999    ");   // receiving party identification
        assertThat(at(uhl, 21, 22)).isEqualTo("00");           // currency code
        assertThat(at(uhl, 23, 28)).isEqualTo("000000");       // country code
        assertThat(at(uhl, 29, 37)).isEqualTo("1 DAILY  ");    // work code
        assertThat(at(uhl, 38, 40)).isEqualTo("001");          // file number
        assertThat(at(uhl, 41, 80)).isBlank();                 // reserved, audit print identifier, reserved
    }

    @Test
    void dataRecord() {
        String data = file.lines().get(4);
        assertThat(at(data, 1, 6)).isEqualTo("400515");                  // destination sorting code
        assertThat(at(data, 7, 14)).isEqualTo("87654321");               // destination account number
        assertThat(at(data, 15, 15)).isEqualTo("0");                     // destination account type
        assertThat(at(data, 16, 17)).isEqualTo("01");                    // transaction code
        assertThat(at(data, 18, 23)).isEqualTo("200000");                // originating sorting code
        assertThat(at(data, 24, 31)).isEqualTo("55779911");              // originating account number
        assertThat(at(data, 32, 35)).isBlank();                          // free format
        assertThat(at(data, 36, 46)).isEqualTo("00000012345");           // amount in pence
        assertThat(at(data, 47, 64)).isEqualTo("EXAMPLETON COUNCIL");    // service user's name
        assertThat(at(data, 65, 82)).isEqualTo("351000012349      ");    // service user's reference
        assertThat(at(data, 83, 100)).isEqualTo("OLIVER STERLING   ");   // destination account name
        assertThat(at(file.lines().get(5), 16, 17)).isEqualTo("17");
    }

    @Test
    void contraRecord() {
        String contra = file.lines().get(6);
        assertThat(at(contra, 1, 6)).isEqualTo("200000");
        assertThat(at(contra, 7, 14)).isEqualTo("55779911");
        assertThat(at(contra, 15, 15)).isEqualTo("0");
        assertThat(at(contra, 16, 17)).isEqualTo("99");                  // a credit balancing the debits
        assertThat(at(contra, 18, 23)).isEqualTo("200000");
        assertThat(at(contra, 24, 31)).isEqualTo("55779911");
        assertThat(at(contra, 32, 35)).isBlank();
        assertThat(at(contra, 36, 46)).isEqualTo("00000022245");         // 123.45 + 99.00
        assertThat(at(contra, 47, 64)).isEqualTo("DD COLLECTIONS    ");
        assertThat(at(contra, 65, 82)).isEqualTo("CONTRA            ");
        assertThat(at(contra, 83, 100)).isEqualTo("EXAMPLETON COUNCIL");
    }

    @Test
    void utl1() {
        String utl = file.lines().get(9);
        assertThat(at(utl, 1, 4)).isEqualTo("UTL1");
        assertThat(at(utl, 5, 17)).isEqualTo("0000000022245");    // debit value total
        assertThat(at(utl, 18, 30)).isEqualTo("0000000022245");   // credit value total (the contra)
        assertThat(at(utl, 31, 37)).isEqualTo("0000002");         // debit record count
        assertThat(at(utl, 38, 44)).isEqualTo("0000001");         // credit record count
        assertThat(at(utl, 45, 80)).isBlank();
    }

    @Test
    void auddisFileHasZeroAmountsNoContraAndAnInstructionCount() {
        Standard18File auddis = AuddisFile.write(COUNCIL, "A00001", CREATED, PROCESSING, List.of(
                new AuddisInstruction(BankDetails.of("400515", "87654321", "Oliver Sterling"),
                        TransactionCode.NEW_INSTRUCTION, "351000012349"),
                new AuddisInstruction(BankDetails.of("400515", "11112222", "Ann Other"),
                        TransactionCode.CANCEL_INSTRUCTION, "351000056781")));
        assertThat(auddis.lines()).hasSize(9).extracting(l -> l.substring(0, 4)).containsExactly("VOL1", "HDR1",
                "HDR2", "UHL1", "4005", "4005", "EOF1", "EOF2", "UTL1");
        assertThat(at(auddis.lines().get(4), 16, 17)).isEqualTo("0N");
        assertThat(at(auddis.lines().get(5), 16, 17)).isEqualTo("0C");
        assertThat(at(auddis.lines().get(4), 36, 46)).isEqualTo("00000000000");
        String utl = auddis.lines().get(8);
        assertThat(at(utl, 5, 44)).isEqualTo("0".repeat(40));
        assertThat(at(utl, 53, 59)).isEqualTo("0000002");
    }

    @Test
    void impossibleInputIsRefused() {
        assertThatThrownBy(() -> debit(0, TransactionCode.REGULAR_COLLECTION, "REF123"))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("amountPence:");
        assertThatThrownBy(() -> debit(100_000_000_000L, TransactionCode.REGULAR_COLLECTION, "REF123"))
                .hasMessageContaining("11 digits");
        assertThatThrownBy(() -> debit(100, TransactionCode.REGULAR_COLLECTION, "A".repeat(19)))
                .hasMessageStartingWith("reference:");
        assertThatThrownBy(() -> debit(100, TransactionCode.REGULAR_COLLECTION, "REF_1"))
                .hasMessageStartingWith("reference:");
        assertThatThrownBy(() -> debit(100, TransactionCode.NEW_INSTRUCTION, "REF123"))
                .hasMessageStartingWith("transactionCode:");
        assertThatThrownBy(() -> new Originator("12345", COUNCIL.account())).hasMessageStartingWith("serviceUserNumber:");
        List<Debit> one = List.of(debit(100, TransactionCode.REGULAR_COLLECTION, "REF123"));
        assertThatThrownBy(() -> CollectionFile.write(COUNCIL, "000000", CREATED, PROCESSING, one))
                .hasMessageStartingWith("serialNumber:");
        assertThatThrownBy(() -> CollectionFile.write(COUNCIL, "000001", CREATED, LocalDate.of(2026, 5, 9), one))
                .hasMessageStartingWith("processingDay:");
        assertThatThrownBy(() -> CollectionFile.write(COUNCIL, "000001", CREATED, PROCESSING, List.of()))
                .hasMessageStartingWith("debits:");
        List<Debit> tooMuch = List.of(debit(99_999_999_999L, TransactionCode.REGULAR_COLLECTION, "REF123"),
                debit(1, TransactionCode.REGULAR_COLLECTION, "REF124"));
        assertThatThrownBy(() -> CollectionFile.write(COUNCIL, "000001", CREATED, PROCESSING, tooMuch))
                .hasMessageContaining("split the collection");
    }

    @Test
    void theProcessingDayIsWrittenAsBacsJulian() {
        assertThat(BacsText.julian(LocalDate.of(2026, 1, 1))).isEqualTo(" 26001");
        assertThat(BacsText.julian(LocalDate.of(2028, 12, 31))).isEqualTo(" 28366");
        assertThat(BacsText.julian(LocalDate.of(2030, 2, 1))).isEqualTo(" 30032");
    }

    @Property
    void everyLineHasItsWidthAndTheContraIsTheSum(
            @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 1, max = 1_000_000_000L) Long> amounts) {
        List<Debit> debits = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < amounts.size(); i++) {
            debits.add(debit(amounts.get(i), TransactionCode.values()[i % 4], "REF" + i));
            sum += amounts.get(i);
        }
        Standard18File f = CollectionFile.write(COUNCIL, "000001", CREATED, PROCESSING, debits);
        List<String> lines = f.lines();
        assertThat(lines).hasSize(amounts.size() + 8);
        for (int i = 0; i < lines.size(); i++) {
            boolean data = i >= 4 && i < 4 + amounts.size() + 1;
            assertThat(lines.get(i)).hasSize(data ? 100 : 80).doesNotContain("\n", "\r");
        }
        long recordTotal = 0;
        for (int i = 4; i < 4 + amounts.size(); i++) {
            recordTotal += Long.parseLong(at(lines.get(i), 36, 46));
        }
        String contra = lines.get(4 + amounts.size());
        assertThat(Long.parseLong(at(contra, 36, 46))).isEqualTo(sum).isEqualTo(recordTotal);
        String utl = lines.get(lines.size() - 1);
        assertThat(Long.parseLong(at(utl, 5, 17))).isEqualTo(sum);
        assertThat(Long.parseLong(at(utl, 18, 30))).isEqualTo(sum);
        assertThat(Integer.parseInt(at(utl, 31, 37))).isEqualTo(amounts.size());
    }
}
