package org.reclaim.shared;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows for one PostgreSQL COPY into one table, in COPY's text format, for runs that write a great many rows (annual
 * billing). COPY joins the current transaction, so a run's chunk is written whole or not at all.
 */
public final class CopyRows {

    private final String table;
    private final String columns;
    private final StringBuilder rows = new StringBuilder();
    private int count;
    private @Nullable Object[] lastValues = new Object[0];
    private String[] lastTexts = new String[0];

    public CopyRows(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    /**
     * Appends one row; null is SQL null, and text is escaped so that tabs, newlines and backslashes survive. Values must
     * be immutable (strings, numbers, dates, enums): when a column holds the same object as in the row before, as a run's
     * timestamp does in every row, its text is reused rather than worked out again.
     */
    public CopyRows add(@Nullable Object... values) {
        if (lastValues.length != values.length) {
            lastValues = new Object[values.length];
            lastTexts = new String[values.length];
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                rows.append("\\N");
            } else if (value == lastValues[i]) {
                // the same object as the row before (a run's timestamp, its user): its text is already worked out
                rows.append(lastTexts[i]);
            } else {
                String text = value.toString();
                if (needsEscaping(text)) {
                    text = escaped(text);
                }
                rows.append(text);
                lastValues[i] = value;
                lastTexts[i] = text;
            }
        }
        rows.append('\n');
        count++;
        return this;
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The rows as COPY will read them. */
    String text() {
        return rows.toString();
    }

    public int count() {
        return count;
    }

    /** Copies the rows in on the transaction's connection; returns how many were written. */
    public long copyInto(DataSource dataSource) {
        if (count == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(rows.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
