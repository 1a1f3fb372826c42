package org.reclaim.officer.actions;

import org.reclaim.officer.DateInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.officer.FormErrors;
import org.reclaim.officer.Labels;
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Place a hold on an account's recovery, and end one early. The recovery module's rules decide (Holds): a standard
 * breathing space ends 60 days after it starts, a mental health crisis breathing space has a review date instead of
 * an end, every other hold needs an end or a review date.
 */
@Controller
class HoldPages {

    /** The holds an officer places by hand; ARRANGEMENT and DEBT_ADVICE are placed by agreeing an arrangement or referring. */
    static final List<HoldType> PLACED_BY_HAND = List.of(HoldType.BREATHING_SPACE_STANDARD, HoldType.BREATHING_SPACE_MENTAL_HEALTH,
            HoldType.DISPUTE, HoldType.APPEAL, HoldType.CTR_CLAIM_PENDING, HoldType.VULNERABILITY_REVIEW, HoldType.DECEASED,
            HoldType.INSOLVENCY);

    static final String FIRST_TYPE = "type-" + PLACED_BY_HAND.get(0).name();

    public record HoldForm(@Nullable String type, DateInput start, DateInput end, DateInput review, @Nullable String reason) {
    }

    private final Accounts accounts;
    private final Holds holds;
    private final Clock clock;
    private final Labels labels;

    HoldPages(Accounts accounts, Holds holds, Clock clock, Labels labels) {
        this.labels = labels;
        this.accounts = accounts;
        this.holds = holds;
        this.clock = clock;
    }

    @GetMapping("/accounts/{reference}/holds/new")
    String form(@PathVariable String reference, Model model) {
        CaseWorkers.require();
        Account account = accounts.get(AccountReference.fromRequest(reference));
        return show(model, account, new HoldForm(null, DateInput.of(LocalDate.now(clock)), DateInput.of(null), DateInput.of(null), null),
                FormErrors.none());
    }

    @PostMapping("/accounts/{reference}/holds/new")
    String place(@PathVariable String reference, @RequestParam(required = false) @Nullable String type,
                 @RequestParam(name = "start-day", required = false) @Nullable String startDay,
                 @RequestParam(name = "start-month", required = false) @Nullable String startMonth,
                 @RequestParam(name = "start-year", required = false) @Nullable String startYear,
                 @RequestParam(name = "end-day", required = false) @Nullable String endDay,
                 @RequestParam(name = "end-month", required = false) @Nullable String endMonth,
                 @RequestParam(name = "end-year", required = false) @Nullable String endYear,
                 @RequestParam(name = "review-day", required = false) @Nullable String reviewDay,
                 @RequestParam(name = "review-month", required = false) @Nullable String reviewMonth,
                 @RequestParam(name = "review-year", required = false) @Nullable String reviewYear,
                 @RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        HoldForm form = new HoldForm(type, new DateInput(startDay, startMonth, startYear), new DateInput(endDay, endMonth, endYear),
                new DateInput(reviewDay, reviewMonth, reviewYear), reason);
        FormErrors errors = FormErrors.none();
        HoldType holdType = PLACED_BY_HAND.stream().filter(t -> t.name().equals(type)).findFirst().orElse(null);
        if (holdType == null) {
            errors.add(FIRST_TYPE, "Select the type of hold");
        }
        LocalDate startsOn = form.start().required("start", "date the hold starts", errors).orElse(null);
        LocalDate endsOn = form.end().optional("end", "end date", errors).orElse(null);
        LocalDate reviewOn = form.review().optional("review", "review date", errors).orElse(null);
        if (holdType == HoldType.BREATHING_SPACE_MENTAL_HEALTH && reviewOn == null && form.review().blank()) {
            // SI 2020/1311 Part 3: it lasts while the crisis treatment lasts and 30 days after, so its end is not known
            errors.add("review-day", "Enter a review date: a mental health crisis breathing space lasts while the crisis treatment "
                    + "lasts and 30 days after (SI 2020/1311, Part 3)");
        } else if (holdType != null && holdType != HoldType.BREATHING_SPACE_STANDARD && form.end().blank() && form.review().blank()) {
            errors.add("end-day", "Enter an end date or a review date: a hold needs one or the other");
        }
        errors.requireText("reason", reason, "Enter why recovery is held");
        if (errors.any()) {
            return show(model, account, form, errors);
        }
        Holds.Hold hold;
        try {
            hold = holds.place(account, holdType, startsOn, endsOn, reviewOn, reason.strip());
        } catch (InvalidInput e) {
            return show(model, account, form, FacadeErrors.of(e, FIRST_TYPE, new FacadeErrors.Field("type", FIRST_TYPE, "Type"),
                    new FacadeErrors.Field("endsOn", "end-day", "End date"), new FacadeErrors.Field("reviewOn", "review-day", "Review date"),
                    new FacadeErrors.Field("reason", "reason", "Reason")));
        }
        redirect.addFlashAttribute("confirmation", "Hold placed: " + Choice.words(hold.type()) + " from " + labels.date(hold.startsOn())
                + (hold.endsOn() != null ? " to " + labels.date(hold.endsOn()) : "")
                + (hold.reviewOn() != null ? ", review on " + labels.date(hold.reviewOn()) : ""));
        return "redirect:/accounts/" + account.reference().value();
    }

    @GetMapping("/accounts/{reference}/holds/{holdId}/end")
    String endForm(@PathVariable String reference, @PathVariable long holdId, Model model) {
        CaseWorkers.require();
        // the page shows the hold's reason, as GET /api/v1/accounts/{reference}/holds does: audited the same way
        Account account = accounts.readForRequest(reference, "/holds");
        return showEnd(model, account, hold(account, holdId), "", FormErrors.none());
    }

    @PostMapping("/accounts/{reference}/holds/{holdId}/end")
    String end(@PathVariable String reference, @PathVariable long holdId, @RequestParam(required = false) @Nullable String reason,
               Model model, RedirectAttributes redirect) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        Holds.Hold hold = hold(account, holdId);
        FormErrors errors = FormErrors.none().requireText("reason", reason, "Enter why the hold ends");
        if (errors.any()) {
            return showEnd(model, account, hold, reason, errors);
        }
        Holds.Hold ended;
        try {
            ended = holds.end(account, holdId, LocalDate.now(clock), reason.strip());
        } catch (InvalidInput e) {
            return showEnd(model, account, hold, reason, FacadeErrors.of(e, "reason", new FacadeErrors.Field("reason", "reason", "Reason")));
        }
        redirect.addFlashAttribute("confirmation", "Hold ended: " + Choice.words(ended.type()) + " from " + labels.date(ended.endedOn()));
        return "redirect:/accounts/" + account.reference().value();
    }

    private Holds.Hold hold(Account account, long holdId) {
        return holds.of(account).stream().filter(h -> h.id() == holdId).findFirst()
                .orElseThrow(() -> NotFound.of("hold on account " + account.reference() + " with id", holdId));
    }

    private static String show(Model model, Account account, HoldForm form, FormErrors errors) {
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", PLACED_BY_HAND.stream().map(t -> new Option(t.name(), label(t), hint(t))).toList());
        return "officer/actions/hold";
    }

    private static String showEnd(Model model, Account account, Holds.Hold hold, @Nullable String reason, FormErrors errors) {
        model.addAttribute("account", account);
        model.addAttribute("hold", hold);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "officer/actions/hold-end";
    }

    private static String label(HoldType type) {
        return switch (type) {
            case BREATHING_SPACE_STANDARD -> "Breathing space (standard)";
            case BREATHING_SPACE_MENTAL_HEALTH -> "Mental health crisis breathing space";
            case CTR_CLAIM_PENDING -> "Council Tax Reduction claim pending";
            default -> Option.of(type).get(0).label();
        };
    }

    private static @Nullable String hint(HoldType type) {
        return switch (type) {
            // SI 2020/1311 reg 26: a standard breathing space lasts 60 days
            case BREATHING_SPACE_STANDARD -> "Ends 60 days after it starts (Debt Respite Scheme regulations, SI 2020/1311): leave the end date blank";
            // SI 2020/1311 Part 3: it lasts while the crisis treatment lasts and 30 days after
            case BREATHING_SPACE_MENTAL_HEALTH -> "Lasts while the crisis treatment lasts and 30 days after (SI 2020/1311): give a review date, not an end date";
            default -> null;
        };
    }
}
