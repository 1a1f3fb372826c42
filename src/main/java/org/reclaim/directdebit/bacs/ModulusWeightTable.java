package org.reclaim.directdebit.bacs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.InvalidInput;

/**
 * The modulus weight table ({@code valacdos.txt}) and the sorting code substitution table ({@code scsubtab.txt})
 * that Vocalink, now Pay.UK, publishes with its "Validating account numbers" specification.
 * <p>
 * Reclaim does not ship either table: they are Pay.UK's published data, updated several times a year, and the
 * council downloads the current files and points Reclaim at them. Without a table every check is "not checked".
 * <p>
 * A weight table line is: first sort code, last sort code, method ({@code MOD10}, {@code MOD11} or {@code DBLAL}),
 * the fourteen weights u v w x y z a b c d e f g h, and an optional exception number; fields are separated by spaces
 * (as Pay.UK publishes them) or commas. A substitution line is: sort code, substitute sort code.
 */
public final class ModulusWeightTable {

    /** The checking method of a table row. */
    enum Method { MOD10, MOD11, DBLAL }

    /** One row of the weight table; a sort code range has one or two rows, in file order. */
    record Row(int from, int to, Method method, int[] weights, int exception) {
    }

    /** A table with no rows: every check answers "not checked". */
    public static final ModulusWeightTable NONE = new ModulusWeightTable(List.of(), Map.of());

    private final List<Row> rows;
    private final Map<String, String> substitutions;

    private ModulusWeightTable(List<Row> rows, Map<String, String> substitutions) {
        this.rows = List.copyOf(rows);
        this.substitutions = Map.copyOf(substitutions);
    }

    /** Reads the weight table file and, when given, the substitution file (both as Pay.UK publishes them). */
    public static ModulusWeightTable load(Path weightTable, @Nullable Path substitutionTable) {
        return parse(read(weightTable), substitutionTable == null ? "" : read(substitutionTable));
    }

    /** The tables from their text; a malformed line is refused naming its line number. */
    public static ModulusWeightTable parse(String weightTable, String substitutionTable) {
        List<Row> rows = new ArrayList<>();
        String[] lines = weightTable.split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                rows.add(row(line, i + 1));
            }
        }
        Map<String, String> subs = new HashMap<>();
        String[] subLines = substitutionTable.split("\r?\n|\r");
        for (int i = 0; i < subLines.length; i++) {
            String line = subLines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("[\\s,]+");
            if (f.length != 2 || !f[0].matches("\\d{6}") || !f[1].matches("\\d{6}")) {
                throw InvalidInput.of("line " + (i + 1), "a substitution line is two 6-digit sort codes");
            }
            subs.put(f[0], f[1]);
        }
        return new ModulusWeightTable(rows, subs);
    }

    private static Row row(String line, int number) {
        String[] f = line.split("[\\s,]+");
        String field = "line " + number;
        if (f.length != 17 && f.length != 18) {
            throw InvalidInput.of(field, "a weight table line has a sort code range, a method, 14 weights and an "
                    + "optional exception; found " + f.length + " fields");
        }
        if (!f[0].matches("\\d{6}") || !f[1].matches("\\d{6}")) {
            throw InvalidInput.of(field, "the sort code range is two 6-digit sort codes");
        }
        Method method;
        try {
            method = Method.valueOf(f[2]);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "the method is MOD10, MOD11 or DBLAL, not " + f[2]);
        }
        int[] weights = new int[14];
        for (int w = 0; w < 14; w++) {
            weights[w] = integer(f[3 + w], field);
        }
        int exception = f.length == 18 ? integer(f[17], field) : 0;
        int from = Integer.parseInt(f[0]);
        int to = Integer.parseInt(f[1]);
        if (to < from) {
            throw InvalidInput.of(field, "the sort code range ends before it starts");
        }
        return new Row(from, to, method, weights, exception);
    }

    private static int integer(String s, String field) {
        if (!s.matches("-?\\d{1,4}")) {
            throw InvalidInput.of(field, "'" + s + "' is not a whole number");
        }
        return Integer.parseInt(s);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw InvalidInput.of("modulusTable", "cannot read " + path + ": " + e.getMessage());
        }
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The rows for a sort code, in file order (none, one or two). */
    List<Row> rowsFor(String sortCode) {
        int sc = Integer.parseInt(sortCode);
        List<Row> found = new ArrayList<>(2);
        for (Row r : rows) {
            if (sc >= r.from() && sc <= r.to()) {
                found.add(r);
            }
        }
        return found;
    }

    Optional<String> substituteFor(String sortCode) {
        return Optional.ofNullable(substitutions.get(sortCode));
    }

    /** How many rows were read, for a health or info report. */
    public int size() {
        return rows.size();
    }
}
