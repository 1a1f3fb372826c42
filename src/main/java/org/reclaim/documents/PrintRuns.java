package org.reclaim.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.reclaim.contacts.Contacts;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Csv;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk print for a business date: each authority's documents of the day not yet printed nor handed to GOV.UK Notify
 * ({@link LetterHandOvers}; a letter Notify gave back is printed), one print-ready PDF per
 * document type (the letters merged in id order) and a manifest CSV for the print-and-post supplier. A document joins
 * at most one batch (print_batch_document's key), so running a day again prints only letters made since.
 */
@Component
class PrintRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MANIFEST_HEADER = "line,document_id,account_reference,name,address_line_1,address_line_2,address_line_3,postcode,"
            + "document_type,page_count,file_name";

    /** A batch made: its id, authority, type, file name and counts. */
    record Batch(long id, int authorityId, LocalDate businessDate, String documentCode, String fileName, int documents, int pages) {
    }

    private record ToPrint(long id, String code, String reference, JsonNode data, int pages, long accountId) {
    }

    private final JdbcClient jdbc;
    private final Contacts contacts;
    private final Clock clock;

    PrintRuns(JdbcClient jdbc, Contacts contacts, Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.clock = clock;
    }

    /**
     * The letters a print run of a date takes (with {@link LetterHandOvers#WAITING_FOR_PRINT}): that date's, and any of an
     * earlier date given back by the other way since its own print run (GOV.UK Notify refusing it days later), so
     * nothing given back waits for someone to re-run an old date.
     */
    private static final String DUE = """
             (d.business_date = ? or (d.business_date < ? and exists (select 1 from document_post g
                 where g.authority_id = d.authority_id and g.document_id = d.id and g.given_back_at is not null)))""";

    /** The day's print batches, made in one transaction (per-authority advisory locks keep two runs from racing). */
    @Transactional
    List<Batch> run(LocalDate date) {
        List<Integer> authorities = jdbc.sql("""
                select distinct d.authority_id from document d where""" + DUE + LetterHandOvers.WAITING_FOR_PRINT + """
                order by 1""").params(date, date).query(Integer.class).list();
        List<Batch> made = new ArrayList<>();
        for (int authorityId : authorities) {
            lock(jdbc, authorityId);
            Map<String, List<ToPrint>> byCode = new LinkedHashMap<>();
            jdbc.sql("""
                    select d.id, d.document_code, a.reference, d.data::text, d.page_count, d.account_id from document d
                    join account a on a.authority_id = d.authority_id and a.id = d.account_id
                    where d.authority_id = ? and""" + DUE + LetterHandOvers.WAITING_FOR_PRINT + """
                    order by d.document_code, d.id""")
                    .params(authorityId, date, date)
                    .query((rs, n) -> new ToPrint(rs.getLong(1), rs.getString(2), rs.getString(3), JSON.readTree(rs.getString(4)), rs.getInt(5), rs.getLong(6)))
                    .list()
                    .forEach(p -> byCode.computeIfAbsent(p.code(), c -> new ArrayList<>()).add(p));
            for (var e : byCode.entrySet()) {
                made.add(batch(authorityId, date, e.getKey(), e.getValue()));
            }
        }
        return made;
    }

    /**
     * The council's print lock, to the end of the transaction: two print runs, or a print run and a hand-over of letters
     * to GOV.UK Notify ({@link LetterHandOvers}), never take the same letter.
     */
    static void lock(JdbcClient jdbc, int authorityId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('documents.print'), ?)").param(authorityId).query(Object.class).list();
    }

    private Batch batch(int authorityId, LocalDate date, String code, List<ToPrint> letters) {
        String fileName = authorityId + "-" + date + "-" + code + ".pdf";
        StringBuilder manifest = new StringBuilder(MANIFEST_HEADER).append("\r\n");
        int pages = 0;
        PDFMergerUtility merger = new PDFMergerUtility();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        merger.setDestinationStream(out);
        int line = 0;
        for (ToPrint p : letters) {
            line++;
            pages += p.pages();
            byte[] pdf = jdbc.sql("select pdf from document where authority_id = ? and id = ?").params(authorityId, p.id()).query(byte[].class).single();
            merger.addSource(new RandomAccessReadBuffer(pdf));
            List<String> address = new ArrayList<>();
            p.data().path("addressLines").forEach(l -> address.add(l.asString()));
            while (address.size() < 3) {
                address.add("");
            }
            manifest.append(String.join(",", List.of(String.valueOf(line), String.valueOf(p.id()), p.reference(), Csv.field(p.data().path("name").asString("")),
                    Csv.field(address.get(0)), Csv.field(address.get(1)), Csv.field(String.join(", ", address.subList(2, address.size()))),
                    Csv.field(p.data().path("postcode").asString("")), p.code(), String.valueOf(p.pages()), fileName))).append("\r\n");
        }
        try {
            merger.mergeDocuments(IOUtils.createMemoryOnlyStreamCache());
        } catch (IOException e) {
            throw new UncheckedIOException("the print batch could not be merged", e);
        }
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        long id = jdbc.sql("""
                insert into print_batch (authority_id, business_date, document_code, file_name, pdf, manifest, documents, pages, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(authorityId, date, code, fileName, out.toByteArray(), manifest.toString(), letters.size(), pages, now, AccessAudit.currentUser())
                .query(Long.class).single();
        // each letter is an outbound contact on its account's contact log, once (a letter is printed once)
        contacts.recordPosted(authorityId, letters.stream().map(p -> new Contacts.Posted(p.accountId(),
                "Letter " + p.code() + " sent to print and post (print batch " + id + ", " + fileName + ")", "letter:" + p.id())).toList(), now);
        int n = 0;
        for (ToPrint p : letters) {
            jdbc.sql("insert into print_batch_document (authority_id, document_id, batch_id, line) values (?, ?, ?, ?)")
                    .params(authorityId, p.id(), id, ++n).update();
        }
        return new Batch(id, authorityId, date, code, fileName, letters.size(), pages);
    }

    Batch get(long id) {
        return jdbc.sql("select id, authority_id, business_date, document_code, file_name, documents, pages from print_batch where id = ?")
                .param(id)
                .query((rs, n) -> new Batch(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getInt(7)))
                .optional().orElseThrow(() -> NotFound.of("print batch", id));
    }

    byte[] pdf(Batch batch) {
        return jdbc.sql("select pdf from print_batch where authority_id = ? and id = ?").params(batch.authorityId(), batch.id()).query(byte[].class).single();
    }

    String manifest(Batch batch) {
        return jdbc.sql("select manifest from print_batch where authority_id = ? and id = ?").params(batch.authorityId(), batch.id())
                .query(String.class).single();
    }
}
