package org.reclaim.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** Records, ends and reads the circumstance facts of customers. Every read and change is in the access audit. */
@Service
public class CircumstanceFacts {

    /** A fact about a customer from {@code startsOn} to {@code endsOn} (open-ended when null). */
    public record Fact(long id, long partyId, CircumstanceFact fact, LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable String note,
                       OffsetDateTime recordedAt, String recordedBy) {

        public boolean inForceOn(LocalDate day) {
            return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
        }
    }

    /** A fact recorded, or the same one found already recorded ({@code repeated}). */
    public record Recorded(Fact fact, boolean repeated) {
    }

    private final JdbcClient jdbc;
    private final Parties parties;
    private final AccessAudit audit;
    private final Clock clock;

    CircumstanceFacts(JdbcClient jdbc, Parties parties, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Recorded record(long partyId, CircumstanceFact fact, LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable String note) {
        Party party = parties.get(partyId);
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw InvalidInput.of("endsOn", "is before startsOn (" + startsOn + ")");
        }
        String trimmed = note == null || note.isBlank() ? null : note.trim();
        Long inserted = jdbc.sql("""
                insert into circumstance_fact (authority_id, party_id, fact, starts_on, ends_on, note, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (authority_id, party_id, fact, starts_on) do nothing returning id""")
                .params(party.authorityId(), partyId, fact.name(), startsOn, endsOn, trimmed, OffsetDateTime.now(clock), AccessAudit.currentUser())
                .query(Long.class).optional().orElse(null);
        if (inserted == null) {
            Fact existing = of(party).stream().filter(f -> f.fact() == fact && f.startsOn().equals(startsOn)).findFirst().orElseThrow();
            if (!java.util.Objects.equals(existing.endsOn(), endsOn)) {
                throw Conflict.because(fact + " from " + startsOn + " is already recorded for customer " + partyId + " (fact " + existing.id()
                        + (existing.endsOn() == null ? ", open-ended" : ", to " + existing.endsOn()) + "): end it with POST /api/v1/customers/"
                        + partyId + "/circumstance-facts/" + existing.id() + "/end");
            }
            return new Recorded(existing, true);
        }
        audit.record(party.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.PARTY, partyId, "circumstance fact " + fact + " recorded");
        return new Recorded(get(party, inserted), false);
    }

    /** Ends a fact: it applies up to and including {@code endsOn}. */
    @Transactional
    public Fact end(long partyId, long factId, LocalDate endsOn) {
        Party party = parties.get(partyId);
        Fact fact = get(party, factId);
        if (endsOn.isBefore(fact.startsOn())) {
            throw InvalidInput.of("endsOn", "is before the fact started (" + fact.startsOn() + ")");
        }
        if (fact.endsOn() != null && !endsOn.isBefore(fact.endsOn())) {
            throw Conflict.because("fact " + factId + " already ends on " + fact.endsOn());
        }
        jdbc.sql("update circumstance_fact set ends_on = ?, ended_at = ?, ended_by = ? where authority_id = ? and id = ?")
                .params(endsOn, OffsetDateTime.now(clock), AccessAudit.currentUser(), party.authorityId(), factId).update();
        audit.record(party.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.PARTY, partyId,
                "circumstance fact " + fact.fact() + " ended on " + endsOn);
        return get(party, factId);
    }

    /** Every fact recorded for the customer, newest first. */
    public List<Fact> of(Party party) {
        return jdbc.sql(SELECT + " where authority_id = ? and party_id = ? order by starts_on desc, id desc")
                .params(party.authorityId(), party.id()).query(CircumstanceFacts::map).list();
    }

    /** The facts in force on the day for each of these customers (customers with none are absent). */
    public Map<Long, Set<CircumstanceFact>> inForce(int authorityId, Collection<Long> partyIds, LocalDate day) {
        Map<Long, Set<CircumstanceFact>> facts = new HashMap<>();
        if (partyIds.isEmpty()) {
            return facts;
        }
        jdbc.sql(SELECT + " where authority_id = ? and party_id = any(?) and starts_on <= ? and (ends_on is null or ends_on >= ?)")
                .params(authorityId, partyIds.toArray(Long[]::new), day, day).query(CircumstanceFacts::map).list()
                .forEach(f -> facts.computeIfAbsent(f.partyId(), k -> EnumSet.noneOf(CircumstanceFact.class)).add(f.fact()));
        return facts;
    }

    private Fact get(Party party, long id) {
        return jdbc.sql(SELECT + " where authority_id = ? and party_id = ? and id = ?").params(party.authorityId(), party.id(), id)
                .query(CircumstanceFacts::map).optional()
                .orElseThrow(() -> NotFound.of("circumstance fact of customer " + party.id() + " with id", id));
    }

    private static final String SELECT = """
            select id, party_id, fact, starts_on, ends_on, note, recorded_at, recorded_by from circumstance_fact""";

    private static Fact map(ResultSet rs, int n) throws SQLException {
        return new Fact(rs.getLong(1), rs.getLong(2), CircumstanceFact.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8));
    }
}
