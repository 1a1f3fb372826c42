package org.reclaim.recovery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The magistrates' court hearings an authority has for its liability order complaints, and the summons batches listed
 * for them. A summons may be listed only for a hearing at least 14 days after it was issued: the court may not make
 * the order until 14 days after service (SI 1992/613 reg 35(2A)). Business rates use the same interval; the SI 1989/1058
 * paragraph for it was not verified.
 */
@Service
public class Hearings {

    /** Days between the summons and the hearing, at the least (SI 1992/613 reg 35(2A)). */
    static final int MINIMUM_DAYS_AFTER_SUMMONS = 14;

    public record Hearing(long id, String authority, String court, LocalDate hearingOn, int capacity, int listed, OffsetDateTime createdAt,
                          String createdBy) {
    }

    /** A summons batch: how many were listed now and how many of the day's summonses were already listed. */
    public record Batch(long hearingId, LocalDate issuedOn, int listed, int alreadyListed, int placesLeft) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Hearings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Hearing create(BillingAuthority authority, String court, LocalDate hearingOn, int capacity) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (court.isBlank()) {
            errors.add(new InvalidInput.FieldError("court", "is required: the magistrates' court's name"));
        }
        if (capacity < 1 || capacity > 100_000) {
            errors.add(new InvalidInput.FieldError("capacity", "must be from 1 to 100000: the cases the court will take that day"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into court_hearing (authority_id, court, hearing_on, capacity, created_at, created_by)
                    values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(authority.id(), court.strip(), hearingOn, capacity, OffsetDateTime.now(clock), AccessAudit.currentUser())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw Conflict.because("there is already a hearing at " + court.strip() + " on " + hearingOn + " for " + authority.name());
        }
        return get(id);
    }

    public List<Hearing> of(BillingAuthority authority, @Nullable LocalDate from) {
        return jdbc.sql(SELECT + " where h.authority_id = ? and h.hearing_on >= ? order by h.hearing_on, h.court")
                .params(authority.id(), from == null ? LocalDate.of(1993, 4, 1) : from).query(Hearings::map).list();
    }

    public Hearing get(long id) {
        return jdbc.sql(SELECT + " where h.id = ?").param(id).query(Hearings::map).optional()
                .orElseThrow(() -> NotFound.of("hearing", id));
    }

    Optional<Hearing> at(int authorityId, String court, LocalDate hearingOn) {
        return jdbc.sql(SELECT + " where h.authority_id = ? and h.court = ? and h.hearing_on = ?")
                .params(authorityId, court, hearingOn).query(Hearings::map).optional();
    }

    int authorityOf(long hearingId) {
        return jdbc.sql("select authority_id from court_hearing where id = ?").param(hearingId).query(Integer.class).optional()
                .orElseThrow(() -> NotFound.of("hearing", hearingId));
    }

    /**
     * Lists for the hearing every summons of the authority issued on {@code issuedOn} and not listed yet. Refused whole
     * if the hearing is too soon after the summonses (reg 35(2A)) or has too few places left for them.
     */
    @Transactional
    public Batch listSummonses(long hearingId, LocalDate issuedOn) {
        int authorityId = authorityOf(hearingId);
        // one batch at a time per hearing, so two batches cannot both take the last places
        Hearing hearing = jdbc.sql(SELECT + " where h.authority_id = ? and h.id = ? for update of h")
                .params(authorityId, hearingId).query(Hearings::map).single();
        String tooSoon = tooSoon(issuedOn, hearing.hearingOn());
        if (tooSoon != null) {
            throw InvalidInput.of("issuedOn", tooSoon);
        }
        record Summons(long actionId, boolean listed) {
        }
        List<Summons> summonses = jdbc.sql("""
                select s.id, exists (select 1 from court_listing l where l.authority_id = s.authority_id and l.summons_action_id = s.id)
                from recovery_action s where s.authority_id = ? and s.code = 'SUMMONS' and s.issued_on = ? order by s.account_id, s.financial_year""")
                .params(authorityId, issuedOn).query((rs, n) -> new Summons(rs.getLong(1), rs.getBoolean(2))).list();
        List<Long> toList = summonses.stream().filter(s -> !s.listed()).map(Summons::actionId).toList();
        int placesLeft = hearing.capacity() - hearing.listed();
        if (toList.size() > placesLeft) {
            throw Conflict.because(toList.size() + " summonses issued on " + issuedOn + " are not listed yet, but the hearing at " + hearing.court()
                    + " on " + hearing.hearingOn() + " has " + placesLeft + " of " + hearing.capacity() + " places left: create another hearing");
        }
        if (!toList.isEmpty()) {
            jdbc.sql("""
                    insert into court_listing (authority_id, hearing_id, account_id, financial_year, summons_action_id, listed_at, listed_by)
                    select s.authority_id, ?, s.account_id, s.financial_year, s.id, ?, ?
                    from recovery_action s where s.authority_id = ? and s.id = any (?::bigint[])""")
                    .params(hearingId, OffsetDateTime.now(clock), AccessAudit.currentUser(), authorityId, toList.toArray(Long[]::new))
                    .update();
        }
        return new Batch(hearingId, issuedOn, toList.size(), summonses.size() - toList.size(), placesLeft - toList.size());
    }

    /** Why a hearing on {@code hearingOn} is too soon for a summons issued on {@code issuedOn}, or null. */
    static @Nullable String tooSoon(LocalDate issuedOn, LocalDate hearingOn) {
        long days = ChronoUnit.DAYS.between(issuedOn, hearingOn);
        if (days >= MINIMUM_DAYS_AFTER_SUMMONS) {
            return null;
        }
        return "the hearing on " + hearingOn + " is " + days + " days after the summonses issued on " + issuedOn + ": no liability order may be "
                + "made until 14 days after the summons was served (SI 1992/613 reg 35(2A)); list them for a hearing on or after "
                + issuedOn.plusDays(MINIMUM_DAYS_AFTER_SUMMONS);
    }

    private static final String SELECT = """
            select h.id, g.gss_code, h.court, h.hearing_on, h.capacity,
                   (select count(*) from court_listing l where l.authority_id = h.authority_id and l.hearing_id = h.id), h.created_at, h.created_by
            from court_hearing h join billing_authority g on g.id = h.authority_id""";

    private static Hearing map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Hearing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6),
                rs.getObject(7, OffsetDateTime.class), rs.getString(8));
    }
}
