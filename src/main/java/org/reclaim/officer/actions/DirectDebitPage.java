package org.reclaim.officer.actions;

import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.directdebit.Mandate;
import org.reclaim.directdebit.Mandates;
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
 * Set up a Direct Debit for the payer on the phone: their bank details, read back the Direct Debit Guarantee, and
 * record that it was read. The bank details are checked by the Direct Debit module (format, length, modulus check);
 * once saved they are never shown in full again: the confirmation gives the sort code's last 2 digits and the account
 * number's last 4.
 */
@Controller
class DirectDebitPage {

    public record DirectDebitForm(@Nullable String name, @Nullable String sortCode, @Nullable String accountNumber,
                                  @Nullable String paymentDay, boolean guarantee) {
    }

    private final Accounts accounts;
    private final Mandates mandates;

    DirectDebitPage(Accounts accounts, Mandates mandates) {
        this.accounts = accounts;
        this.mandates = mandates;
    }

    @GetMapping("/accounts/{reference}/direct-debit/new")
    String form(@PathVariable String reference, Model model) {
        CaseWorkers.require();
        Account account = accounts.get(AccountReference.fromRequest(reference));
        return show(model, account, new DirectDebitForm(null, null, null, null, false), FormErrors.none());
    }

    @PostMapping("/accounts/{reference}/direct-debit/new")
    String setUp(@PathVariable String reference, @RequestParam(required = false) @Nullable String name,
                 @RequestParam(name = "sort-code", required = false) @Nullable String sortCode,
                 @RequestParam(name = "account-number", required = false) @Nullable String accountNumber,
                 @RequestParam(name = "payment-day", required = false) @Nullable String paymentDay,
                 @RequestParam(required = false) @Nullable String guarantee, Model model, RedirectAttributes redirect) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        DirectDebitForm form = new DirectDebitForm(name, sortCode, accountNumber, paymentDay, "yes".equals(guarantee));
        FormErrors errors = FormErrors.none()
                .requireText("name", name, "Enter the name on the bank account")
                .requireText("sort-code", sortCode, "Enter the sort code")
                .requireText("account-number", accountNumber, "Enter the account number");
        Integer day = null;
        if (paymentDay != null && !paymentDay.isBlank()) {
            if (paymentDay.strip().matches("\\d{1,2}")) {
                day = Integer.valueOf(paymentDay.strip());
            } else {
                errors.add("payment-day", "Collection day must be a day of the month, like 1 or 15");
            }
        }
        if (!form.guarantee()) {
            // Bacs Direct Debit scheme rules: the payer is given the Guarantee before the instruction is taken
            errors.add("guarantee", "Read the Direct Debit Guarantee to the payer, then confirm you have read it");
        }
        if (errors.any()) {
            return show(model, account, form, errors);
        }
        Mandate mandate;
        try {
            mandate = mandates.setUp(account, new Mandates.SetUp(name.strip(), sortCode.strip(), accountNumber.strip(), day, true, null));
        } catch (InvalidInput e) {
            return show(model, account, form, FacadeErrors.of(e, "name", new FacadeErrors.Field("payerName", "name", "Name on the account"),
                    new FacadeErrors.Field("sortCode", "sort-code", "Sort code"),
                    new FacadeErrors.Field("accountNumber", "account-number", "Account number"),
                    new FacadeErrors.Field("paymentDay", "payment-day", "Collection day"),
                    new FacadeErrors.Field("guaranteeShown", "guarantee", "The Direct Debit Guarantee")));
        }
        redirect.addFlashAttribute("confirmation", "Direct Debit " + mandate.reference() + " set up: sort code ending "
                + mandate.sortCodeEnding() + ", account number ending " + mandate.accountNumberEnding() + ", collected on day "
                + mandate.paymentDay() + " of the month");
        return "redirect:/accounts/" + account.reference().value();
    }

    private static String show(Model model, Account account, DirectDebitForm form, FormErrors errors) {
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("noticeDays", Mandates.STANDARD_NOTICE_WORKING_DAYS);
        return "officer/actions/direct-debit";
    }
}
