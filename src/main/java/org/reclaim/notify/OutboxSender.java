package org.reclaim.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.contacts.Contact;
import org.reclaim.contacts.Contacts;
import org.reclaim.documents.LetterHandOvers;
import org.reclaim.worklists.Worklists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, within Notify's limits for each council's service. A pass claims due messages with
 * {@code for update skip locked} (two senders never take the same one) and marks them SENDING in a short transaction;
 * each is then sent and its outcome recorded in a transaction of its own. A sender that dies after its claim leaves
 * SENDING rows, which a later pass takes again once they are {@link #STALE} old. Messages over a limit stay QUEUED with
 * the time they may go: the next minute, or the next day.
 */
@Service
public class OutboxSender {

    /** A claim older than this is taken to be a sender that died; its messages are claimed again. */
    static final Duration STALE = Duration.ofMinutes(10);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** What a pass did. */
    public record Pass(int sent, int retrying, int failed, int suppressed, int deferred) {
    }

    private record Claimed(long id, int authorityId, long accountId, String accountReference, long partyId, Channel channel,
                           String eventCode, java.util.@Nullable UUID templateId, Map<String, String> personalisation, int attempts,
                           @Nullable Long documentId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NotifyGateway gateway;
    private final NotifySettings settings;
    private final Suppression suppression;
    private final Authorities authorities;
    private final Accounts accounts;
    private final Contacts contacts;
    private final Worklists worklists;
    private final LetterHandOvers handOvers;
    private final SurveyLinks surveyLinks;
    private final Clock clock;

    OutboxSender(JdbcClient jdbc, TransactionTemplate transactions, NotifyGateway gateway, NotifySettings settings, Suppression suppression,
                 Authorities authorities, Accounts accounts, Contacts contacts, Worklists worklists, LetterHandOvers handOvers,
                 SurveyLinks surveyLinks, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.gateway = gateway;
        this.settings = settings;
        this.suppression = suppression;
        this.authorities = authorities;
        this.accounts = accounts;
        this.contacts = contacts;
        this.worklists = worklists;
        this.handOvers = handOvers;
        this.surveyLinks = surveyLinks;
        this.clock = clock;
    }

    /** One pass now, with the configured limits. */
    public Pass sendDue() {
        return sendDue(clock.instant(), settings.limits());
    }

    /** One pass as at {@code now} with these limits (tests pass their own to show the throttle without waiting). */
    Pass sendDue(Instant now, NotifySettings.Limits limits) {
        List<Integer> due = jdbc.sql("""
                select distinct authority_id from notify_message
                where (state = 'QUEUED' and next_attempt_at <= ?) or (state = 'SENDING' and claimed_at < ?)""")
                .params(at(now), at(now.minus(STALE))).query(Integer.class).list();
        int sent = 0, retrying = 0, failed = 0, suppressed = 0, deferred = 0;
        for (int authorityId : due) {
            ClaimResult claim = transactions.execute(tx -> claim(authorityId, now, limits));
            deferred += claim.deferred();
            BillingAuthority authority = authorities.byId(authorityId);
            for (Claimed m : claim.messages()) {
                switch (send(authority, m, now, limits)) {
                    case SENT -> sent++;
                    case QUEUED -> retrying++;
                    case FAILED -> failed++;
                    case SUPPRESSED -> suppressed++;
                    default -> {
                    }
                }
            }
        }
        return new Pass(sent, retrying, failed, suppressed, deferred);
    }

    private record ClaimResult(List<Claimed> messages, int deferred) {
    }

    private ClaimResult claim(int authorityId, Instant now, NotifySettings.Limits limits) {
        // one claimer per authority at a time, so two senders cannot both spend the same minute's allowance
        jdbc.sql("select pg_advisory_xact_lock(hashtext('notify_sender'), ?)").param(authorityId).query().singleRow();
        Instant minuteAgo = now.minusSeconds(60);
        Instant dayStart = LocalDate.ofInstant(now, UK).atStartOfDay(UK).toInstant();
        // what Notify was asked in the last minute: accepted, or claimed and being sent
        int minuteUsed = jdbc.sql("""
                select count(*) from notify_message where authority_id = ?
                  and (sent_at > ? and sent_at <= ? or (state = 'SENDING' and claimed_at > ? and claimed_at <= ?))""")
                .params(authorityId, at(minuteAgo), at(now), at(minuteAgo), at(now)).query(Integer.class).single();
        Map<Channel, Integer> dayLeft = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            int used = jdbc.sql("select count(*) from notify_message where authority_id = ? and channel = ? and sent_at >= ? and sent_at <= ?")
                    .params(authorityId, c.name(), at(dayStart), at(now)).query(Integer.class).single();
            dayLeft.put(c, Math.max(0, limits.perDay(c) - used));
        }
        int minuteLeft = Math.max(0, limits.perMinute() - minuteUsed);
        List<Claimed> claimed = new ArrayList<>();
        int deferred = 0;
        if (minuteLeft > 0) {
            List<Claimed> candidates = jdbc.sql("""
                    select id, authority_id, account_id, account_reference, party_id, channel, event_code, template_id, personalisation, attempts,
                           document_id
                    from notify_message
                    where authority_id = ? and ((state = 'QUEUED' and next_attempt_at <= ?) or (state = 'SENDING' and claimed_at < ?))
                    order by next_attempt_at, id limit ? for update skip locked""")
                    .params(authorityId, at(now), at(now.minus(STALE)), minuteLeft)
                    .query((rs, n) -> new Claimed(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                            Channel.valueOf(rs.getString(6)), rs.getString(7), rs.getObject(8, java.util.UUID.class),
                            Notifications.JSON.readValue(rs.getString(9), new tools.jackson.core.type.TypeReference<Map<String, String>>() { }),
                            rs.getInt(10), (Long) rs.getObject(11)))
                    .list();
            Instant tomorrow = dayStart.atZone(UK).plusDays(1).toInstant();
            for (Claimed c : candidates) {
                if (dayLeft.get(c.channel()) > 0) {
                    dayLeft.merge(c.channel(), -1, Integer::sum);
                    jdbc.sql("update notify_message set state = 'SENDING', claimed_at = ?, attempts = attempts + 1 where authority_id = ? and id = ?")
                            .params(at(now), authorityId, c.id()).update();
                    claimed.add(new Claimed(c.id(), c.authorityId(), c.accountId(), c.accountReference(), c.partyId(), c.channel(), c.eventCode(),
                            c.templateId(), c.personalisation(), c.attempts() + 1, c.documentId()));
                } else {
                    // over the day's limit for its channel (GOV.UK Notify daily limits): it goes tomorrow
                    deferred += jdbc.sql("update notify_message set state = 'QUEUED', next_attempt_at = ? where authority_id = ? and id = ?")
                            .params(at(tomorrow), authorityId, c.id()).update();
                }
            }
        }
        // the rest wait for the minute's allowance to free up (GOV.UK Notify rate limit): when the oldest of the last
        // minute's requests is a minute old
        Instant earliest = jdbc.sql("""
                select min(coalesce(sent_at, claimed_at)) from notify_message where authority_id = ?
                  and (sent_at > ? and sent_at <= ? or (state = 'SENDING' and claimed_at > ? and claimed_at <= ?))""")
                .params(authorityId, at(minuteAgo), at(now), at(minuteAgo), at(now)).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(now);
        deferred += jdbc.sql("""
                update notify_message set next_attempt_at = ? where authority_id = ? and state = 'QUEUED' and next_attempt_at <= ?""")
                .params(at(earliest.plusSeconds(60)), authorityId, at(now)).update();
        return new ClaimResult(claimed, deferred);
    }

    private Message.State send(BillingAuthority authority, Claimed m, Instant now, NotifySettings.Limits limits) {
        Account account = accounts.get(new AccountReference(m.accountReference()));
        if (m.channel() == Channel.LETTER) {
            // A letter is not suppressed as an email or text is: it is a notice recovery or billing decided to issue, and
            // that decision already applied breathing space and the council's other holds (the recovery run issues no
            // notice, no costs and no letter on a held account: SI 2020/1311 regs 7 and 11). An opt-out covers email and
            // text only: a statutory notice must still be served, and post is how it is served. So the letter goes as the
            // bulk print file would send it.
            byte[] pdf = handOvers.pdf(m.authorityId(), java.util.Objects.requireNonNull(m.documentId(), "a LETTER message has its document"));
            NotifyGateway.Outcome outcome = gateway.sendLetter(authority, pdf, "reclaim-" + m.id());
            return transactions.execute(tx -> recordOutcome(account, m, outcome, null, now, limits));
        }
        Optional<String> suppressed = suppression.reason(account, m.partyId(), m.channel(), LocalDate.ofInstant(now, UK));
        if (suppressed.isPresent()) {
            return finish(m, "update notify_message set state = 'SUPPRESSED', reason = ?, next_attempt_at = null", suppressed.get());
        }
        String recipient = suppression.recipient(m.partyId(), m.channel()).orElseThrow();
        Optional<Map<String, String>> personalisation = transactions.execute(tx -> surveyLinks.filled(account, m.id(), m.channel(), m.personalisation()));
        NotifyGateway.Outcome outcome = personalisation.isEmpty()
                ? new NotifyGateway.Outcome.Refused("its template asks for the survey link (" + SurveyLinks.FIELD + ") and no public address is set "
                        + "for the link: an administrator sets reclaim.public-base-url")
                : gateway.send(authority, m.channel(), m.templateId(), recipient, personalisation.get(), "reclaim-" + m.id());
        return transactions.execute(tx -> recordOutcome(account, m, outcome, recipient, now, limits));
    }

    private Message.State recordOutcome(Account account, Claimed m, NotifyGateway.Outcome outcome, @Nullable String recipient, Instant now,
                                        NotifySettings.Limits limits) {
        if (outcome instanceof NotifyGateway.Outcome.Accepted a) {
            int changed = jdbc.sql("""
                    update notify_message set state = 'SENT', sent_at = ?, notification_id = ?, recipient = ?, reason = null, next_attempt_at = null
                    where authority_id = ? and id = ? and state = 'SENDING' and attempts = ?""")
                    .params(at(now), a.notificationId(), recipient, m.authorityId(), m.id(), m.attempts()).update();
            if (changed == 1) {
                contacts.record(account, new Contacts.NewContact(switch (m.channel()) {
                    case SMS -> Contact.Channel.SMS;
                    case EMAIL -> Contact.Channel.EMAIL;
                    case LETTER -> Contact.Channel.LETTER;
                }, Contact.Direction.OUTBOUND, Contact.Outcome.OTHER, "GOV.UK Notify " + noun(m.channel()) + " sent: " + m.eventCode(), null),
                        "notify:" + m.id());
            }
            return Message.State.SENT;
        }
        if (outcome instanceof NotifyGateway.Outcome.TryAgain t) {
            if (m.attempts() >= limits.maxAttempts()) {
                return failed(m, "after " + m.attempts() + " attempts: " + t.reason(), now);
            }
            // exponential back-off: the first delay, doubled after each further failure
            Duration wait = limits.firstRetryDelay().multipliedBy(1L << Math.min(20, m.attempts() - 1));
            jdbc.sql("""
                    update notify_message set state = 'QUEUED', reason = ?, next_attempt_at = ?
                    where authority_id = ? and id = ? and state = 'SENDING' and attempts = ?""")
                    .params(t.reason(), at(now.plus(wait)), m.authorityId(), m.id(), m.attempts()).update();
            return Message.State.QUEUED;
        }
        return failed(m, ((NotifyGateway.Outcome.Refused) outcome).reason(), now);
    }

    private Message.State failed(Claimed m, String reason, Instant now) {
        int changed = jdbc.sql("""
                update notify_message set state = 'FAILED', reason = ?, next_attempt_at = null
                where authority_id = ? and id = ? and state = 'SENDING' and attempts = ?""")
                .params(reason, m.authorityId(), m.id(), m.attempts()).update();
        if (changed == 1) {
            String said = m.channel() == Channel.LETTER ? backToPrint(m.authorityId(), m.id(), reason) : reason;
            raiseTask(m.accountId(), m.id(), m.channel(), m.eventCode(), said, LocalDate.ofInstant(now, UK));
        }
        return Message.State.FAILED;
    }

    /**
     * A letter GOV.UK Notify will not post is given back to bulk print, in the caller's transaction: the next print run of
     * its date prints it. Returns the reason with what became of the letter, for the officer's task.
     */
    String backToPrint(int authorityId, long messageId, String reason) {
        Long documentId = jdbc.sql("select document_id from notify_message where authority_id = ? and id = ?").params(authorityId, messageId)
                .query(Long.class).optional().orElse(null);
        if (documentId == null) {
            return reason;
        }
        handOvers.giveBack(authorityId, documentId, reason);
        return reason + ". The letter (document " + documentId + ") goes back to bulk print: the next print run of its date prints it";
    }

    /** A task for an officer, once per message: the customer was not told what Reclaim meant to tell them. */
    void raiseTask(long accountId, long messageId, Channel channel, String eventCode, String reason, LocalDate today) {
        String what = switch (channel) {
            case SMS -> "Text " + eventCode + " was not delivered: ";
            case EMAIL -> "Email " + eventCode + " was not delivered: ";
            case LETTER -> "Letter " + eventCode + " was not posted by GOV.UK Notify: ";
        };
        worklists.raise(accountId, "NOTIFY_MESSAGE_FAILED", what + reason, today, "notify-failed:" + messageId);
    }

    private static String noun(Channel channel) {
        return switch (channel) {
            case SMS -> "text";
            case EMAIL -> "email";
            case LETTER -> "letter";
        };
    }

    private Message.State finish(Claimed m, String update, String reason) {
        transactions.executeWithoutResult(tx -> jdbc.sql(update + " where authority_id = ? and id = ? and state = 'SENDING' and attempts = ?")
                .params(reason, m.authorityId(), m.id(), m.attempts()).update());
        return Message.State.SUPPRESSED;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
