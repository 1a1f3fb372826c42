package org.reclaim.recovery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places, ends and lists the holds on accounts' recovery. */
@Service
public class Holds {

    /** A hold; {@code endsOn} is the last day in force, {@code endedOn} the day an officer ended it early. */
    public record Hold(long id, long accountId, HoldType type, LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable LocalDate reviewOn,
                       String reason, OffsetDateTime createdAt, String createdBy, @Nullable LocalDate endedOn, @Nullable String endedBy,
                       @Nullable String endReason) {

        public boolean inForceOn(LocalDate date) {
            return !date.isBefore(startsOn) && (endsOn == null || !date.isAfter(endsOn)) && (endedOn == null || date.isBefore(endedOn));
        }
    }

    /**
     * A standard breathing space lasts 60 days (SI 2020/1311 reg 26): from its start day to the 60th day, inclusive.
     */
    static final int STANDARD_BREATHING_SPACE_DAYS = 60;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AccessAudit audit;
    private final Clock clock;

    Holds(JdbcClient jdbc, Accounts accounts, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Hold place(Account account, HoldType type, LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable LocalDate reviewOn, String reason) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (reason.isBlank()) {
            errors.add(new InvalidInput.FieldError("reason", "is required: say why recovery is held"));
        }
        if (type == HoldType.BREATHING_SPACE_STANDARD && endsOn == null) {
            // the moratorium's length is set by SI 2020/1311 reg 26: the end is known when it starts
            endsOn = startsOn.plusDays(STANDARD_BREATHING_SPACE_DAYS - 1);
        }
        if (type == HoldType.BREATHING_SPACE_STANDARD && endsOn.isAfter(startsOn.plusDays(STANDARD_BREATHING_SPACE_DAYS - 1))) {
            errors.add(new InvalidInput.FieldError("endsOn", "a standard breathing space lasts 60 days (SI 2020/1311 reg 26), so it ends by "
                    + startsOn.plusDays(STANDARD_BREATHING_SPACE_DAYS - 1)));
        }
        if (type == HoldType.BREATHING_SPACE_MENTAL_HEALTH && reviewOn == null) {
            // it lasts while the crisis treatment lasts and 30 days more (SI 2020/1311 Part 3): its end is not known at the start
            errors.add(new InvalidInput.FieldError("reviewOn", "a mental health crisis breathing space lasts while the crisis treatment lasts "
                    + "and 30 days after (SI 2020/1311, Part 3): give a date to review it"));
        }
        if (endsOn == null && reviewOn == null) {
            errors.add(new InvalidInput.FieldError("endsOn", "a hold without an end or review date is refused: give endsOn or reviewOn"));
        }
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new InvalidInput.FieldError("endsOn", "is before the hold starts"));
        }
        if (reviewOn != null && reviewOn.isBefore(startsOn)) {
            errors.add(new InvalidInput.FieldError("reviewOn", "is before the hold starts"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        // the same hold placed again (a form sent twice, an API call retried) is the one already in force, not a second
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('recovery_hold:' || ? || ':' || ?, 0))")
                .params(account.authorityId(), account.id()).query().singleRow();
        Optional<Long> same = jdbc.sql("""
                select id from recovery_hold where authority_id = ? and account_id = ? and hold_type = ? and starts_on = ?
                  and ends_on is not distinct from ? and review_on is not distinct from ? and reason = ? and ended_on is null
                order by id limit 1""")
                .params(account.authorityId(), account.id(), type.name(), startsOn, endsOn, reviewOn, reason).query(Long.class).optional();
        if (same.isPresent()) {
            return get(account, same.get());
        }
        long id = jdbc.sql("""
                insert into recovery_hold (authority_id, account_id, hold_type, starts_on, ends_on, review_on, reason, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(account.authorityId(), account.id(), type.name(), startsOn, endsOn, reviewOn, reason, OffsetDateTime.now(clock),
                        AccessAudit.currentUser())
                .query(Long.class).single();
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                "recovery hold " + type + " placed from " + startsOn);
        return get(account, id);
    }

    /** Ends a hold early, from {@code endedOn}. */
    @Transactional
    public Hold end(Account account, long holdId, LocalDate endedOn, String reason) {
        Hold hold = get(account, holdId);
        if (reason.isBlank()) {
            throw InvalidInput.of("reason", "is required: say why the hold ends");
        }
        if (hold.endedOn() != null) {
            throw Conflict.because("hold " + holdId + " was already ended on " + hold.endedOn() + " by " + hold.endedBy());
        }
        if (endedOn.isBefore(hold.startsOn())) {
            throw InvalidInput.of("endedOn", "is before the hold started (" + hold.startsOn() + ")");
        }
        jdbc.sql("""
                update recovery_hold set ended_on = ?, ended_at = ?, ended_by = ?, end_reason = ?
                where authority_id = ? and id = ? and ended_on is null""")
                .params(endedOn, OffsetDateTime.now(clock), AccessAudit.currentUser(), reason, account.authorityId(), holdId).update();
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                "recovery hold " + hold.type() + " ended from " + endedOn);
        return get(account, holdId);
    }

    public List<Hold> of(Account account) {
        return jdbc.sql(SELECT + " where authority_id = ? and account_id = ? order by starts_on desc, id desc")
                .params(account.authorityId(), account.id()).query(Holds::map).list();
    }

    /** The holds on each of these accounts (none for an account without any), in one query: for runs over many accounts. */
    public Map<Long, List<Hold>> of(int authorityId, Collection<Long> accountIds) {
        return jdbc.sql(SELECT + " where authority_id = ? and account_id = any(?) order by account_id, starts_on desc, id desc")
                .params(authorityId, accountIds.toArray(Long[]::new)).query(Holds::map).list().stream()
                .collect(Collectors.groupingBy(Hold::accountId));
    }

    Hold get(Account account, long id) {
        return jdbc.sql(SELECT + " where authority_id = ? and account_id = ? and id = ?")
                .params(account.authorityId(), account.id(), id).query(Holds::map).optional()
                .orElseThrow(() -> NotFound.of("hold on account " + account.reference() + " with id", id));
    }

    private static final String SELECT = """
            select id, account_id, hold_type, starts_on, ends_on, review_on, reason, created_at, created_by, ended_on, ended_by, end_reason
            from recovery_hold""";

    private static Hold map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Hold(rs.getLong(1), rs.getLong(2), HoldType.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12));
    }

    /** SQL for "a hold in force on :date on account a", for the run's set-based queries. */
    static final String IN_FORCE = """
            h.authority_id = a.authority_id and h.account_id = a.id and h.starts_on <= :date
              and (h.ends_on is null or h.ends_on >= :date) and (h.ended_on is null or h.ended_on > :date)""";
}
