package org.reclaim.officer.documents;

import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.documents.Document;
import org.reclaim.documents.Documents;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A letter's PDF from the account page's timeline, with the page session (the API's download is for HTTP Basic). The
 * letter must be the account's: a link cannot be edited to open another account's letter. An audited read.
 */
@Controller
class LetterDownload {

    private final Accounts accounts;
    private final Documents documents;
    private final AccessAudit audit;

    LetterDownload(Accounts accounts, Documents documents, AccessAudit audit) {
        this.accounts = accounts;
        this.documents = documents;
        this.audit = audit;
    }

    @GetMapping("/accounts/{reference}/documents/{id}")
    @Transactional
    ResponseEntity<byte[]> pdf(@PathVariable String reference, @PathVariable long id) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        Document d = documents.get(account.authorityId(), id);
        if (d.accountId() != account.id()) {
            throw NotFound.of("letter", id);
        }
        audit.record(account.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.ACCOUNT, account.reference(),
                "GET /accounts/" + account.reference() + "/documents/" + id + " (" + d.documentCode() + ")");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(d.documentCode() + "-" + id + ".pdf").build().toString())
                .body(documents.pdf(d));
    }
}
