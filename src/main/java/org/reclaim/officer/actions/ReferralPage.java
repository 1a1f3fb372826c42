package org.reclaim.officer.actions;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.officer.FormErrors;
import org.reclaim.officer.Labels;
import org.reclaim.shared.InvalidInput;
import org.reclaim.support.AdvicePartner;
import org.reclaim.support.AdvicePartners;
import org.reclaim.support.Referrals;
import org.reclaim.support.SupportSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Refer the customer to one of the authority's advice partners, with their consent. A referral to debt advice holds
 * recovery for the authority's pause (the support module places the DEBT_ADVICE hold).
 */
@Controller
class ReferralPage {

    public record ReferralForm(@Nullable String partner, @Nullable String consent, @Nullable String reason) {
    }

    private final Accounts accounts;
    private final AdvicePartners partners;
    private final Referrals referrals;
    private final SupportSettings settings;
    private final Labels labels;

    ReferralPage(Accounts accounts, AdvicePartners partners, Referrals referrals, SupportSettings settings, Labels labels) {
        this.accounts = accounts;
        this.partners = partners;
        this.referrals = referrals;
        this.settings = settings;
        this.labels = labels;
    }

    @GetMapping("/accounts/{reference}/referrals/new")
    String form(@PathVariable String reference, Model model) {
        CaseWorkers.require();
        Account account = accounts.get(AccountReference.fromRequest(reference));
        return show(model, account, new ReferralForm(null, null, null), FormErrors.none());
    }

    @PostMapping("/accounts/{reference}/referrals/new")
    String refer(@PathVariable String reference, @ModelAttribute ReferralForm form, Model model, RedirectAttributes redirect) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        FormErrors errors = FormErrors.none();
        Long partnerId = null;
        if (form.partner() == null || !form.partner().matches("\\d{1,18}")) {
            errors.add("partner", "Select the advice partner to refer the customer to");
        } else {
            partnerId = Long.valueOf(form.partner());
        }
        if (!"yes".equals(form.consent())) {
            // the customer's details go to another organisation: only with their agreement (as the support module insists)
            errors.add("consent", "Confirm the customer agrees to be referred: refer a customer only with their consent");
        }
        errors.requireText("reason", form.reason(), "Enter what the customer needs help with");
        if (errors.any()) {
            return show(model, account, form, errors);
        }
        Referrals.Made made;
        try {
            made = referrals.refer(account.reference(), new Referrals.Request(partnerId, form.reason().strip(), true, null));
        } catch (InvalidInput e) {
            return show(model, account, form, FacadeErrors.of(e, "partner", new FacadeErrors.Field("partnerId", "partner", "Partner"),
                    new FacadeErrors.Field("consent", "consent", "Consent"), new FacadeErrors.Field("reason", "reason", "Reason")));
        }
        Referrals.Referral r = made.referral();
        redirect.addFlashAttribute("confirmation", "Referred to " + r.partnerName()
                + (r.holdEndsOn() != null ? "; recovery held until " + labels.date(r.holdEndsOn()) : ""));
        return "redirect:/accounts/" + account.reference().value();
    }

    private String show(Model model, Account account, ReferralForm form, FormErrors errors) {
        List<Option> options = partners.of(account.authorityId(), false).stream()
                .map(p -> new Option(String.valueOf(p.id()), p.name(), hint(p))).toList();
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("partners", options);
        model.addAttribute("pauseDays", settings.of(account.authorityId()).debtAdvicePauseDays());
        return "officer/actions/referral";
    }

    private String hint(AdvicePartner p) {
        String kind = labels.words(p.kind());
        return p.contact() == null || p.contact().isBlank() ? kind : kind + ". " + p.contact();
    }
}
