package org.reclaim.shared;

import java.sql.SQLException;
import org.springframework.core.NestedRuntimeException;

/**
 * Says why a run failed without repeating the database's own message, which quotes the failing row ("Failing row
 * contains (…)") and so can carry a payer's name or bank details into a log or an API answer.
 */
public final class Failures {

    private Failures() {
    }

    /** A database failure is named by its kind and SQL state only; any other keeps its own words. */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getClass().getSimpleName() + (sql.getSQLState() == null ? "" : " (SQL state " + sql.getSQLState() + ")");
            }
        }
        Throwable cause = failure instanceof NestedRuntimeException n ? n.getMostSpecificCause() : failure;
        return String.valueOf(cause.getMessage());
    }
}
