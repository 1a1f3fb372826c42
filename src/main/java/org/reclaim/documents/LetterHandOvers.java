package org.reclaim.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntSupplier;
import org.reclaim.shared.AccessAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters posted another way than the bulk print file (GOV.UK Notify prints and posts a precompiled PDF): a letter handed
 * over is left out of the print runs, and one given back is printed by the next print run (of its date or a later
 * one). Each letter is handed over at most once ({@code document_post}'s key), so a given-back letter goes to print, not to Notify again.
 * The hand-over runs in the caller's transaction, so the caller's own record of it (an outbox message) stands or falls
 * with it.
 */
@Component
public class LetterHandOvers {

    /** "and" the document {@code d} is neither printed nor handed over (or was given back): a print run of its date prints it. */
    static final String WAITING_FOR_PRINT = " and " + """
            not exists (select 1 from print_batch_document p where p.authority_id = d.authority_id and p.document_id = d.id)
            and not exists (select 1 from document_post h where h.authority_id = d.authority_id and h.document_id = d.id
                            and h.given_back_at is null)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    LetterHandOvers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Hands over up to {@code limit} of the council's letters of the date that are neither printed nor ever handed over,
     * in id order, of at most {@code maxPages} pages and {@code maxBytes} bytes (what the other way can take; a longer
     * letter stays for print), and returns them. Holds the council's print lock to the end of the caller's transaction,
     * so a print run or another hand-over of the council cannot take the same letters meanwhile; the limit is asked for
     * once the lock is held, so the caller may count what it has already handed over.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Document> handOver(int authorityId, LocalDate date, int maxPages, int maxBytes, IntSupplier limitOnceLocked) {
        PrintRuns.lock(jdbc, authorityId);
        int limit = limitOnceLocked.getAsInt();
        if (limit <= 0) {
            return List.of();
        }
        List<Document> letters = jdbc.sql(Documents.SELECT + """
                 where d.authority_id = ? and d.business_date = ?
                and not exists (select 1 from print_batch_document p where p.authority_id = d.authority_id and p.document_id = d.id)
                and not exists (select 1 from document_post h where h.authority_id = d.authority_id and h.document_id = d.id)
                and d.page_count <= ? and octet_length(d.pdf) <= ?
                order by d.id limit ?""")
                .params(authorityId, date, maxPages, maxBytes, limit).query(Documents::map).list();
        // one statement for the day's hand-over, however many letters (up to Notify's 20,000 a day)
        jdbc.sql("""
                insert into document_post (authority_id, document_id, route, handed_at, handed_by)
                select ?, unnest(?::bigint[]), 'NOTIFY', ?, ?""")
                .params(authorityId, letters.stream().mapToLong(Document::id).toArray(), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)),
                        AccessAudit.currentUser())
                .update();
        return letters;
    }

    /** The council's letters of the date that the next print run would print. */
    public int waitingForPrint(int authorityId, LocalDate date) {
        return jdbc.sql("select count(*) from document d where d.authority_id = ? and d.business_date = ?" + WAITING_FOR_PRINT)
                .params(authorityId, date).query(Integer.class).single();
    }

    /** Gives a handed letter back to bulk print, with why; false if it was not handed over or was given back before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean giveBack(int authorityId, long documentId, String why) {
        return jdbc.sql("""
                update document_post set given_back_at = ?, given_back_why = ?
                where authority_id = ? and document_id = ? and given_back_at is null""")
                .params(OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), why, authorityId, documentId).update() == 1;
    }

    /** The letter's stored PDF, exactly as made. */
    public byte[] pdf(int authorityId, long documentId) {
        return jdbc.sql("select pdf from document where authority_id = ? and id = ?").params(authorityId, documentId)
                .query(byte[].class).single();
    }
}
