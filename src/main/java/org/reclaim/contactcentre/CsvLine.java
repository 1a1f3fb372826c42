package org.reclaim.contactcentre;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One CSV record on one line (RFC 4180 quoting: {@code "a, b"} and {@code ""} for a quote inside quotes). */
final class CsvLine {

    private CsvLine() {
    }

    /** The fields, or null with the reason added when the line cannot be split. */
    static @Nullable List<String> fields(String line, List<String> reasons) {
        if (line.indexOf('\u0000') >= 0) {
            reasons.add("not text: the line has bytes that are not UTF-8 characters");
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '"' || wasQuoted) {
                reasons.add("a stray quote or text after a closing quote in field " + (fields.size() + 1));
                return null;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            reasons.add("a quoted field is not closed");
            return null;
        }
        fields.add(field.toString());
        return fields;
    }

    static String shorten(String text) {
        String printable = text.replace('\u0000', '\uFFFD');
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
