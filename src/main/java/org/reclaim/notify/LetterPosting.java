package org.reclaim.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.documents.Document;
import org.reclaim.documents.LetterHandOvers;
import org.reclaim.shared.AccessAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts the day's letters through GOV.UK Notify for the councils that do ({@code reclaim.notify.letters-for}): each
 * council's letters of the business date that are neither printed nor handed over, in id order, up to the letters it
 * has left today under Notify's daily letter limit, are handed over by the documents module and queued in the outbox as
 * LETTER messages, in one transaction. The rest stay for the bulk print run (GOV.UK Notify "Daily limits": a letter run
 * over the limit goes to the print file instead). A repeat, or a run after a crash, hands over nothing twice: a letter
 * is handed over once, and its message's key is its document.
 */
@Service
class LetterPosting {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** GOV.UK Notify "Letter specification": a letter of 10 pages or less, a file of 2 MB at most; a longer one is printed. */
    static final int MAX_PAGES = 10;
    static final int MAX_BYTES = 2 * 1024 * 1024;

    /** What a council's posting did: letters handed to Notify now, the day's letters left for print, and what is left of today's limit. */
    record Council(String authority, int handedToNotify, int leftForPrint, int lettersLeftToday) {
    }

    record Result(LocalDate date, List<Council> councils) {
    }

    private final JdbcClient jdbc;
    private final Authorities authorities;
    private final LetterHandOvers handOvers;
    private final NotifySettings settings;
    private final Clock clock;

    LetterPosting(JdbcClient jdbc, Authorities authorities, LetterHandOvers handOvers, NotifySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.authorities = authorities;
        this.handOvers = handOvers;
        this.settings = settings;
        this.clock = clock;
    }

    /** The day's letters with the configured daily letter limit. */
    @Transactional
    public Result post(LocalDate date) {
        return post(date, clock.instant(), settings.lettersPerDay());
    }

    /**
     * The same as at {@code now} with this daily letter limit (tests pass a small one rather than make 20,000 letters, and
     * a day of their own).
     */
    @Transactional
    Result post(LocalDate date, Instant now, int lettersPerDay) {
        List<BillingAuthority> councils = new ArrayList<>();
        for (String gss : settings.lettersFor()) {
            // a council named in the setting that this installation does not serve (yet) has nothing to post
            authorities.findByGssCode(gss).ifPresent(councils::add);
        }
        // in id order, as the print runs take their locks, so the two never wait on each other in a circle
        councils.sort(Comparator.comparingInt(BillingAuthority::id));
        List<Council> done = new ArrayList<>();
        for (BillingAuthority council : councils) {
            done.add(post(council, date, now, lettersPerDay));
        }
        return new Result(date, done);
    }

    private Council post(BillingAuthority council, LocalDate date, Instant now, int lettersPerDay) {
        // what is left of today's allowance, counted under the council's print lock (the hand-over asks for it once it holds
        // the lock) so two runs cannot both spend it; letters handed over today for any business date count
        List<Document> letters = handOvers.handOver(council.id(), date, MAX_PAGES, MAX_BYTES, () -> lettersPerDay - handedToday(council, now));
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        // one message per letter, in one statement; the letter is addressed to the account's liable customers, and the
        // message names the first of them (as a campaign does)
        jdbc.sql("""
                insert into notify_message (authority_id, account_id, account_reference, party_id, channel, event_code, personalisation,
                                            state, next_attempt_at, unique_key, queued_at, queued_by, document_id)
                select ?, l.account_id, l.reference,
                       (select min(ap.party_id) from account_party ap where ap.authority_id = ? and ap.account_id = l.account_id),
                       'LETTER', l.code, '{}'::jsonb, 'QUEUED', ?, 'letter:' || l.document_id, ?, ?, l.document_id
                from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) as l (document_id, account_id, reference, code)""")
                .params(council.id(), council.id(), at, at, AccessAudit.currentUser(),
                        letters.stream().mapToLong(Document::id).toArray(), letters.stream().mapToLong(Document::accountId).toArray(),
                        letters.stream().map(Document::accountReference).toArray(String[]::new),
                        letters.stream().map(Document::documentCode).toArray(String[]::new))
                .update();
        return new Council(council.gssCode(), letters.size(), handOvers.waitingForPrint(council.id(), date),
                Math.max(0, lettersPerDay - handedToday(council, now)));
    }

    /** LETTER messages the council queued this UK day. */
    private int handedToday(BillingAuthority council, Instant now) {
        Instant dayStart = LocalDate.ofInstant(now, UK).atStartOfDay(UK).toInstant();
        return jdbc.sql("select count(*) from notify_message where authority_id = ? and channel = 'LETTER' and queued_at >= ? and queued_at <= ?")
                .params(council.id(), dayStart.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)).query(Integer.class).single();
    }
}
