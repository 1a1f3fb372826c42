package org.reclaim.officer.actions;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.officer.FormErrors;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Correct a customer's phone number, email address or correspondence address, saying why. The parties module keeps
 * the value before and after each correction.
 */
@Controller
class CustomerDetailsPage {

    public record DetailsForm(@Nullable String phone, @Nullable String email, @Nullable String addressLine1, @Nullable String addressLine2,
                              @Nullable String town, @Nullable String postcode, @Nullable String reason) {
    }

    private final Parties parties;
    private final AccessAudit audit;

    CustomerDetailsPage(Parties parties, AccessAudit audit) {
        this.parties = parties;
        this.audit = audit;
    }

    @GetMapping("/customers/{id}/details/edit")
    String form(@PathVariable long id, Model model) {
        CaseWorkers.require();
        Party party = parties.get(id);
        audit.record(party.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.PARTY, id, "customer details page " + id);
        Optional<Party.ContactPoint> postal = held(party, Party.ContactKind.POSTAL);
        DetailsForm form = new DetailsForm(held(party, Party.ContactKind.PHONE).map(Party.ContactPoint::value).orElse(null),
                held(party, Party.ContactKind.EMAIL).map(Party.ContactPoint::value).orElse(null),
                postal.map(Party.ContactPoint::addressLine1).orElse(null), postal.map(Party.ContactPoint::addressLine2).orElse(null),
                postal.map(Party.ContactPoint::town).orElse(null), postal.map(Party.ContactPoint::postcode).orElse(null), null);
        return show(model, party, form, FormErrors.none());
    }

    @PostMapping("/customers/{id}/details/edit")
    String correct(@PathVariable long id, @RequestParam(required = false) @Nullable String phone,
                   @RequestParam(required = false) @Nullable String email,
                   @RequestParam(name = "address-line-1", required = false) @Nullable String addressLine1,
                   @RequestParam(name = "address-line-2", required = false) @Nullable String addressLine2,
                   @RequestParam(required = false) @Nullable String town, @RequestParam(required = false) @Nullable String postcode,
                   @RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
        Party party = parties.get(id);
        DetailsForm form = new DetailsForm(phone, email, addressLine1, addressLine2, town, postcode, reason);
        FormErrors errors = FormErrors.none();
        for (Party.ContactKind kind : Party.ContactKind.values()) {
            if (held(party, kind).isPresent() && given(form, kind).isBlank()) {
                // the parties module corrects a detail; it does not remove one
                errors.add(fieldOf(kind), "Enter the corrected " + name(kind) + ": a detail held cannot be removed here");
            }
        }
        errors.requireText("reason", reason, "Enter why the details are corrected");
        if (errors.any()) {
            return show(model, party, form, errors);
        }
        List<Party.ContactKind> changed;
        try {
            changed = parties.correctContactDetails(id, new Parties.ContactCorrection(phone, email, addressLine1, addressLine2, town,
                    postcode, reason));
        } catch (InvalidInput e) {
            return show(model, party, form, FacadeErrors.of(e, "phone", new FacadeErrors.Field("phone", "phone", "Phone number"),
                    new FacadeErrors.Field("email", "email", "Email address"),
                    new FacadeErrors.Field("addressLine1", "address-line-1", "Address line 1"),
                    new FacadeErrors.Field("postcode", "postcode", "Postcode"), new FacadeErrors.Field("reason", "reason", "Reason")));
        }
        if (changed.isEmpty()) {
            return show(model, party, form, FormErrors.none().add("phone", "Change at least one detail: these are the details already held"));
        }
        redirect.addFlashAttribute("confirmation", "Contact details corrected: "
                + String.join(", ", changed.stream().map(CustomerDetailsPage::name).toList()));
        return "redirect:/customers/" + id;
    }

    private static Optional<Party.ContactPoint> held(Party party, Party.ContactKind kind) {
        return party.contactPoints().stream().filter(p -> p.kind() == kind).findFirst();
    }

    private static String given(DetailsForm form, Party.ContactKind kind) {
        String value = switch (kind) {
            case PHONE -> form.phone();
            case EMAIL -> form.email();
            case POSTAL -> String.valueOf(form.addressLine1() == null ? "" : form.addressLine1())
                    + (form.postcode() == null ? "" : form.postcode());
        };
        return value == null ? "" : value;
    }

    private static String fieldOf(Party.ContactKind kind) {
        return switch (kind) {
            case PHONE -> "phone";
            case EMAIL -> "email";
            case POSTAL -> "address-line-1";
        };
    }

    private static String name(Party.ContactKind kind) {
        return switch (kind) {
            case PHONE -> "phone number";
            case EMAIL -> "email address";
            case POSTAL -> "correspondence address";
        };
    }

    private static String show(Model model, Party party, DetailsForm form, FormErrors errors) {
        model.addAttribute("party", party);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "officer/actions/details";
    }
}
