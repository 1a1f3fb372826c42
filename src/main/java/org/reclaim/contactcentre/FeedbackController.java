package org.reclaim.contactcentre;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.IdempotencyKey;
import org.reclaim.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Survey invitations (SecurityConfig: the collections team makes them; the messaging that sends them uses {@link Feedback#invite})
 * and the feedback report (anyone signed in).
 */
@RestController
class FeedbackController {

    record InvitationRequest(@Nullable String authority, @NotNull(message = "is required: EMAIL, SMS or WEB") Feedback.Channel channel,
                             @Nullable String accountReference) {
    }

    record InvitationView(long id, String authority, Feedback.Channel channel, @Nullable String accountReference, String link,
                          OffsetDateTime createdAt, String createdBy) {
    }

    record ReportView(String authority, LocalDate from, LocalDate to, long invitations, long responses,
                      java.math.@Nullable BigDecimal averageSatisfaction, java.util.List<Feedback.MonthAndChannel> byMonthAndChannel) {
    }

    private final Feedback feedback;
    private final Accounts accounts;
    private final Authorities authorities;
    private final String publicBaseUrl;

    FeedbackController(Feedback feedback, Accounts accounts, Authorities authorities,
                       @Value("${reclaim.public-base-url:}") String publicBaseUrl) {
        this.feedback = feedback;
        this.accounts = accounts;
        this.authorities = authorities;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /**
     * A survey invitation: 201 with the {@code link} to put in the email or text, or to show after an online transaction.
     * With an {@code Idempotency-Key} header a repeat returns the first (200).
     */
    @PostMapping("/api/v1/feedback/invitations")
    ResponseEntity<InvitationView> invite(@RequestHeader(name = IdempotencyKey.HEADER, required = false) @Nullable String idempotencyKey,
                                          @Valid @RequestBody InvitationRequest r) {
        IdempotencyKey.check(idempotencyKey);
        Account account = r.accountReference() == null || r.accountReference().isBlank() ? null
                : accounts.get(AccountReference.fromRequest(r.accountReference()));
        BillingAuthority council;
        if (r.authority() != null && !r.authority().isBlank()) {
            council = authorities.named(r.authority(), "authority");
        } else if (account != null) {
            council = authorities.byId(account.authorityId());
        } else {
            throw InvalidInput.of("authority", "is required when no accountReference is given");
        }
        Feedback.Invited invited = feedback.invite(council.id(), r.channel(), account, idempotencyKey);
        Feedback.Invitation i = invited.invitation();
        String link = base() + "/feedback/" + i.token();
        return ResponseEntity.status(invited.repeated() ? HttpStatus.OK : HttpStatus.CREATED).location(URI.create(link))
                .body(new InvitationView(i.id(), council.gssCode(), i.channel(), i.accountReference(), link, i.createdAt(), i.createdBy()));
    }

    @GetMapping("/api/v1/reports/feedback")
    ReportView report(@RequestParam String authority, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        BillingAuthority council = authorities.named(authority, "authority");
        Feedback.Report r = feedback.report(council.id(), from, to);
        return new ReportView(council.gssCode(), r.from(), r.to(), r.invitations(), r.responses(), r.averageSatisfaction(), r.byMonthAndChannel());
    }

    /** The public address the link starts with: {@code reclaim.public-base-url}, else the address this request came to. */
    private String base() {
        return publicBaseUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : publicBaseUrl;
    }
}
