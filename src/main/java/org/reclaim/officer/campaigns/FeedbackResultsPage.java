package org.reclaim.officer.campaigns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.contactcentre.Complaints;
import org.reclaim.contactcentre.Feedback;
import org.reclaim.officer.DateInput;
import org.reclaim.officer.FormErrors;
import org.reclaim.officer.queues.AuthorityChoice;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What customers told the council (source document seeds/000, Our Customers Promise: "Ask our customers for feedback;
 * use this feedback to help shape the services we deliver"): the satisfaction survey's results by month and channel,
 * and complaints by the month received with their outcomes, for a period (the last 12 months unless chosen). Counts
 * and averages only, as the contact centre's reports give them: no customer is named.
 */
@Controller
class FeedbackResultsPage {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** One month and channel of the survey. */
    public record SurveyRow(String month, String channel, long responses, BigDecimal averageSatisfaction) {
    }

    /** One month of complaints, by the month received. */
    public record ComplaintRow(String month, Complaints.Month counts) {
    }

    private final Feedback feedback;
    private final Complaints complaints;
    private final AuthorityChoice choice;
    private final Clock clock;

    FeedbackResultsPage(Feedback feedback, Complaints complaints, AuthorityChoice choice, Clock clock) {
        this.feedback = feedback;
        this.complaints = complaints;
        this.choice = choice;
        this.clock = clock;
    }

    @GetMapping("/feedback-results")
    String results(@RequestParam(required = false) @Nullable String authority,
                   @RequestParam(name = "from-day", required = false) @Nullable String fromDay,
                   @RequestParam(name = "from-month", required = false) @Nullable String fromMonth,
                   @RequestParam(name = "from-year", required = false) @Nullable String fromYear,
                   @RequestParam(name = "to-day", required = false) @Nullable String toDay,
                   @RequestParam(name = "to-month", required = false) @Nullable String toMonth,
                   @RequestParam(name = "to-year", required = false) @Nullable String toYear,
                   Model model, jakarta.servlet.http.HttpServletResponse response) {
        BillingAuthority council = choice.choose(authority, model);
        LocalDate today = LocalDate.now(clock);
        DateInput fromInput = new DateInput(fromDay, fromMonth, fromYear);
        DateInput toInput = new DateInput(toDay, toMonth, toYear);
        FormErrors errors = FormErrors.none();
        LocalDate from = fromInput.optional("from", "start of the period", errors).orElse(YearMonth.from(today).minusMonths(11).atDay(1));
        LocalDate to = toInput.optional("to", "end of the period", errors).orElse(today);
        if (!errors.any() && to.isBefore(from)) {
            errors.add("to-day", "The end of the period must be the same as or after its start");
        }
        model.addAttribute("errors", errors);
        model.addAttribute("from", fromInput.blank() ? DateInput.of(from) : fromInput);
        model.addAttribute("to", toInput.blank() ? DateInput.of(to) : toInput);
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "officer/campaigns/feedback-results";
        }
        Feedback.Report survey = feedback.report(council.id(), from, to);
        model.addAttribute("periodFrom", from);
        model.addAttribute("periodTo", to);
        model.addAttribute("survey", survey);
        model.addAttribute("surveyRows", survey.byMonthAndChannel().stream()
                .map(m -> new SurveyRow(month(m.month()), channel(m.channel()), m.responses(), m.averageSatisfaction())).toList());
        model.addAttribute("complaintRows", complaints.report(council.id(), from, to).stream()
                .map(m -> new ComplaintRow(month(m.month()), m)).toList());
        return "officer/campaigns/feedback-results";
    }

    /** "2026-11" → "November 2026". */
    private static String month(String yearMonth) {
        return YearMonth.parse(yearMonth).format(MONTH);
    }

    private static String channel(Feedback.Channel channel) {
        return switch (channel) {
            case EMAIL -> "Email";
            case SMS -> "Text message";
            case WEB -> "After an online transaction";
        };
    }
}
