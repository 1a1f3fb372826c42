package org.reclaim.documents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a document request to PDF and stores it once (the request's key is unique: producing it again returns the
 * first), previews a template with data, and reads stored documents.
 */
@Component
public class Documents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SELECT = """
            select d.id, d.authority_id, d.account_id, a.reference, d.document_code, d.business_date, d.page_count, d.source_key,
                   d.created_at, d.created_by
            from document d join account a on a.authority_id = d.authority_id and a.id = d.account_id""";

    private final JdbcClient jdbc;
    private final DocumentTemplates templates;
    private final PdfRenderer renderer;
    private final Clock clock;

    Documents(JdbcClient jdbc, DocumentTemplates templates, PdfRenderer renderer, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** A letter rendered from its request, ready to store: done outside any transaction, so a batch renders in parallel. */
    record Rendered(DocumentRequest request, PdfRenderer.Pdf pdf) {
    }

    Rendered render(DocumentRequest request) {
        return render(request, template(request));
    }

    /** The template the request's authority uses for its code (a batch looks it up once a chunk, not once a letter). */
    DocumentTemplates.Template template(DocumentRequest request) {
        return templates.of(request.authorityId(), request.documentCode());
    }

    Rendered render(DocumentRequest request, DocumentTemplates.Template template) {
        return new Rendered(request, renderer.render(templates.render(template, request.data())));
    }

    /** The PDF a template and data make, stored nowhere; 400 naming {@code data.<field>} when a field is missing. */
    public byte[] preview(int authorityId, String documentCode, Map<String, Object> data) {
        DocumentTemplates.Template t = templates.of(authorityId, documentCode);
        return renderer.render(templates.render(t, data)).bytes();
    }

    /** Renders and stores the request's document, or returns the one already stored for its key. */
    @Transactional
    public Document produce(DocumentRequest request) {
        Optional<Document> done = bySource(request.authorityId(), request.sourceKey());
        return done.orElseGet(() -> {
            store(render(request));
            return bySource(request.authorityId(), request.sourceKey()).orElseThrow();
        });
    }

    /** Stores a rendered letter unless its request already has one; true if stored. In the caller's transaction. */
    boolean store(Rendered r) {
        DocumentRequest q = r.request();
        return jdbc.sql("""
                insert into document (authority_id, account_id, document_code, data, pdf, page_count, business_date, source_key, created_at, created_by)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) on conflict (authority_id, source_key) do nothing""")
                .params(q.authorityId(), q.accountId(), q.documentCode(), JSON.writeValueAsString(q.data()), r.pdf().bytes(), r.pdf().pages(),
                        q.businessDate(), q.sourceKey(), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), AccessAudit.currentUser())
                .update() == 1;
    }

    public Document get(int authorityId, long id) {
        return jdbc.sql(SELECT + " where d.authority_id = ? and d.id = ?").params(authorityId, id)
                .query(Documents::map).optional().orElseThrow(() -> NotFound.of("document", id));
    }

    /** A document by its id alone (ids are unique in the installation), for the download links. */
    public Document get(long id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id)
                .query(Documents::map).optional().orElseThrow(() -> NotFound.of("document", id));
    }

    public byte[] pdf(Document document) {
        return jdbc.sql("select pdf from document where authority_id = ? and id = ?").params(document.authorityId(), document.id())
                .query(byte[].class).single();
    }

    /** The account's documents, newest first. */
    public List<Document> ofAccount(int authorityId, long accountId) {
        return jdbc.sql(SELECT + " where d.authority_id = ? and d.account_id = ? order by d.business_date desc, d.id desc")
                .params(authorityId, accountId).query(Documents::map).list();
    }

    /** A new version of the authority's own wording of a letter; the next letter of that code uses it. */
    @Transactional
    public int overrideTemplate(int authorityId, String documentCode, String body, String reason) {
        return templates.override(authorityId, documentCode, body, reason);
    }

    private Optional<Document> bySource(int authorityId, String sourceKey) {
        return jdbc.sql(SELECT + " where d.authority_id = ? and d.source_key = ?").params(authorityId, sourceKey)
                .query(Documents::map).optional();
    }

    static Document map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Document(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, java.time.LocalDate.class), rs.getInt(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class), rs.getString(10));
    }
}
