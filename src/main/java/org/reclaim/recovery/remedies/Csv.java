package org.reclaim.recovery.remedies;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** RFC 4180 fields for the remedies' files: quoted when they hold a comma, quote or line break. */
final class Csv {

    private Csv() {
    }

    static String row(@Nullable Object... values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            String v = values[i] == null ? "" : values[i].toString();
            // a field starting with = + - @ is text, not a formula, when a spreadsheet opens the file
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !(values[i] instanceof Number)) {
                v = "'" + v;
            }
            s.append(org.reclaim.shared.Csv.field(v));
        }
        return s.append('\n').toString();
    }

    /** The fields of one line (no line breaks inside quotes: a return file line is one line). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString().trim());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString().trim());
        return out;
    }
}
