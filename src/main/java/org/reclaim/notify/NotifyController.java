package org.reclaim.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Notify's templates, outbox, campaigns, opt-outs and returned letters (roles in SecurityConfig). */
@RestController
class NotifyController {

    record TemplateRequest(@Nullable String templateId, @Nullable List<String> fields, @Nullable String reason) {
    }

    record CampaignRequest(@NotNull(message = "is required: the council's GSS code") String authority,
                           @NotNull(message = "is required: MISSED_FIRST_INSTALMENT_NOT_REMINDED or ARRANGEMENT_PAYMENT_DUE_TOMORROW") Segment segment,
                           @Nullable String eventCode,
                           @Nullable Channel channel) {
    }

    record PreferenceRequest(@NotNull(message = "is required: EMAIL or SMS") Channel channel,
                             @NotNull(message = "is required: true to stop messages on the channel, false to allow them again") Boolean optedOut,
                             @Nullable String reason) {
    }

    record ReturnedLettersRequest(@NotNull(message = "is required: the council's GSS code") String authority,
                                  @Nullable List<ReturnedLetters.Returned> letters) {
    }

    private final Authorities authorities;
    private final Templates templates;
    private final OutboxSender sender;
    private final Campaigns campaigns;
    private final ChannelPreferences preferences;
    private final ReturnedLetters returnedLetters;
    private final EventMessages eventMessages;

    NotifyController(Authorities authorities, Templates templates, OutboxSender sender, Campaigns campaigns, ChannelPreferences preferences,
                     ReturnedLetters returnedLetters, EventMessages eventMessages) {
        this.authorities = authorities;
        this.templates = templates;
        this.sender = sender;
        this.campaigns = campaigns;
        this.preferences = preferences;
        this.returnedLetters = returnedLetters;
        this.eventMessages = eventMessages;
    }

    @GetMapping("/api/v1/notify/templates/{authority}")
    List<Templates.Template> templates(@PathVariable String authority) {
        return templates.current(authorities.named(authority, "authority"));
    }

    @GetMapping("/api/v1/notify/templates/{authority}/{eventCode}/history")
    List<Templates.Template> history(@PathVariable String authority, @PathVariable String eventCode) {
        return templates.history(authorities.named(authority, "authority"), eventCode);
    }

    @PutMapping("/api/v1/notify/templates/{authority}/{eventCode}/{channel}")
    Templates.Template setTemplate(@PathVariable String authority, @PathVariable String eventCode, @PathVariable String channel,
                                   @RequestBody TemplateRequest r) {
        return templates.set(authorities.named(authority, "authority"), eventCode, channel(channel), r.templateId(), r.fields(), r.reason());
    }

    @PostMapping("/api/v1/notify/outbox/send")
    OutboxSender.Pass send() {
        return sender.sendDue();
    }

    /** The day's event messages (recovery notices issued on the date, arrangement payments due the day after). */
    @PostMapping("/api/v1/notify/event-messages")
    EventMessages.Result eventMessages(@RequestParam String authority, @RequestParam java.time.LocalDate date) {
        return eventMessages.queueForDay(authorities.named(authority, "authority"), date);
    }

    @PostMapping("/api/v1/notify/campaigns/preview")
    Campaigns.Preview preview(@Valid @RequestBody CampaignRequest r) {
        return campaigns.preview(authorities.named(r.authority(), "authority"), r.segment(), eventCode(r), r.channel() == null ? Channel.SMS : r.channel());
    }

    @PostMapping("/api/v1/notify/campaigns")
    ResponseEntity<Campaigns.Result> campaign(@Valid @RequestBody CampaignRequest r) {
        Campaigns.Result result = campaigns.send(authorities.named(r.authority(), "authority"), r.segment(), eventCode(r),
                r.channel() == null ? Channel.SMS : r.channel());
        return ResponseEntity.status(HttpStatus.CREATED).location(java.net.URI.create("/api/v1/notify/campaigns/" + result.id())).body(result);
    }

    @GetMapping("/api/v1/notify/campaigns/{id}")
    Campaigns.Result campaign(@PathVariable long id, @RequestParam String authority) {
        return campaigns.result(authorities.named(authority, "authority"), id);
    }

    @PostMapping("/api/v1/customers/{id}/channel-preferences")
    ChannelPreferences.Preference prefer(@PathVariable long id, @Valid @RequestBody PreferenceRequest r) {
        return preferences.set(id, r.channel(), r.optedOut(), r.reason());
    }

    @GetMapping("/api/v1/customers/{id}/channel-preferences")
    List<ChannelPreferences.Preference> preferences(@PathVariable long id) {
        return preferences.of(id);
    }

    @PostMapping(path = "/api/v1/notify/returned-letters", consumes = "application/json")
    List<ReturnedLetters.Recorded> returned(@Valid @RequestBody ReturnedLettersRequest r) {
        return returnedLetters.record(authorities.named(r.authority(), "authority"), r.letters() == null ? List.of() : r.letters());
    }

    /** The supplier's CSV: a header line, then {@code account_reference,notification_reference,returned_on} (either reference may be empty). */
    @PostMapping(path = "/api/v1/notify/returned-letters", consumes = "text/csv")
    List<ReturnedLetters.Recorded> returnedCsv(@RequestParam String authority, @RequestBody String csv) {
        List<ReturnedLetters.Returned> lines = new ArrayList<>();
        String[] rows = csv.split("\\R");
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            String[] cells = rows[i].split(",", -1);
            if (cells.length != 3) {
                throw InvalidInput.of("line " + (i + 1), "must have 3 cells: account_reference,notification_reference,returned_on");
            }
            LocalDate on;
            try {
                on = LocalDate.parse(cells[2].trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw InvalidInput.of("line " + (i + 1), "returned_on must be a date like 2026-11-20");
            }
            lines.add(new ReturnedLetters.Returned(blankNull(cells[0]), blankNull(cells[1]), on));
        }
        return returnedLetters.record(authorities.named(authority, "authority"), lines);
    }

    private static @Nullable String blankNull(String s) {
        return s.isBlank() ? null : s.trim();
    }

    private static String eventCode(CampaignRequest r) {
        return r.eventCode() == null || r.eventCode().isBlank() ? Campaigns.CAMPAIGN_EVENT : r.eventCode().trim();
    }

    private static Channel channel(String channel) {
        try {
            return Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("channel", "must be EMAIL or SMS");
        }
    }
}
