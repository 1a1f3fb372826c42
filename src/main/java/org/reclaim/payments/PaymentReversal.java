package org.reclaim.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.accounts.Posting;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes back a payment that the bank did not pay after all (a Direct Debit returned unpaid, a bounced cheque): for each
 * part of it still allocated, a PAYMENT_REVERSAL of the same amount on the same year, and a negative allocation line
 * that cancels the part, so the year owes again what it owed before. Happens once: a payment already reversed is
 * left as it is.
 */
@Service
public class PaymentReversal {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Ledger ledger;
    private final Clock clock;

    PaymentReversal(JdbcClient jdbc, Accounts accounts, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** What a reversal did: the amount taken back, zero if the payment had been reversed (or never posted) before. */
    public record Reversed(long paymentId, Money amount) {
    }

    @Transactional
    public Reversed reverse(int authorityId, long paymentId, LocalDate on, String reason) {
        jdbc.sql("select id from payment where authority_id = ? and id = ? for update").params(authorityId, paymentId).query(Long.class).single();
        boolean first = jdbc.sql("""
                insert into payment_reversal (authority_id, payment_id, reversed_on, reason, reversed_at, reversed_by)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(authorityId, paymentId, on, reason, OffsetDateTime.now(clock), AccessAudit.currentUser()).update() == 1;
        if (!first) {
            return new Reversed(paymentId, Money.ZERO);   // reversed before: once only
        }
        record Part(long accountId, String accountReference, int year, String part, long pence) {
        }
        List<Part> parts = jdbc.sql("""
                select l.account_id, a.reference, l.financial_year, l.part, sum(l.amount_pence)
                from payment_allocation l join account a on a.authority_id = l.authority_id and a.id = l.account_id
                where l.authority_id = ? and l.payment_id = ?
                group by l.account_id, a.reference, l.financial_year, l.part having sum(l.amount_pence) > 0
                order by min(l.line)""")
                .params(authorityId, paymentId)
                .query((rs, n) -> new Part(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5)))
                .list();
        if (parts.isEmpty()) {
            return new Reversed(paymentId, Money.ZERO);
        }
        Account account = accounts.get(new AccountReference(parts.get(0).accountReference()));
        accounts.lock(account);
        int line = jdbc.sql("select max(line) from payment_allocation where authority_id = ? and payment_id = ?")
                .params(authorityId, paymentId).query(Integer.class).single();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String user = AccessAudit.currentUser();
        long total = 0;
        for (Part p : parts) {
            line++;
            LedgerEntry entry = ledger.post(new Posting(new AccountReference(p.accountReference()), FinancialYear.of(p.year()),
                    EntryType.PAYMENT_REVERSAL, Money.ofPence(p.pence()), on, on, "Payment " + paymentId + " reversed: " + reason,
                    "payment-" + paymentId + "-reversed-" + p.year() + "-" + p.part(), null));
            jdbc.sql("""
                    insert into payment_allocation (authority_id, payment_id, line, account_id, financial_year, part, amount_pence,
                                                    ledger_entry_id, reason, allocated_at, allocated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(authorityId, paymentId, line, p.accountId(), p.year(), p.part(), -p.pence(), entry.id(),
                            "reversed: " + reason, now, user)
                    .update();
            total += p.pence();
        }
        return new Reversed(paymentId, Money.ofPence(total));
    }
}
