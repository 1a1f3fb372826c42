package org.reclaim.directdebit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.directdebit.bacs.BankAccount;
import org.reclaim.directdebit.bacs.BankDetails;
import org.reclaim.directdebit.bacs.Originator;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Each authority as a Bacs service user: its Service User Number and the account collections are paid into. Data, set by an administrator. */
@Service
class Originators {

    private final JdbcClient jdbc;
    private final Clock clock;

    Originators(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Originator> find(int authorityId) {
        return jdbc.sql("select service_user_number, sort_code, account_number, account_name from direct_debit_originator where authority_id = ?")
                .param(authorityId)
                .query((rs, n) -> new Originator(rs.getString(1), new BankDetails(new BankAccount(rs.getString(2), rs.getString(3)), rs.getString(4))))
                .optional();
    }

    Originator get(BillingAuthority authority) {
        return find(authority.id()).orElseThrow(() -> InvalidInput.of("authority", authority.name() + " has no Direct Debit originator "
                + "details (Service User Number and bank account): an administrator sets them with PUT /api/v1/authorities/"
                + authority.gssCode() + "/direct-debit-originator"));
    }

    Originator set(BillingAuthority authority, Originator originator) {
        jdbc.sql("""
                insert into direct_debit_originator (authority_id, service_user_number, sort_code, account_number, account_name, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (authority_id) do update set service_user_number = excluded.service_user_number, sort_code = excluded.sort_code,
                    account_number = excluded.account_number, account_name = excluded.account_name, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .params(authority.id(), originator.serviceUserNumber(), originator.account().sortCode(), originator.account().accountNumber(),
                        originator.account().accountName(), OffsetDateTime.now(clock), AccessAudit.currentUser())
                .update();
        return originator;
    }
}
