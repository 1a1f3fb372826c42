package org.reclaim.directdebit.bacs;

import java.util.List;
import org.reclaim.shared.Money;

/**
 * A Bacs Standard 18 file: its records in order, each a line of fixed width (80 characters for labels, 100 for data
 * and contra records), with no line terminator inside {@link #lines()}. {@link #text()} ends every record, the last
 * one too, with CR LF, the line ending Bacs-approved software expects of a text submission.
 */
public record Standard18File(List<String> lines, int dataRecords, Money total) {

    public static final String LINE_END = "\r\n";

    public Standard18File {
        lines = List.copyOf(lines);
    }

    public String text() {
        StringBuilder out = new StringBuilder(lines.size() * 102);
        for (String line : lines) {
            out.append(line).append(LINE_END);
        }
        return out.toString();
    }
}
