package org.reclaim.directdebit.bacs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

/**
 * Writes a Bacs Standard 18 Direct Debit collection file for one processing day: VOL1, HDR1, HDR2, UHL1, a data
 * record per debit, one credit contra for their total, EOF1, EOF2, UTL1. Layouts and their sources: {@link Standard18}.
 */
public final class CollectionFile {

    private CollectionFile() {
    }

    /**
     * The file for {@code debits}, to be processed on {@code processingDay} (a weekday; bank holidays are the
     * caller's to avoid). {@code serialNumber} is the 6-character submission serial number, unique for the day.
     */
    public static Standard18File write(Originator originator, String serialNumber, LocalDate created,
                                       LocalDate processingDay, List<Debit> debits) {
        Standard18.Header header = new Standard18.Header(originator, serialNumber, created, processingDay);
        if (debits.isEmpty()) {
            throw InvalidInput.of("debits", "a collection file needs at least one debit");
        }
        if (debits.size() > 9_999_999) {
            throw InvalidInput.of("debits", "a file holds at most 9,999,999 records; split the collection");
        }
        long total = 0;
        for (Debit d : debits) {
            total = Math.addExact(total, d.amount().pence());
        }
        if (total > Debit.LARGEST.pence()) {
            throw InvalidInput.of("debits", "the total, " + Money.ofPence(total) + ", is more than the 11 digits of "
                    + "one contra record hold; split the collection into files");
        }
        List<String> lines = new ArrayList<>(debits.size() + 8);
        lines.add(Standard18.vol1(header));
        lines.add(Standard18.hdr1("HDR", header));
        lines.add(Standard18.hdr2("HDR"));
        lines.add(Standard18.uhl1(header));
        for (Debit d : debits) {
            lines.add(Standard18.data(originator, d.payer(), d.code(), d.amount().pence(), d.reference()));
        }
        lines.add(Standard18.contra(originator, total));
        lines.add(Standard18.hdr1("EOF", header));
        lines.add(Standard18.hdr2("EOF"));
        lines.add(Standard18.utl1(total, total, debits.size(), 1, "       "));
        return new Standard18File(lines, debits.size(), Money.ofPence(total));
    }
}
