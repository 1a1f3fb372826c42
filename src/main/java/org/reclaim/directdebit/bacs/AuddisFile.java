package org.reclaim.directdebit.bacs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

/**
 * Writes a Bacs Standard 18 AUDDIS file: the same labels as a collection file, one data record per instruction with
 * transaction code 0N, 0C or 0S and a zero amount, no contra, and a UTL1 with zero totals and the count of
 * instructions in the DDI count field. Layouts and their sources: {@link Standard18}.
 */
public final class AuddisFile {

    private AuddisFile() {
    }

    public static Standard18File write(Originator originator, String serialNumber, LocalDate created,
                                       LocalDate processingDay, List<AuddisInstruction> instructions) {
        Standard18.Header header = new Standard18.Header(originator, serialNumber, created, processingDay);
        if (instructions.isEmpty()) {
            throw InvalidInput.of("instructions", "an AUDDIS file needs at least one instruction");
        }
        if (instructions.size() > 9_999_999) {
            throw InvalidInput.of("instructions", "a file holds at most 9,999,999 records; split the instructions");
        }
        List<String> lines = new ArrayList<>(instructions.size() + 7);
        lines.add(Standard18.vol1(header));
        lines.add(Standard18.hdr1("HDR", header));
        lines.add(Standard18.hdr2("HDR"));
        lines.add(Standard18.uhl1(header));
        for (AuddisInstruction i : instructions) {
            lines.add(Standard18.data(originator, i.payer(), i.code(), 0, i.reference()));
        }
        lines.add(Standard18.hdr1("EOF", header));
        lines.add(Standard18.hdr2("EOF"));
        lines.add(Standard18.utl1(0, 0, 0, 0, BacsText.zeros(instructions.size(), 7)));
        return new Standard18File(lines, instructions.size(), Money.ZERO);
    }
}
