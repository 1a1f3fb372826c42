package org.reclaim.notify;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's choice not to be emailed or texted: each change kept, the latest in force. */
@Service
public class ChannelPreferences {

    public record Preference(long partyId, Channel channel, boolean optedOut, @Nullable String reason, OffsetDateTime changedAt, String changedBy) {
    }

    private final JdbcClient jdbc;
    private final Parties parties;
    private final AccessAudit audit;
    private final Clock clock;

    ChannelPreferences(JdbcClient jdbc, Parties parties, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records the choice; the same choice as the one in force changes nothing. */
    @Transactional
    public Preference set(long partyId, Channel channel, boolean optedOut, @Nullable String reason) {
        if (channel == Channel.LETTER) {
            throw InvalidInput.of("channel", "must be EMAIL or SMS: a customer cannot opt out of letters the law requires");
        }
        Party party = parties.get(partyId);
        jdbc.sql("select id from party where authority_id = ? and id = ? for update").params(party.authorityId(), partyId).query(Long.class).single();
        Optional<Preference> now = inForce(party.authorityId(), partyId, channel);
        if (now.isPresent() && now.get().optedOut() == optedOut) {
            return now.get();
        }
        jdbc.sql("""
                insert into notify_channel_preference (authority_id, party_id, channel, opted_out, reason, changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(party.authorityId(), partyId, channel.name(), optedOut, reason == null || reason.isBlank() ? null : reason.trim(),
                        OffsetDateTime.now(clock), AccessAudit.currentUser()).update();
        audit.record(party.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.PARTY, partyId,
                (optedOut ? "opted out of " : "opted back in to ") + channel);
        return inForce(party.authorityId(), partyId, channel).orElseThrow();
    }

    /** The choices in force for the customer, one per channel they have made one for. */
    public List<Preference> of(long partyId) {
        Party party = parties.get(partyId);
        audit.record(party.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.PARTY, partyId, "channel preferences");
        return java.util.stream.Stream.of(Channel.EMAIL, Channel.SMS).flatMap(c -> inForce(party.authorityId(), partyId, c).stream()).toList();
    }

    boolean optedOut(int authorityId, long partyId, Channel channel) {
        return inForce(authorityId, partyId, channel).map(Preference::optedOut).orElse(false);
    }

    /** Of these customers, those whose choice in force is to be opted out of the channel, in one query. */
    Set<Long> optedOut(int authorityId, Collection<Long> partyIds, Channel channel) {
        return new HashSet<>(jdbc.sql("""
                select party_id from (select distinct on (party_id) party_id, opted_out from notify_channel_preference
                                      where authority_id = ? and channel = ? and party_id = any(?) order by party_id, id desc) latest
                where opted_out""")
                .params(authorityId, channel.name(), partyIds.toArray(Long[]::new)).query(Long.class).list());
    }

    private Optional<Preference> inForce(int authorityId, long partyId, Channel channel) {
        return jdbc.sql("""
                select party_id, channel, opted_out, reason, changed_at, changed_by from notify_channel_preference
                where authority_id = ? and party_id = ? and channel = ? order by id desc limit 1""")
                .params(authorityId, partyId, channel.name())
                .query((rs, n) -> new Preference(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
                .optional();
    }
}
