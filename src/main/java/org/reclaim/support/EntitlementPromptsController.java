package org.reclaim.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The entitlement prompts of an account, with what the customer says on the phone as optional parameters. */
@RestController
class EntitlementPromptsController {

    /** More adults than this in one home is taken for a typing error. */
    private static final int MOST_ADULTS = 30;

    record PromptsView(String account, LocalDate asOf, List<EntitlementPrompt> prompts) {
    }

    private final Accounts accounts;
    private final EntitlementPrompts prompts;
    private final Clock clock;

    EntitlementPromptsController(Accounts accounts, EntitlementPrompts prompts, Clock clock) {
        this.accounts = accounts;
        this.prompts = prompts;
        this.clock = clock;
    }

    @GetMapping("/api/v1/accounts/{reference}/entitlement-prompts")
    PromptsView prompts(@PathVariable String reference, @RequestParam(required = false) @Nullable Integer householdAdults,
                        @RequestParam(required = false) @Nullable Long monthlyIncomePence,
                        @RequestParam(required = false) @Nullable List<String> noted,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (householdAdults != null && (householdAdults < 1 || householdAdults > MOST_ADULTS)) {
            errors.add(new InvalidInput.FieldError("householdAdults", "must be from 1 (the liable person) to " + MOST_ADULTS));
        }
        if (monthlyIncomePence != null && monthlyIncomePence < 0) {
            errors.add(new InvalidInput.FieldError("monthlyIncomePence", "cannot be negative"));
        }
        Set<CircumstanceFact> circumstances = EnumSet.noneOf(CircumstanceFact.class);
        for (String name : noted == null ? List.<String>of() : noted) {
            try {
                circumstances.add(Requests.circumstance(name, "noted"));
            } catch (InvalidInput e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        Account account = accounts.readForRequest(reference, "/entitlement-prompts");
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        HouseholdFacts household = new HouseholdFacts(householdAdults, monthlyIncomePence == null ? null : Money.ofPence(monthlyIncomePence),
                circumstances);
        return new PromptsView(account.reference().value(), day, prompts.forAccount(account, household, day));
    }
}
