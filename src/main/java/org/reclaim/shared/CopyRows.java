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

    public CopyRows(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    /** Appends one row; null is SQL null, and text is escaped so that tabs, newlines and backslashes survive. */
    public CopyRows add(@Nullable Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            if (values[i] == null) {
                rows.append("\\N");
            } else {
                escape(values[i].toString());
            }
        }
        rows.append('\n');
        count++;
        return this;
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
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
