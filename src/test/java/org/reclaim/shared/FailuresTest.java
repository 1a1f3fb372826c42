package org.reclaim.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class FailuresTest {

    @Test
    void aDatabaseFailureIsNamedWithoutTheRowItQuotes() {
        SQLException sql = new SQLException("ERROR: duplicate key. Detail: Failing row contains (Mrs Ella Johnson, 40-05-15, 87654321)", "23505");
        assertThat(Failures.describe(new DataIntegrityViolationException("insert failed", sql))).isEqualTo("SQLException (SQL state 23505)");
        assertThat(Failures.describe(new IllegalStateException("COPY into mandate failed: " + sql.getMessage(), sql)))
                .isEqualTo("SQLException (SQL state 23505)").doesNotContain("Johnson");
    }

    @Test
    void anyOtherFailureKeepsItsWords() {
        assertThat(Failures.describe(new IllegalStateException("killed part-way"))).isEqualTo("killed part-way");
        assertThat(Failures.describe(InvalidInput.of("date", "is not a banking day"))).isEqualTo("date: is not a banking day");
    }
}
