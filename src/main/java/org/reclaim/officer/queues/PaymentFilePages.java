package org.reclaim.officer.queues;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.officer.FormErrors;
import org.reclaim.payments.PaymentFileFormat;
import org.reclaim.payments.PaymentFiles;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A payment file (PayPoint, Post Office, Allpay, a bank statement export) uploaded from a page by the collections
 * team, imported once by the payments module, and its outcome: lines posted, rejected (with their line numbers and
 * reasons) and held in suspense.
 */
@Controller
class PaymentFilePages {

    /** The formats offered, with the words shown for each. */
    public record Format(String code, String label) {
    }

    public record UploadForm(String authority, String format) {
    }

    private final PaymentFiles files;
    private final RunStarter starter;
    private final AuthorityChoice choice;

    PaymentFilePages(PaymentFiles files, RunStarter starter, AuthorityChoice choice) {
        this.files = files;
        this.starter = starter;
        this.choice = choice;
    }

    @GetMapping("/runs/payment-files")
    String form(Model model) {
        return show(model, new UploadForm("", ""), FormErrors.none());
    }

    private String show(Model model, UploadForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("authorities", choice.all());
        model.addAttribute("formats", Arrays.stream(PaymentFileFormat.values()).map(f -> new Format(f.name(), label(f))).toList());
        model.addAttribute("latest", files.recent(10));
        return "officer/queues/payment-file-upload";
    }

    static String label(PaymentFileFormat f) {
        return switch (f) {
            case PAYPOINT -> "PayPoint";
            case POST_OFFICE -> "Post Office";
            case ALLPAY -> "Allpay";
            case BANK_STATEMENT -> "Bank statement export";
        };
    }

    @PostMapping("/runs/payment-files")
    String upload(@RequestParam(defaultValue = "") String authority, @RequestParam(defaultValue = "") String format,
                  @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletResponse response) throws IOException {
        UploadForm form = new UploadForm(authority, format);
        FormErrors errors = FormErrors.none();
        Optional<BillingAuthority> council = choice.fromForm(authority, "Select the council the payments are for", errors);
        PaymentFileFormat chosen = Arrays.stream(PaymentFileFormat.values()).filter(f -> f.name().equals(format)).findFirst().orElse(null);
        if (chosen == null) {
            errors.add("format", "Select the file's format");
        }
        if (file == null || file.isEmpty()) {
            errors.add("file", "Select a payment file");
        }
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, form, errors);
        }
        BillingAuthority a = council.orElseThrow();
        byte[] content = file.getBytes();
        String name = file.getOriginalFilename();
        try {
            RunStarter.Started<PaymentFiles.FileOutcome> started = starter.start(() -> files.importFile(a.id(), chosen, content, name),
                    PaymentFiles.FileOutcome::fileId, () -> files.running(a.id(), chosen, content));
            if (started.id() < 0) {
                redirect.addFlashAttribute("confirmation", "The file is being imported: it appears in the list below");
                return "redirect:/runs/payment-files";
            }
            PaymentFiles.FileOutcome done = started.finished();
            redirect.addFlashAttribute("confirmation", done == null ? "The file is being imported"
                    : done.repeatOfFileId() != null ? "This file was imported before (file " + done.repeatOfFileId() + "): nothing was posted again"
                    : "File imported: " + done.posted() + " posted, " + done.rejected().size() + " rejected, " + done.suspense() + " in suspense");
            return "redirect:/runs/payment-files/" + started.id();
        } catch (InvalidInput e) {
            // a file that cannot be read at all writes nothing: say why against the file
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, form, FormErrors.of(e, Map.of("format", "format", "authority", "authority"), "file"));
        } catch (Conflict e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(model, form, FormErrors.none().add("file", e.getMessage()));
        }
    }

    @GetMapping("/runs/payment-files/{id}")
    String file(@PathVariable long id, @RequestParam(defaultValue = "on") String refresh, Model model) {
        PaymentFiles.FileOutcome file = files.get(id);
        model.addAttribute("file", file);
        model.addAttribute("formatLabel", label(file.format()));
        model.addAttribute("refreshing", file.status() == PaymentFiles.Status.RUNNING && !"off".equals(refresh));
        return "officer/queues/payment-file";
    }
}
