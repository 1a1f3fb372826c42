package org.reclaim.officer.campaigns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.notify.Campaigns;
import org.reclaim.notify.Channel;
import org.reclaim.notify.Segment;
import org.reclaim.officer.FormErrors;
import org.reclaim.officer.actions.Option;
import org.reclaim.officer.queues.AuthorityChoice;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.OutsideServiceFailed;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk texting (and email) campaigns from a page: the council's campaigns with their results, a new campaign's
 * preview (who is in the segment today, and the first one's message as Notify renders it) and its send, and one
 * campaign's results — did the nudge work. The collections team previews; a team leader sends (SecurityConfig.pages),
 * as the API has it. The council's campaign message is its template for {@link Campaigns#CAMPAIGN_EVENT}.
 */
@Controller
class CampaignPages {

    static final int LATEST = 50;

    static final List<Option> SEGMENTS = List.of(
            new Option(Segment.MISSED_FIRST_INSTALMENT_NOT_REMINDED.name(), "Missed an instalment, not yet reminded",
                    "Customers whose bill for this year has an instalment that is overdue and not paid, and who have not had a reminder this year"),
            new Option(Segment.ARRANGEMENT_PAYMENT_DUE_TOMORROW.name(), "Arrangement payment due tomorrow",
                    "Customers with an arrangement in force whose next payment is due tomorrow"));

    static final List<Option> CHANNELS = List.of(
            new Option(Channel.SMS.name(), "Text message", "To the customer's mobile phone number"),
            new Option(Channel.EMAIL.name(), "Email", "To the customer's email address"));

    /** What the new campaign form holds, as posted. */
    public record Form(String authority, String segment, String channel) {
    }

    /** A campaign as the pages show it: its results, the segment and channel in words, and the share that paid. */
    public record View(Campaigns.Result result, String segment, String channel, long messages, @Nullable BigDecimal paidSharePercent) {
    }

    private final Campaigns campaigns;
    private final AuthorityChoice choice;

    CampaignPages(Campaigns campaigns, AuthorityChoice choice) {
        this.campaigns = campaigns;
        this.choice = choice;
    }

    @GetMapping("/campaigns")
    String list(@RequestParam(required = false) @Nullable String authority, Model model) {
        BillingAuthority council = choice.choose(authority, model);
        model.addAttribute("campaigns", campaigns.latest(council, LATEST).stream().map(CampaignPages::view).toList());
        model.addAttribute("latest", LATEST);
        return "officer/campaigns/campaigns";
    }

    @GetMapping("/campaigns/new")
    String form(@RequestParam(required = false) @Nullable String authority, Model model) {
        BillingAuthority council = choice.choose(authority, model);
        return show(model, new Form(council.gssCode(), "", ""), FormErrors.none(), null);
    }

    /** The preview: nothing is sent. */
    @PostMapping("/campaigns/new")
    String preview(@RequestParam(defaultValue = "") String authority, @RequestParam(defaultValue = "") String segment,
                   @RequestParam(defaultValue = "") String channel, Model model, HttpServletResponse response) {
        Form form = new Form(authority, segment, channel);
        return withRequest(form, model, response, r -> show(model, form, FormErrors.none(),
                campaigns.preview(r.council(), r.segment(), Campaigns.CAMPAIGN_EVENT, r.channel())));
    }

    /** The send (a team leader's): the same segment and channel again on the same day is the same campaign. */
    @PostMapping("/campaigns")
    String send(@RequestParam(defaultValue = "") String authority, @RequestParam(defaultValue = "") String segment,
                @RequestParam(defaultValue = "") String channel, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return withRequest(new Form(authority, segment, channel), model, response, r -> {
            View sent = view(campaigns.send(r.council(), r.segment(), Campaigns.CAMPAIGN_EVENT, r.channel()));
            redirect.addFlashAttribute("confirmation", "Campaign " + sent.result().id() + " sent: " + sent.messages() + " "
                    + (sent.messages() == 1 ? "message" : "messages") + " (" + sent.segment() + ", by " + sent.channel().toLowerCase(Locale.UK) + ")");
            return "redirect:/campaigns/" + sent.result().id() + "?authority=" + r.council().gssCode();
        });
    }

    /**
     * Does {@code action} with the council, segment and channel the form names; or shows the form again with what is
     * wrong: a field left out or the facade's refusal (400), or Notify unable to render the sample (its status).
     */
    private String withRequest(Form form, Model model, HttpServletResponse response, Function<Request, String> action) {
        FormErrors errors = FormErrors.none();
        Optional<Request> request = request(form, errors);
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (request.isPresent()) {
            try {
                return action.apply(request.get());
            } catch (InvalidInput e) {
                errors = refused(e, request.get());
            } catch (OutsideServiceFailed e) {
                errors.add("channel", String.valueOf(e.getMessage()));
                status = e.status();
            }
        }
        response.setStatus(status.value());
        return show(model, form, errors, null);
    }

    @GetMapping("/campaigns/{id}")
    String campaign(@PathVariable long id, @RequestParam(required = false) @Nullable String authority, Model model) {
        BillingAuthority council = choice.choose(authority, model);
        model.addAttribute("campaign", view(campaigns.result(council, id)));
        return "officer/campaigns/campaign";
    }

    /** The facade's refusal: no template in force for the channel is said in words against the channel. */
    private static FormErrors refused(InvalidInput e, Request r) {
        FormErrors errors = FormErrors.none();
        for (InvalidInput.FieldError error : e.errors()) {
            if (error.field().equals("eventCode")) {
                errors.add("channel", r.council().name() + " has no " + title(CHANNELS, r.channel().name()).toLowerCase(Locale.UK)
                        + " template for campaigns yet: an administrator sets one first");
            } else {
                errors.add("segment", error.message());
            }
        }
        return errors;
    }

    private String show(Model model, Form form, FormErrors errors, Campaigns.@Nullable Preview preview) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("authorities", choice.all());
        model.addAttribute("segments", SEGMENTS);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("preview", preview);
        if (preview != null) {
            model.addAttribute("segmentTitle", title(SEGMENTS, preview.segment()));
            model.addAttribute("channelTitle", title(CHANNELS, form.channel()));
            model.addAttribute("sampleLines", preview.sample() == null ? List.of() : List.of(preview.sample().split("\\R")));
        }
        return "officer/campaigns/new";
    }

    private record Request(BillingAuthority council, Segment segment, Channel channel) {
    }

    /** The council, segment and channel the form names, or the errors against its fields. */
    private Optional<Request> request(Form form, FormErrors errors) {
        Optional<BillingAuthority> council = choice.fromForm(form.authority(), "Select the council to send the campaign for", errors);
        if (SEGMENTS.stream().noneMatch(c -> c.value().equals(form.segment()))) {
            errors.add("segment", "Select who to send the campaign to");
        }
        if (CHANNELS.stream().noneMatch(c -> c.value().equals(form.channel()))) {
            errors.add("channel", "Select how to send the campaign: text message or email");
        }
        if (errors.any()) {
            return Optional.empty();
        }
        return Optional.of(new Request(council.orElseThrow(), Segment.valueOf(form.segment()), Channel.valueOf(form.channel())));
    }

    static View view(Campaigns.Result r) {
        // every message of the campaign, one per account of the segment when it was sent ("sent" includes the delivered)
        long messages = r.queued() + r.sent() + r.failed() + r.suppressed();
        BigDecimal share = messages == 0 ? null
                : BigDecimal.valueOf(r.accountsPaidWithin7Days() * 100).divide(BigDecimal.valueOf(messages), 1, RoundingMode.HALF_UP);
        return new View(r, title(SEGMENTS, r.segment()), title(CHANNELS, r.channel().name()), messages, share);
    }

    private static String title(List<Option> choices, String code) {
        return choices.stream().filter(c -> c.value().equals(code)).map(Option::label).findFirst().orElse(code);
    }
}
