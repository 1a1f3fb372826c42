package org.reclaim.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.CopyRows;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts to and reads the ledger. There is no update or delete here, and the table refuses them too: a correction is
 * a new entry that names the one it corrects. Postings to one account are serialised by a row lock on the account,
 * so rules that read the balance before posting see every earlier posting.
 */
@Service
public class Ledger {

    public record YearBalance(FinancialYear financialYear, Money balance) {
    }

    private static final String SELECT = """
            select id, account_id, financial_year, entry_type, amount_pence, effective_on, due_on, posted_at, posted_by,
                   description, idempotency_key, corrects_entry_id
            from ledger_entry""";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    private final Accounts accounts;
    private final AccessAudit audit;
    private final Clock clock;
    private final DataSource dataSource;
    /** Looked up when needed: the modules that provide schedules also post to the ledger. */
    private final ObjectProvider<DueSchedule> schedules;

    Ledger(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, Accounts accounts, AccessAudit audit, Clock clock,
           DataSource dataSource, ObjectProvider<DueSchedule> schedules) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.schedules = schedules;
    }

    /** Posts the entry, or returns the entry already posted with the same idempotency key. */
    @Transactional
    public LedgerEntry post(Posting posting) {
        Account account = accounts.get(posting.account());
        String refusal = posting.type().refusal(posting.amount().pence());
        if (refusal != null) {
            throw InvalidInput.of("amountPence", refusal);
        }
        if (posting.description().isBlank()) {
            throw InvalidInput.of("description", "is required: say why the money moved");
        }
        accounts.lock(account);
        if (posting.idempotencyKey() != null) {
            Optional<LedgerEntry> earlier = byKey(account.authorityId(), posting.idempotencyKey());
            if (earlier.isPresent() && earlier.get().accountId() != account.id()) {
                throw Conflict.because("idempotency key " + posting.idempotencyKey() + " was already used for a posting to another account");
            }
            if (earlier.isPresent() && !sameMovement(earlier.get(), posting)) {
                throw Conflict.because("idempotency key " + posting.idempotencyKey() + " was already used for a different "
                        + earlier.get().type() + " of " + earlier.get().amount() + " on " + earlier.get().effectiveOn());
            }
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (posting.correctsEntryId() != null && !jdbc.sql("select exists (select 1 from ledger_entry where authority_id = ? and account_id = ? and id = ?)")
                .params(account.authorityId(), account.id(), posting.correctsEntryId()).query(Boolean.class).single()) {
            throw InvalidInput.of("correctsEntryId", "entry " + posting.correctsEntryId() + " is not on account " + posting.account());
        }
        LocalDate dueOn = posting.amount().isPositive()
                ? (posting.dueOn() == null ? posting.effectiveOn() : posting.dueOn())
                : null;
        long id = jdbc.sql("""
                insert into ledger_entry (authority_id, account_id, financial_year, entry_type, amount_pence, effective_on, due_on,
                                          posted_at, posted_by, description, idempotency_key, corrects_entry_id, scheduled)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(account.authorityId(), account.id(), posting.financialYear().startYear(), posting.type().name(),
                        posting.amount().pence(), posting.effectiveOn(), dueOn, OffsetDateTime.now(clock),
                        AccessAudit.currentUser(), posting.description(), posting.idempotencyKey(), posting.correctsEntryId(),
                        posting.scheduled())
                .query(Long.class).single();
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                posting.type() + " " + posting.amount() + " posted");
        return jdbc.sql(SELECT + " where authority_id = ? and id = ?").params(account.authorityId(), id).query(Ledger::map).single();
    }

    /**
     * Posts many entries of one authority in one batch, for runs (weekly rent debits, annual billing). Each must carry an
     * idempotency key: an entry whose key is already on the ledger is skipped, so a run repeated after a crash posts
     * each entry once. No account lock is taken: batch postings do not depend on the balance. Returns how many were posted.
     */
    @Transactional
    public int postAll(int authorityId, List<Posting> postings) {
        refuseInvalid(postings);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String user = AccessAudit.currentUser();
        int[][] counts = jdbcTemplate.batchUpdate("""
                insert into ledger_entry (authority_id, account_id, financial_year, entry_type, amount_pence, effective_on, due_on,
                                          posted_at, posted_by, description, idempotency_key, scheduled)
                select a.authority_id, a.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from account a where a.authority_id = ? and a.reference = ?
                on conflict (authority_id, idempotency_key) do nothing""",
                postings, 1000, (ps, p) -> {
                    ps.setInt(1, p.financialYear().startYear());
                    ps.setString(2, p.type().name());
                    ps.setLong(3, p.amount().pence());
                    ps.setObject(4, p.effectiveOn());
                    ps.setObject(5, p.amount().isPositive() ? (p.dueOn() == null ? p.effectiveOn() : p.dueOn()) : null);
                    ps.setObject(6, now);
                    ps.setString(7, user);
                    ps.setString(8, p.description());
                    ps.setString(9, p.idempotencyKey());
                    ps.setBoolean(10, p.scheduled());
                    ps.setInt(11, authorityId);
                    ps.setString(12, p.account().value());
                });
        int posted = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                posted += Math.max(c, 0);
            }
        }
        return posted;
    }

    /** A posting to an account already known by id, for {@link #copyAll}. */
    public record AccountPosting(long accountId, Posting posting) {
    }

    /**
     * Posts many new entries of one authority with COPY, for runs that write hundreds of thousands (annual billing).
     * Every key must be new: a run makes its keys from rows it creates in the same transaction, and a key already on
     * the ledger fails the whole batch, so nothing is ever posted twice. Runs in the caller's transaction. Returns the new
     * entries' ids, in the order of the postings.
     */
    @Transactional
    public List<Long> copyAll(int authorityId, List<AccountPosting> postings) {
        refuseInvalid(postings.stream().map(AccountPosting::posting).toList());
        if (postings.isEmpty()) {
            return List.of();
        }
        // ids drawn from the table's own sequence, so the caller can link to the entries without reading them back
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('ledger_entry', 'id')) from generate_series(1, ?)")
                .param(postings.size()).query(Long.class).list();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String user = AccessAudit.currentUser();
        CopyRows rows = new CopyRows("ledger_entry", "authority_id, id, account_id, financial_year, entry_type, amount_pence, effective_on, "
                + "due_on, posted_at, posted_by, description, idempotency_key, corrects_entry_id, scheduled");
        for (int i = 0; i < postings.size(); i++) {
            Posting p = postings.get(i).posting();
            rows.add(authorityId, ids.get(i), postings.get(i).accountId(), p.financialYear().startYear(), p.type().name(), p.amount().pence(),
                    p.effectiveOn(), p.amount().isPositive() ? (p.dueOn() == null ? p.effectiveOn() : p.dueOn()) : null, now, user,
                    p.description(), p.idempotencyKey(), p.correctsEntryId(), p.scheduled());
        }
        rows.copyInto(dataSource);
        return ids;
    }

    /** Batch postings are checked before any is written: the sign each type allows, and a key to make a re-run safe. */
    private static void refuseInvalid(List<Posting> postings) {
        for (int i = 0; i < postings.size(); i++) {
            Posting p = postings.get(i);
            String refusal = p.type().refusal(p.amount().pence());
            if (refusal != null) {
                throw InvalidInput.of("postings[" + i + "].amountPence", refusal);
            }
            if (p.idempotencyKey() == null) {
                throw InvalidInput.of("postings[" + i + "].idempotencyKey", "is required for a batch posting");
            }
        }
    }

    /** A retry is the same movement: same type, amount, year and date. */
    private static boolean sameMovement(LedgerEntry earlier, Posting posting) {
        return earlier.type() == posting.type() && earlier.amount().equals(posting.amount())
                && earlier.financialYear().equals(posting.financialYear()) && earlier.effectiveOn().equals(posting.effectiveOn());
    }

    private Optional<LedgerEntry> byKey(int authorityId, String key) {
        return jdbc.sql(SELECT + " where authority_id = ? and idempotency_key = ?").params(authorityId, key).query(Ledger::map).optional();
    }

    public List<LedgerEntry> entries(Account account) {
        return jdbc.sql(SELECT + " where authority_id = ? and account_id = ? order by id")
                .params(account.authorityId(), account.id()).query(Ledger::map).list();
    }

    /** What the account owes: the sum of its entries; negative when it is in credit. */
    public Money balance(Account account) {
        return Money.ofPence(jdbc.sql("select coalesce(sum(amount_pence), 0) from ledger_entry where authority_id = ? and account_id = ?")
                .params(account.authorityId(), account.id()).query(Long.class).single());
    }

    /**
     * What is overdue on the date: debits that had fallen due by then, less the credits made by then; never below zero
     * (a credit is shown by the balance, not as negative arrears). A scheduled debit (a bill's charge) falls due as its
     * plan says: each year's instalments due by the date, from the {@link DueSchedule}s, in place of the entry's own
     * due date. A year with scheduled debits and no plan counts them from their due date.
     */
    public Money arrears(Account account, LocalDate asOf) {
        return Money.ofPence(Math.max(0, overdueByYear(account, asOf).values().stream().mapToLong(Long::longValue).sum()));
    }

    /** Per year, what had fallen due by the date less the credits made by then (negative when the year is in credit). */
    private java.util.Map<FinancialYear, Long> overdueByYear(Account account, LocalDate asOf) {
        record YearSums(int year, long unscheduled, long scheduled) {
        }
        // per year: what had fallen due by the date, less credits made by then, for unscheduled and scheduled entries apart
        List<YearSums> years = jdbc.sql("""
                select financial_year,
                       coalesce(sum(amount_pence) filter (where not scheduled
                                and ((amount_pence > 0 and due_on <= :asOf) or (amount_pence < 0 and effective_on <= :asOf))), 0),
                       coalesce(sum(amount_pence) filter (where scheduled
                                and ((amount_pence > 0 and due_on <= :asOf) or (amount_pence < 0 and effective_on <= :asOf))), 0)
                from ledger_entry where authority_id = :authority and account_id = :account
                group by financial_year""")
                .param("asOf", asOf).param("authority", account.authorityId()).param("account", account.id())
                .query((rs, n) -> new YearSums(rs.getInt(1), rs.getLong(2), rs.getLong(3))).list();
        java.util.Map<FinancialYear, Money> planned = new java.util.HashMap<>();
        schedules.orderedStream().forEach(s -> planned.putAll(s.dueBy(account, asOf)));
        java.util.Map<FinancialYear, Long> owed = new java.util.TreeMap<>();
        for (YearSums y : years) {
            Money plan = planned.get(FinancialYear.of(y.year()));
            owed.put(FinancialYear.of(y.year()), y.unscheduled() + (plan == null ? y.scheduled() : plan.pence()));
        }
        return owed;
    }

    /** A year of an account: everything it owes for the year, and what of that is overdue (never below zero). */
    public record YearOwed(FinancialYear financialYear, Money balance, Money arrears) {
    }

    /** The account's balance and arrears on the date, in total and year by year (oldest year first). */
    public record Position(Money balance, Money arrears, List<YearOwed> years) {
    }

    /** The account's balance and arrears on the date, in total and by year: call it in one transaction for one snapshot. */
    public Position position(Account account, LocalDate asOf) {
        java.util.Map<FinancialYear, Long> overdue = overdueByYear(account, asOf);
        List<YearOwed> years = balancesByYear(account).stream()
                .map(y -> new YearOwed(y.financialYear(), y.balance(), Money.ofPence(Math.max(0, overdue.getOrDefault(y.financialYear(), 0L)))))
                .toList();
        long balance = years.stream().mapToLong(y -> y.balance().pence()).sum();
        long arrears = Math.max(0, overdue.values().stream().mapToLong(Long::longValue).sum());
        return new Position(Money.ofPence(balance), Money.ofPence(arrears), years);
    }

    public Money arrears(Account account) {
        return arrears(account, LocalDate.now(clock));
    }

    public List<YearBalance> balancesByYear(Account account) {
        return jdbc.sql("""
                select financial_year, sum(amount_pence) as balance from ledger_entry
                where authority_id = ? and account_id = ? group by financial_year order by financial_year""")
                .params(account.authorityId(), account.id())
                .query((rs, n) -> new YearBalance(FinancialYear.of(rs.getInt("financial_year")), Money.ofPence(rs.getLong("balance"))))
                .list();
    }

    private static LedgerEntry map(ResultSet rs, int n) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getLong("account_id"), FinancialYear.of(rs.getInt("financial_year")),
                EntryType.valueOf(rs.getString("entry_type")), Money.ofPence(rs.getLong("amount_pence")),
                rs.getObject("effective_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("posted_at", OffsetDateTime.class).toInstant(), rs.getString("posted_by"),
                rs.getString("description"), rs.getString("idempotency_key"), (Long) rs.getObject("corrects_entry_id"));
    }
}
