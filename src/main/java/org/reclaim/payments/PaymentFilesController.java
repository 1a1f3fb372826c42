package org.reclaim.payments;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Payment files from PayPoint, the Post Office, Allpay and bank statement exports: uploaded, posted once, accounted for line by line. */
@RestController
class PaymentFilesController {

    record RejectedView(int line, String reason) {
    }

    record SuspenseView(int line, long paymentId, String reason) {
    }

    record FileView(long fileId, String authority, PaymentFileFormat format, PaymentFiles.Status status, int lines, int posted, int suspense,
                    int alreadyReceived, int skipped, List<RejectedView> rejected, List<SuspenseView> suspenseLines,
                    @Nullable Long repeatOfFileId) {
        static FileView of(PaymentFiles.FileOutcome o) {
            return new FileView(o.fileId(), o.authority(), o.format(), o.status(), o.lines(), o.posted(), o.suspense(), o.alreadyReceived(),
                    o.skipped(), o.rejected().stream().map(r -> new RejectedView(r.line(), r.reason())).toList(),
                    o.suspenseLines().stream().map(s -> new SuspenseView(s.line(), s.paymentId(), s.reason())).toList(), o.repeatOfFileId());
        }
    }

    private final PaymentFiles files;
    private final Authorities authorities;

    PaymentFilesController(PaymentFiles files, Authorities authorities) {
        this.files = files;
        this.authorities = authorities;
    }

    /** The file as a multipart upload, in the part named {@code file}. */
    @PostMapping(path = "/api/v1/payment-files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FileView> upload(@RequestParam String authority, @RequestParam String format, @RequestParam("file") MultipartFile file)
            throws IOException {
        return answer(files.importFile(authorities.named(authority, "authority").id(), PaymentFileFormat.fromRequest(format), file.getBytes(),
                file.getOriginalFilename()));
    }

    /** The file as the request body, {@code text/csv}. */
    @PostMapping(path = "/api/v1/payment-files", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<FileView> upload(@RequestParam String authority, @RequestParam String format,
                                    @RequestParam(required = false) @Nullable String fileName, @RequestBody(required = false) byte @Nullable [] body) {
        if (body == null) {
            throw InvalidInput.of("file", "line 1: the file is empty");
        }
        return answer(files.importFile(authorities.named(authority, "authority").id(), PaymentFileFormat.fromRequest(format), body, fileName));
    }

    private static ResponseEntity<FileView> answer(PaymentFiles.FileOutcome outcome) {
        return ResponseEntity.status(outcome.repeatOfFileId() == null ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/payment-files/" + outcome.fileId())).body(FileView.of(outcome));
    }

    @GetMapping("/api/v1/payment-files/{id}")
    FileView get(@PathVariable long id) {
        return FileView.of(files.get(id));
    }
}
