package org.reclaim.directdebit;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.reclaim.accounts.Account;
import org.reclaim.payments.PaymentMethod;
import org.reclaim.shared.AccessAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Direct Debit by Default": records the way of paying an account's payer chose, for the take-up report. Each flow
 * that sets up or changes how an account is paid calls it (a mandate, an arrangement); the latest choice counts.
 */
@Component
public class PaymentMethodChoices {

    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentMethodChoices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** In the caller's transaction. {@code source} says which flow recorded it, e.g. "arrangement 12". */
    public void record(Account account, PaymentMethod method, String source) {
        jdbc.sql("""
                insert into payment_method_choice (authority_id, account_id, method, source, chosen_at, chosen_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(account.authorityId(), account.id(), method.name(), source, OffsetDateTime.now(clock), AccessAudit.currentUser())
                .update();
    }
}
