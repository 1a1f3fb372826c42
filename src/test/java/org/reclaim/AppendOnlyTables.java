package org.reclaim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Checks that a table refuses a statement as append-only. */
public final class AppendOnlyTables {

    private AppendOnlyTables() {
    }

    /** Runs the statement in a transaction that is rolled back whatever happens, so a failure cannot harm other tests. */
    public static void assertRefused(TransactionTemplate transactions, JdbcClient jdbc, String sql) {
        Throwable thrown = catchThrowable(() -> transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            jdbc.sql(sql).update();
        }));
        assertThat(thrown).as(sql).isInstanceOf(DataAccessException.class);
        assertThat(thrown.getMessage()).as(sql).contains("append-only");
    }
}
