package org.reclaim.notify;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Parties;
import org.reclaim.shared.Money;
import org.springframework.stereotype.Component;

/** What Reclaim fills into a Notify template ({@link Templates#KNOWN_FIELDS}) for one customer's message about an account. */
@Component
class Personalisation {

    /** One message to send: the account, the customer, and the amount and date it is about (no date where none applies). */
    record Target(String accountReference, long partyId, @Nullable LocalDate dueOn, long amountPence) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Parties parties;

    Personalisation(Parties parties) {
        this.parties = parties;
    }

    Map<String, String> values(BillingAuthority authority, Target t) {
        return values(authority, t, parties.get(t.partyId()).displayName());
    }

    /** The same, with the customer's name already read (a run reads a thousand customers at once). */
    static Map<String, String> values(BillingAuthority authority, Target t, String name) {
        Map<String, String> values = new HashMap<>();
        values.put("name", name);
        values.put("account_reference", t.accountReference());
        values.put("amount", Money.ofPence(t.amountPence()).toString());
        values.put("due_date", t.dueOn() == null ? "" : t.dueOn().format(DATE));
        values.put("authority_name", authority.name());
        values.put(SurveyLinks.FIELD, SurveyLinks.MADE_WHEN_SENT);
        return values;
    }
}
