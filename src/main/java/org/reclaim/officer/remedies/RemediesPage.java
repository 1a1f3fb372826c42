package org.reclaim.officer.remedies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.officer.FormErrors;
import org.reclaim.recovery.remedies.ConfirmRemedy;
import org.reclaim.recovery.remedies.RemedyLadder;
import org.reclaim.recovery.remedies.RemedyOptions;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The remedies after a liability order, cheapest to the customer first with the rule behind each, and the form to
 * confirm one (RemedyOptions and ConfirmRemedy: the remedies that go to court or to prison, and an enforcement agent
 * referral of a vulnerable debtor, only a team leader confirms; ConfirmRemedy refuses anyone else). Field ids:
 * {@code remedy-<YEAR>-<REMEDY>} (radios, name {@code remedy}, value {@code <YEAR>:<REMEDY>}), {@code agent},
 * {@code review-note}; submit {@code confirm}.
 */
@Controller
class RemediesPage {

    private final Accounts accounts;
    private final RemedyOptions options;
    private final ConfirmRemedy confirm;
    private final Clock clock;

    RemediesPage(Accounts accounts, RemedyOptions options, ConfirmRemedy confirm, Clock clock) {
        this.accounts = accounts;
        this.options = options;
        this.confirm = confirm;
        this.clock = clock;
    }

    @GetMapping("/accounts/{reference}/remedies")
    String remedies(@PathVariable String reference, Model model) {
        Account account = accounts.readForRequest(reference, "/remedies");
        RemedyOptions.View view = options.of(account, LocalDate.now(clock));
        return show(account, view, proposed(view), Map.of(), FormErrors.none(), model);
    }

    @PostMapping("/accounts/{reference}/remedies")
    String confirm(@PathVariable String reference, @RequestParam Map<String, String> values, Model model, RedirectAttributes redirect) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        RemedyOptions.View view = options.of(account, LocalDate.now(clock));
        String chosen = values.getOrDefault("remedy", "");
        String first = firstRadio(view);
        String[] parts = chosen.split(":", 2);
        if (parts.length != 2 || !parts[0].matches("[0-9]{4}")) {
            return show(account, view, null, values, FormErrors.none().add(first, "Select the remedy to confirm"), model);
        }
        String radio = "remedy-" + parts[0] + "-" + parts[1];
        try {
            ConfirmRemedy.Confirmed c = confirm.confirm(account, new ConfirmRemedy.Request(Integer.valueOf(parts[0]), parts[1],
                    values.get("agent"), values.get("review-note")));
            redirect.addFlashAttribute("confirmation", "Confirmed " + c.remedy().words() + " for " + year(c.financialYear())
                    + (c.deductionPence() == null ? "" : ": " + org.reclaim.shared.Money.ofPence(c.deductionPence()) + " from each "
                    + String.valueOf(c.payPeriod()).toLowerCase(java.util.Locale.ROOT) + " pay")
                    + ".");
            return "redirect:/accounts/" + account.reference().value();
        } catch (ConfirmRemedy.NeedsTeamLeader e) {
            return show(account, view, chosen, values, FormErrors.none().add(radio, "Only a team leader can confirm this. "
                    + capitalised(e.getMessage())), model);
        } catch (InvalidInput e) {
            return show(account, view, chosen, values, FormErrors.of(e, Map.of("remedy", radio, "financialYear", radio,
                    "agent", "agent", "reviewNote", "review-note"), radio), model);
        } catch (Conflict e) {
            return show(account, view, chosen, values, FormErrors.none().add(radio, capitalised(e.getMessage())), model);
        }
    }

    /** "2025/26" for the year starting in 2025. */
    public static String year(int startYear) {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }

    private static @Nullable String proposed(RemedyOptions.View view) {
        return view.years().stream().filter(y -> y.proposed() != null).findFirst()
                .map(y -> y.financialYear() + ":" + y.proposed().name()).orElse(null);
    }

    private static String firstRadio(RemedyOptions.View view) {
        for (RemedyLadder.YearRemedies y : view.years()) {
            for (RemedyLadder.Option o : y.options()) {
                if (o.available()) {
                    return "remedy-" + y.financialYear() + "-" + o.remedy().name();
                }
            }
        }
        return "remedies";
    }

    private static String capitalised(@Nullable String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String show(Account account, RemedyOptions.View view, @Nullable String chosen, Map<String, String> values,
                               FormErrors errors, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("view", view);
        model.addAttribute("chosen", chosen == null ? "" : chosen);
        model.addAttribute("agent", values.getOrDefault("agent", ""));
        model.addAttribute("reviewNote", values.getOrDefault("review-note", ""));
        model.addAttribute("available", view.years().stream().flatMap(y -> y.options().stream()).anyMatch(RemedyLadder.Option::available));
        model.addAttribute("errors", errors);
        return "officer/remedies/remedies";
    }

}
