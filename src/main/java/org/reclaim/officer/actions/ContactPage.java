package org.reclaim.officer.actions;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.contacts.Contact;
import org.reclaim.contacts.Contacts;
import org.reclaim.officer.FormErrors;
import org.reclaim.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Record a contact with the customer on an account's contact log (it shows on the account's recovery timeline). */
@Controller
class ContactPage {

    /** The form; {@code key} is made when the form is shown, so that posting it twice records one contact. */
    public record ContactForm(@Nullable String channel, @Nullable String direction, @Nullable String outcome, @Nullable String notes,
                              @Nullable String key) {
    }

    static final int NOTES_MAX = 4000;   // as the contacts API allows

    private final Accounts accounts;
    private final Contacts contacts;

    ContactPage(Accounts accounts, Contacts contacts) {
        this.accounts = accounts;
        this.contacts = contacts;
    }

    @GetMapping("/accounts/{reference}/contacts/new")
    String form(@PathVariable String reference, Model model) {
        CaseWorkers.require();
        Account account = accounts.get(AccountReference.fromRequest(reference));
        return show(model, account, new ContactForm(null, null, null, null, UUID.randomUUID().toString()), FormErrors.none());
    }

    @PostMapping("/accounts/{reference}/contacts/new")
    String record(@PathVariable String reference, @ModelAttribute ContactForm form, Model model, RedirectAttributes redirect) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        FormErrors errors = FormErrors.none();
        Contact.Channel channel = Choice.of(Contact.Channel.class, form.channel(), "channel", "Select how the contact was made", errors);
        Contact.Direction direction = Choice.of(Contact.Direction.class, form.direction(), "direction",
                "Select who made the contact: the customer or the council", errors);
        Contact.Outcome outcome = Choice.of(Contact.Outcome.class, form.outcome(), "outcome", "Select the outcome of the contact", errors);
        if (form.notes() != null && form.notes().length() > NOTES_MAX) {
            errors.add("notes", "Notes must be 4,000 characters or fewer");
        }
        if (errors.any()) {
            return show(model, account, form, errors);
        }
        String notes = form.notes() == null || form.notes().isBlank() ? null : form.notes().strip();
        try {
            contacts.record(account, new Contacts.NewContact(channel, direction, outcome, notes, null), Choice.key(form.key()));
        } catch (InvalidInput e) {
            return show(model, account, form, FacadeErrors.of(e, "channel", new FacadeErrors.Field("notes", "notes", "Notes")));
        }
        redirect.addFlashAttribute("confirmation", "Contact recorded: " + Choice.words(channel) + ", " + Choice.words(direction)
                + ", " + Choice.words(outcome));
        return "redirect:/accounts/" + account.reference().value();
    }

    private static String show(Model model, Account account, ContactForm form, FormErrors errors) {
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("channels", Option.of(Contact.Channel.values()).stream()
                .map(o -> o.value().equals("SMS") ? new Option("SMS", "Text message (SMS)", null) : o).toList());
        model.addAttribute("directions", java.util.List.of(new Option("INBOUND", "The customer contacted the council", null),
                new Option("OUTBOUND", "The council contacted the customer", null)));
        model.addAttribute("outcomes", Option.of(Contact.Outcome.values()));
        model.addAttribute("notesMax", NOTES_MAX);
        return "officer/actions/contact";
    }
}
