package org.reclaim.shared;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** CSV as RFC 4180 has it, for the files Reclaim reads (one record a line) and writes. */
public final class Csv {

    private Csv() {
    }

    /** A field to write: quoted when it holds a comma, quote or line break, its quotes doubled. */
    public static String field(@Nullable String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /**
     * The fields of a line (one record on one line, no line breaks inside quotes), or null with the reason added to
     * {@code reasons} if it cannot be split, so the caller can report it against the line's number.
     */
    public static @Nullable List<String> fields(String line, List<String> reasons) {
        if (line.indexOf('\u0000') >= 0) {
            reasons.add("not text: the line has bytes that are not UTF-8 characters");
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        reasons.add("a quoted field is not closed");
                        return null;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    reasons.add("text after a closing quote in field " + (fields.size() + 1));
                    return null;
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        reasons.add("a quote inside an unquoted field " + (fields.size() + 1));
                        return null;
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++;   // the comma
        }
    }
}
