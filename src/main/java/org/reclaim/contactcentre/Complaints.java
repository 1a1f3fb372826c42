package org.reclaim.contactcentre;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Complaints from customers and their outcome, recorded once; reported by the month they were received. Every read and change is audited. */
@Service
public class Complaints {

    public enum Category { DELAY, STAFF_CONDUCT, DECISION, ENFORCEMENT_AGENT, COMMUNICATION, BILLING, OTHER }

    public enum Outcome { UPHELD, PARTLY_UPHELD, NOT_UPHELD }

    public record Complaint(long id, long customerId, Category category, String details, LocalDate receivedOn, @Nullable Outcome outcome,
                            @Nullable String response, @Nullable LocalDate respondedOn, String recordedBy, OffsetDateTime recordedAt,
                            @Nullable String outcomeBy) {
    }

    /**
     * One month's complaints (by the month received): how many, how many answered, each outcome, the share upheld in full
     * or in part of those answered (a percentage to one decimal place, half up; null when none answered) and the average
     * calendar days from received to responded (one decimal place, half up).
     */
    public record Month(String month, long received, long responded, long upheld, long partlyUpheld, long notUpheld,
                        @Nullable BigDecimal upheldSharePercent, @Nullable BigDecimal averageDaysToRespond) {
    }

    public record Recorded(Complaint complaint, boolean repeated) {
    }

    private final JdbcClient jdbc;
    private final Parties parties;
    private final AccessAudit audit;
    private final Clock clock;

    Complaints(JdbcClient jdbc, Parties parties, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a complaint from the customer; with an idempotency key a repeat returns the first and records nothing. */
    @Transactional
    public Recorded record(long customerId, Category category, String details, LocalDate receivedOn, @Nullable String idempotencyKey) {
        Party party = parties.get(customerId);
        if (receivedOn.isAfter(LocalDate.now(clock))) {
            throw InvalidInput.of("receivedOn", "is in the future");
        }
        if (idempotencyKey != null) {
            Optional<Complaint> earlier = byKey(party.authorityId(), idempotencyKey);
            if (earlier.isPresent()) {
                if (earlier.get().customerId() != customerId) {
                    throw Conflict.because("Idempotency-Key " + idempotencyKey + " was already used for another customer's complaint");
                }
                return new Recorded(earlier.get(), true);
            }
        }
        Long id = jdbc.sql("""
                insert into complaint (authority_id, party_id, category, details, received_on, recorded_at, recorded_by, idempotency_key)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (authority_id, idempotency_key) do nothing returning id""")
                .params(party.authorityId(), customerId, category.name(), details, receivedOn, OffsetDateTime.now(clock),
                        AccessAudit.currentUser(), idempotencyKey)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return new Recorded(byKey(party.authorityId(), idempotencyKey).orElseThrow(), true);
        }
        audit.record(party.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.PARTY, customerId, "complaint recorded: " + category);
        return new Recorded(get(id), false);
    }

    /** Records the outcome once: the same outcome again changes nothing (repeated), another is refused. */
    @Transactional
    public Recorded recordOutcome(long complaintId, Outcome outcome, String response, LocalDate respondedOn) {
        Complaint c = jdbc.sql(SELECT + " where id = ? for update").param(complaintId).query(Complaints::map).optional()
                .orElseThrow(() -> NotFound.of("complaint", complaintId));
        if (c.outcome() != null) {
            if (c.outcome() == outcome && Objects.equals(c.response(), response) && respondedOn.equals(c.respondedOn())) {
                return new Recorded(c, true);
            }
            throw Conflict.because("complaint " + complaintId + " already has its outcome (" + c.outcome() + " on " + c.respondedOn() + ")");
        }
        if (respondedOn.isBefore(c.receivedOn())) {
            throw InvalidInput.of("respondedOn", "is before the complaint was received (" + c.receivedOn() + ")");
        }
        if (respondedOn.isAfter(LocalDate.now(clock))) {
            throw InvalidInput.of("respondedOn", "is in the future");
        }
        int authorityId = parties.get(c.customerId()).authorityId();
        jdbc.sql("""
                update complaint set outcome = ?, response = ?, responded_on = ?, outcome_at = ?, outcome_by = ?
                where authority_id = ? and id = ? and outcome is null""")
                .params(outcome.name(), response, respondedOn, OffsetDateTime.now(clock), AccessAudit.currentUser(), authorityId, complaintId)
                .update();
        audit.record(authorityId, AccessAudit.Action.CHANGE, AccessAudit.Subject.PARTY, c.customerId(),
                "complaint " + complaintId + " outcome: " + outcome);
        return new Recorded(get(complaintId), false);
    }

    /** The customer's complaints, newest first, with a READ line in the access audit. */
    public List<Complaint> of(long customerId) {
        Party party = parties.get(customerId);
        List<Complaint> list = jdbc.sql(SELECT + " where authority_id = ? and party_id = ? order by received_on desc, id desc")
                .params(party.authorityId(), customerId).query(Complaints::map).list();
        audit.record(party.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.PARTY, customerId,
                "GET /api/v1/customers/" + customerId + "/complaints");
        return list;
    }

    public Complaint read(long complaintId) {
        Complaint c = get(complaintId);
        audit.record(parties.get(c.customerId()).authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.PARTY, c.customerId(),
                "GET /api/v1/complaints/" + complaintId);
        return c;
    }

    /** The authority's complaints received from {@code from} to {@code to}, by month received. */
    public List<Month> report(int authorityId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw InvalidInput.of("to", "is before from");
        }
        return jdbc.sql("""
                select extract(year from received_on), extract(month from received_on), count(*), count(outcome),
                       count(*) filter (where outcome = 'UPHELD'), count(*) filter (where outcome = 'PARTLY_UPHELD'),
                       count(*) filter (where outcome = 'NOT_UPHELD'), coalesce(sum(responded_on - received_on), 0)
                from complaint where authority_id = ? and received_on between ? and ?
                group by 1, 2 order by 1, 2""")
                .params(authorityId, from, to)
                .query((rs, n) -> {
                    long responded = rs.getLong(4);
                    return new Month(YearMonth.of(rs.getInt(1), rs.getInt(2)).toString(), rs.getLong(3), responded, rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), responded == 0 ? null : share(rs.getLong(5) + rs.getLong(6), responded),
                            responded == 0 ? null : BigDecimal.valueOf(rs.getLong(8)).divide(BigDecimal.valueOf(responded), 1, RoundingMode.HALF_UP));
                }).list();
    }

    private static BigDecimal share(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private Complaint get(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Complaints::map).optional().orElseThrow(() -> NotFound.of("complaint", id));
    }

    private Optional<Complaint> byKey(int authorityId, String key) {
        return jdbc.sql(SELECT + " where authority_id = ? and idempotency_key = ?").params(authorityId, key).query(Complaints::map).optional();
    }

    private static final String SELECT = """
            select id, party_id, category, details, received_on, outcome, response, responded_on, recorded_by, recorded_at, outcome_by
            from complaint""";

    private static Complaint map(ResultSet rs, int n) throws SQLException {
        return new Complaint(rs.getLong(1), rs.getLong(2), Category.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class),
                rs.getString(6) == null ? null : Outcome.valueOf(rs.getString(6)), rs.getString(7), rs.getObject(8, LocalDate.class),
                rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getString(11));
    }
}
