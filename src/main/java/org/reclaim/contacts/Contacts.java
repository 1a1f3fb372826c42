package org.reclaim.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records and lists the contacts on an account, and says when each account was last contacted. */
@Service
public class Contacts {

    /** What an officer records; {@code at} null means now. */
    public record NewContact(Contact.Channel channel, Contact.Direction direction, Contact.Outcome outcome, @Nullable String notes,
                             @Nullable OffsetDateTime at) {
    }

    /** A contact recorded, and whether it was already recorded by an earlier request with the same key. */
    public record Recorded(Contact contact, boolean repeated) {
    }

    private final JdbcClient jdbc;
    private final AccessAudit audit;
    private final Clock clock;

    Contacts(JdbcClient jdbc, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records the contact as made by the signed-in user; with an idempotency key, a repeat returns the first and records nothing. */
    @Transactional
    public Recorded record(Account account, NewContact contact, @Nullable String idempotencyKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime at = contact.at() == null ? now : contact.at();
        if (at.isAfter(now.plusMinutes(5))) {
            throw InvalidInput.of("at", "is in the future: record a contact once it has happened");
        }
        if (idempotencyKey != null) {
            Optional<Contact> earlier = byKey(account, idempotencyKey);
            if (earlier.isPresent()) {
                return new Recorded(sameAccount(earlier.get(), account, idempotencyKey), true);
            }
        }
        Long id = jdbc.sql("""
                insert into contact (authority_id, account_id, channel, direction, outcome, notes, at, recorded_at, recorded_by, idempotency_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (authority_id, idempotency_key) do nothing
                returning id""")
                .params(account.authorityId(), account.id(), contact.channel().name(), contact.direction().name(), contact.outcome().name(),
                        contact.notes(), at, now, AccessAudit.currentUser(), idempotencyKey)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            // the same key was recorded by a request running alongside this one
            return new Recorded(sameAccount(byKey(account, idempotencyKey).orElseThrow(), account, idempotencyKey), true);
        }
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                "contact recorded: " + contact.channel() + " " + contact.direction() + " " + contact.outcome());
        return new Recorded(get(account, id), false);
    }

    /** A letter that went out to the account: its document, what it was, and the key that records it once. */
    public record Posted(long accountId, String notes, String key) {
    }

    /**
     * Records letters sent in bulk (a print run's letters) as outbound LETTER contacts at {@code at}, each once (its key),
     * in one statement and the caller's transaction: a run of thousands of letters is one insert, not thousands. The
     * run that sent them is the record of who did it (the print batch's creator), so no access audit line per letter.
     */
    @Transactional
    public int recordPosted(int authorityId, List<Posted> letters, OffsetDateTime at) {
        if (letters.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                insert into contact (authority_id, account_id, channel, direction, outcome, notes, at, recorded_at, recorded_by, idempotency_key)
                select ?, l.account_id, 'LETTER', 'OUTBOUND', 'OTHER', l.notes, ?, ?, ?, l.key
                from unnest(?::bigint[], ?::text[], ?::text[]) as l (account_id, notes, key)
                on conflict (authority_id, idempotency_key) do nothing""")
                .params(authorityId, at, OffsetDateTime.now(clock), AccessAudit.currentUser(),
                        letters.stream().mapToLong(Posted::accountId).toArray(), letters.stream().map(Posted::notes).toArray(String[]::new),
                        letters.stream().map(Posted::key).toArray(String[]::new))
                .update();
    }

    /** The account's contacts, newest first, with a READ line in the access audit. */
    public List<Contact> of(Account account) {
        List<Contact> contacts = jdbc.sql(SELECT + " where c.authority_id = ? and c.account_id = ? order by c.at desc, c.id desc")
                .params(account.authorityId(), account.id()).query(Contacts::map).list();
        audit.record(account.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.ACCOUNT, account.reference(),
                "GET /api/v1/accounts/" + account.reference() + "/contacts");
        return contacts;
    }

    /** When each of the authority's accounts was last contacted; accounts never contacted are left out. */
    public Map<Long, Instant> lastContactOn(int authorityId, Collection<Long> accountIds) {
        Map<Long, Instant> last = new HashMap<>();
        if (accountIds.isEmpty()) {
            return last;
        }
        jdbc.sql("""
                select a.id, (select max(c.at) from contact c where c.authority_id = ? and c.account_id = a.id)
                from unnest(cast(? as bigint[])) as a (id)""")
                .params(authorityId, accountIds.stream().distinct().toArray(Long[]::new))
                .query((rs, n) -> {
                    OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                    if (at != null) {
                        last.put(rs.getLong(1), at.toInstant());
                    }
                    return null;
                }).list();
        return last;
    }

    private Optional<Contact> byKey(Account account, String key) {
        return jdbc.sql(SELECT + " where c.authority_id = ? and c.idempotency_key = ?").params(account.authorityId(), key)
                .query(Contacts::map).optional();
    }

    private static Contact sameAccount(Contact earlier, Account account, String key) {
        if (!earlier.accountReference().equals(account.reference().value())) {
            throw Conflict.because("Idempotency-Key " + key + " was already used for a contact on another account");
        }
        return earlier;
    }

    private Contact get(Account account, long id) {
        return jdbc.sql(SELECT + " where c.authority_id = ? and c.id = ?").params(account.authorityId(), id).query(Contacts::map).single();
    }

    private static final String SELECT = """
            select c.id, a.reference, c.channel, c.direction, c.outcome, c.notes, c.at, c.recorded_by, c.recorded_at
            from contact c join account a on a.authority_id = c.authority_id and a.id = c.account_id""";

    private static Contact map(ResultSet rs, int n) throws SQLException {
        return new Contact(rs.getLong(1), rs.getString(2), Contact.Channel.valueOf(rs.getString(3)), Contact.Direction.valueOf(rs.getString(4)),
                Contact.Outcome.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class));
    }
}
