package org.reclaim.notify;

import java.time.LocalDate;
import java.util.Optional;
import org.reclaim.accounts.Account;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.springframework.stereotype.Component;

/** Why a message must not go, checked when it is queued and again just before it is sent. */
@Component
class Suppression {

    private final Holds holds;
    private final ChannelPreferences preferences;
    private final Parties parties;

    Suppression(Holds holds, ChannelPreferences preferences, Parties parties) {
        this.holds = holds;
        this.preferences = preferences;
        this.parties = parties;
    }

    /** The reason the message is suppressed today, or empty when it may go. Every message Reclaim sends is about the debt. */
    Optional<String> reason(Account account, long partyId, Channel channel, LocalDate today) {
        // Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis Moratorium) (England and Wales)
        // Regulations 2020 (SI 2020/1311) reg 7: while a moratorium is in force a creditor must not contact the debtor
        // to request payment of a moratorium debt
        Optional<Holds.Hold> breathingSpace = holds.of(account).stream()
                .filter(h -> (h.type() == HoldType.BREATHING_SPACE_STANDARD || h.type() == HoldType.BREATHING_SPACE_MENTAL_HEALTH)
                        && h.inForceOn(today))
                .findFirst();
        if (breathingSpace.isPresent()) {
            return Optional.of("breathing space (" + breathingSpace.get().type() + " from " + breathingSpace.get().startsOn()
                    + "): no contact to request payment, SI 2020/1311 reg 7");
        }
        if (preferences.optedOut(account.authorityId(), partyId, channel)) {
            return Optional.of("the customer opted out of " + (channel == Channel.SMS ? "text messages" : "email"));
        }
        if (recipient(partyId, channel).isEmpty()) {
            return Optional.of("no " + (channel == Channel.SMS ? "phone number" : "email address") + " is held for the customer");
        }
        return Optional.empty();
    }

    /** The customer's preferred email address or phone number for the channel. */
    Optional<String> recipient(long partyId, Channel channel) {
        Party.ContactKind kind = channel == Channel.SMS ? Party.ContactKind.PHONE : Party.ContactKind.EMAIL;
        return parties.find(partyId).flatMap(p -> p.contactPoints().stream().filter(c -> c.kind() == kind && c.value() != null)
                .sorted((a, b) -> Boolean.compare(b.preferred(), a.preferred())).map(Party.ContactPoint::value).findFirst());
    }
}
