package org.reclaim.documents;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.AccessAudit;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DocumentsController {

    record Preview(@NotBlank(message = "is required: a document code such as CT_REMINDER_1") String documentCode,
                   @Nullable String authority,
                   @NotNull(message = "is required: the fields the template is filled from") Map<String, Object> data) {
    }

    record TemplateChange(@NotBlank(message = "is required: the letter's XHTML") String body,
                          @NotBlank(message = "is required: say why the wording changes") String reason) {
    }

    record Listed(long id, String documentCode, LocalDate businessDate, int pageCount, String createdBy, String pdf) {
        static Listed of(Document d) {
            return new Listed(d.id(), d.documentCode(), d.businessDate(), d.pageCount(), d.createdBy(), "/api/v1/documents/" + d.id() + ".pdf");
        }
    }

    record PrintBatch(long id, String authority, LocalDate businessDate, String documentCode, String fileName, int documents, int pages,
                      String pdf, String manifest) {
    }

    private final Documents documents;
    private final DocumentRuns runs;
    private final PrintRuns printRuns;
    private final Accounts accounts;
    private final Authorities authorities;
    private final AccessAudit audit;

    DocumentsController(Documents documents, DocumentRuns runs, PrintRuns printRuns, Accounts accounts, Authorities authorities, AccessAudit audit) {
        this.documents = documents;
        this.runs = runs;
        this.printRuns = printRuns;
        this.accounts = accounts;
        this.authorities = authorities;
        this.audit = audit;
    }

    @PostMapping("/api/v1/documents/runs")
    DocumentRuns.Outcome run(@RequestParam LocalDate date) {
        return runs.run(date);
    }

    @PostMapping("/api/v1/documents/preview")
    ResponseEntity<byte[]> preview(@Valid @RequestBody Preview preview) {
        int authorityId = preview.authority() == null ? 0 : authorities.named(preview.authority(), "authority").id();
        return pdf(documents.preview(authorityId, preview.documentCode(), preview.data()), preview.documentCode() + "-preview.pdf");
    }

    @GetMapping("/api/v1/accounts/{reference}/documents")
    List<Listed> ofAccount(@PathVariable String reference) {
        Account account = accounts.readForRequest(reference, "/documents");
        return documents.ofAccount(account.authorityId(), account.id()).stream().map(Listed::of).toList();
    }

    @GetMapping("/api/v1/documents/{id}.pdf")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        Document d = documents.get(id);
        audit.record(d.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.ACCOUNT, d.accountReference(),
                "GET /api/v1/documents/" + id + ".pdf (" + d.documentCode() + ")");
        return pdf(documents.pdf(d), d.documentCode() + "-" + d.id() + ".pdf");
    }

    @PostMapping("/api/v1/documents/print-runs")
    List<PrintBatch> print(@RequestParam LocalDate date) {
        return printRuns.run(date).stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/documents/print-batches/{id}")
    PrintBatch batch(@PathVariable long id) {
        return view(printRuns.get(id));
    }

    @GetMapping("/api/v1/documents/print-batches/{id}.pdf")
    ResponseEntity<byte[]> batchPdf(@PathVariable long id) {
        PrintRuns.Batch b = printRuns.get(id);
        return pdf(printRuns.pdf(b), b.fileName());
    }

    @GetMapping("/api/v1/documents/print-batches/{id}/manifest.csv")
    ResponseEntity<byte[]> manifest(@PathVariable long id) {
        PrintRuns.Batch b = printRuns.get(id);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(b.fileName().replace(".pdf", ".csv")).build().toString())
                .body(printRuns.manifest(b).getBytes(StandardCharsets.UTF_8));
    }

    @PutMapping("/api/v1/authorities/{code}/document-templates/{documentCode}")
    Map<String, Object> override(@PathVariable String code, @PathVariable String documentCode, @Valid @RequestBody TemplateChange change) {
        int version = documents.overrideTemplate(authorities.named(code, "code").id(), documentCode, change.body(), change.reason());
        return Map.of("authority", code, "documentCode", documentCode, "version", version);
    }

    private PrintBatch view(PrintRuns.Batch b) {
        String base = "/api/v1/documents/print-batches/" + b.id();
        return new PrintBatch(b.id(), authorities.byId(b.authorityId()).gssCode(),
                b.businessDate(), b.documentCode(), b.fileName(), b.documents(), b.pages(), base + ".pdf", base + "/manifest.csv");
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(bytes);
    }
}
