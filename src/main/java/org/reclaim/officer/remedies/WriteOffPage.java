package org.reclaim.officer.remedies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.Ledger;
import org.reclaim.officer.FormErrors;
import org.reclaim.officer.PoundsInput;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.reclaim.worklists.Task;
import org.reclaim.worklists.Worklists;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recommend a write-off. There is no write-off module yet: the recommendation is a task on the TASKS worklist for a
 * team leader to approve (Worklists.raise, once per form shown: the hidden {@code key}), and nothing is posted to the
 * ledger. Field ids: {@code amount}, {@code reason-<REASON>} (radios, name {@code reason}), {@code notes}; submit
 * {@code recommend}.
 */
@Controller
class WriteOffPage {

    /** The task's kind on the worklist. */
    static final String KIND = "WRITE_OFF_RECOMMENDED";

    private final Accounts accounts;
    private final Ledger ledger;
    private final Worklists worklists;
    private final Clock clock;

    WriteOffPage(Accounts accounts, Ledger ledger, Worklists worklists, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.worklists = worklists;
        this.clock = clock;
    }

    @GetMapping("/accounts/{reference}/write-off/new")
    String form(@PathVariable String reference, Model model) {
        Account account = accounts.readForRequest(reference, "/write-off/new");
        Money balance = ledger.balance(account);
        Map<String, String> values = new HashMap<>();
        values.put("amount", balance.isPositive() ? balance.toString().replace("£", "").replace(",", "") : "");
        values.put("key", java.util.UUID.randomUUID().toString());
        return show(account, balance, values, FormErrors.none(), model);
    }

    @PostMapping("/accounts/{reference}/write-off/new")
    String recommend(@PathVariable String reference, @RequestParam Map<String, String> values, Model model, RedirectAttributes redirect) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        Money balance = ledger.balance(account);
        FormErrors errors = FormErrors.none();
        Money amount = PoundsInput.parse(values.get("amount")).orElse(null);
        if (amount == null || !amount.isPositive()) {
            errors.add("amount", "Enter the amount to write off in pounds, like 120.50");
        } else if (amount.isGreaterThan(balance)) {
            errors.add("amount", "The amount to write off must not be more than the balance of " + balance);
        }
        WriteOffReason reason = null;
        try {
            reason = WriteOffReason.valueOf(values.getOrDefault("reason", ""));
        } catch (IllegalArgumentException e) {
            errors.add("reason-" + WriteOffReason.values()[0].name(), "Select why the debt should be written off");
        }
        String notes = values.getOrDefault("notes", "").strip();
        if (reason == WriteOffReason.OTHER && notes.isEmpty()) {
            errors.add("notes", "Enter notes saying why the debt should be written off");
        } else if (notes.length() > 600) {
            errors.add("notes", "Notes must be 600 characters or fewer");
        }
        if (errors.any()) {
            return show(account, balance, values, errors, model);
        }
        String text = "Approve a write-off of " + amount + " (balance " + balance + "): " + reason.label()
                + (notes.isEmpty() ? "" : ". " + notes) + ". Recommended for a team leader's approval; nothing is posted until approved.";
        try {
            Task task = worklists.raiseForTeamLeader(account.id(), KIND, text, LocalDate.now(clock), "write-off:" + values.getOrDefault("key", ""));
            redirect.addFlashAttribute("confirmation", "Write-off of " + amount + " recommended (" + reason.label().toLowerCase(java.util.Locale.ROOT)
                    + "). It awaits a team leader's approval: task " + task.id() + " on the tasks worklist.");
            return "redirect:/accounts/" + account.reference().value();
        } catch (InvalidInput e) {
            return show(account, balance, values, FormErrors.of(e, Map.of("reason", "notes"), "notes"), model);
        }
    }

    private static String show(Account account, Money balance, Map<String, String> values, FormErrors errors, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("balance", balance);
        model.addAttribute("values", values);
        model.addAttribute("reasons", WriteOffReason.values());
        model.addAttribute("errors", errors);
        return "officer/remedies/write-off";
    }
}
