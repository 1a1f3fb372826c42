package org.reclaim.officer.arrangement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.arrangements.ArrangementDesk;
import org.reclaim.officer.FormErrors;
import org.reclaim.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The affordability proposal and the form to agree an arrangement: from an income and expenditure form over the
 * customer's accounts that owe something, or for one account without one. The arrangement places ARRANGEMENT holds
 * (ArrangementDesk.agree does it, in one transaction), so recovery waits while it is kept.
 */
@Controller
class ArrangementPage {

    private final ArrangementDesk desk;
    private final Accounts accounts;
    private final Clock clock;

    ArrangementPage(ArrangementDesk desk, Accounts accounts, Clock clock) {
        this.desk = desk;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/income-expenditure/{formId}/arrangement")
    String fromForm(@PathVariable long formId, Model model) {
        ArrangementDesk.Proposal p = desk.fromForm(formId, "MONTHLY", today());
        return show(p, AgreeForm.proposed(p.floor(), today()), FormErrors.none(), "/income-expenditure/" + formId + "/arrangement", model);
    }

    @PostMapping("/income-expenditure/{formId}/arrangement")
    String agreeFromForm(@PathVariable long formId, @RequestParam Map<String, String> values, Model model, RedirectAttributes redirect) {
        return agree(desk.fromForm(formId, "MONTHLY", today()), new AgreeForm(values), "/income-expenditure/" + formId + "/arrangement",
                model, redirect);
    }

    @GetMapping("/accounts/{reference}/arrangements/new")
    String forAccount(@PathVariable String reference, Model model) {
        ArrangementDesk.Proposal p = desk.forAccount(account(reference), "MONTHLY", today());
        return show(p, AgreeForm.proposed(p.floor(), today()), FormErrors.none(), "/accounts/" + reference + "/arrangements/new", model);
    }

    @PostMapping("/accounts/{reference}/arrangements/new")
    String agreeForAccount(@PathVariable String reference, @RequestParam Map<String, String> values, Model model,
                           RedirectAttributes redirect) {
        return agree(desk.forAccount(account(reference), "MONTHLY", today()), new AgreeForm(values),
                "/accounts/" + reference + "/arrangements/new", model, redirect);
    }

    private String agree(ArrangementDesk.Proposal p, AgreeForm form, String action, Model model, RedirectAttributes redirect) {
        FormErrors errors = FormErrors.none();
        ArrangementDesk.Terms terms = form.terms(p.partyId(), p.references(), p.formId(), errors);
        if (errors.any()) {
            return show(p, form, errors, action, model);
        }
        try {
            ArrangementDesk.Agreed a = desk.agree(terms, form.value("key"));
            redirect.addFlashAttribute("confirmation", "Arrangement agreed: " + a.instalment() + " " + a.frequency().toLowerCase(java.util.Locale.ROOT)
                    + " by " + a.method().label() + " from " + a.firstPaymentOn() + " to " + a.lastPaymentOn()
                    + ". Recovery is held while it is kept.");
            return "redirect:/accounts/" + a.accounts().get(0);
        } catch (InvalidInput e) {
            return show(p, form, AgreeForm.errors(e), action, model);
        } catch (org.reclaim.shared.Conflict e) {
            // e.g. an account already in an arrangement: said in the error summary, the form kept
            String m = String.valueOf(e.getMessage());
            return show(p, form, FormErrors.none().add("amount", Character.toUpperCase(m.charAt(0)) + m.substring(1)), action, model);
        }
    }

    private Account account(String reference) {
        return accounts.readForRequest(reference, "/arrangements/new");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String show(ArrangementDesk.Proposal p, AgreeForm form, FormErrors errors, String action, Model model) {
        model.addAttribute("proposal", p);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("action", action);
        return "officer/arrangement/arrangement";
    }

}
