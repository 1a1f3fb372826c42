package org.reclaim.notify;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.reclaim.accounts.Account;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.springframework.stereotype.Component;

/**
 * Why a message must not go, checked when it is queued and again just before it is sent. The rules are one function of
 * what is known about the account and the customer ({@link #reason(List, boolean, Optional, Channel, LocalDate)}), so a
 * run that reads those facts for a thousand messages at once decides exactly as a single message does.
 */
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
        return reason(holds.of(account), preferences.optedOut(account.authorityId(), partyId, channel), parties.find(partyId), channel, today);
    }

    /** The same decision from facts already read: the account's holds, the customer's opt-out of the channel, the customer. */
    static Optional<String> reason(List<Holds.Hold> accountHolds, boolean optedOut, Optional<Party> party, Channel channel, LocalDate today) {
        // Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis Moratorium) (England and Wales)
        // Regulations 2020 (SI 2020/1311) reg 7: while a moratorium is in force a creditor must not contact the debtor
        // to request payment of a moratorium debt
        Optional<Holds.Hold> breathingSpace = accountHolds.stream()
                .filter(h -> (h.type() == HoldType.BREATHING_SPACE_STANDARD || h.type() == HoldType.BREATHING_SPACE_MENTAL_HEALTH)
                        && h.inForceOn(today))
                .findFirst();
        if (breathingSpace.isPresent()) {
            return Optional.of("breathing space (" + breathingSpace.get().type() + " from " + breathingSpace.get().startsOn()
                    + "): no contact to request payment, SI 2020/1311 reg 7");
        }
        if (optedOut) {
            return Optional.of("the customer opted out of " + (channel == Channel.SMS ? "text messages" : "email"));
        }
        if (recipient(party, channel).isEmpty()) {
            return Optional.of("no " + (channel == Channel.SMS ? "phone number" : "email address") + " is held for the customer");
        }
        return Optional.empty();
    }

    /** What the rules need for many messages on one channel: the accounts' holds, the opt-outs, the customers; five queries. */
    Facts facts(int authorityId, Collection<Long> accountIds, Collection<Long> partyIds, Channel channel) {
        return new Facts(channel, holds.of(authorityId, accountIds), preferences.optedOut(authorityId, partyIds, channel),
                parties.findAll(partyIds).stream().collect(Collectors.toMap(Party::id, p -> p)));
    }

    /** The facts for a set of messages on one channel, each message decided by the same rules as one queued alone. */
    record Facts(Channel channel, Map<Long, List<Holds.Hold>> holds, Set<Long> optedOut, Map<Long, Party> parties) {

        Optional<Party> party(long partyId) {
            return Optional.ofNullable(parties.get(partyId));
        }

        Optional<String> reason(long accountId, long partyId, LocalDate today) {
            return Suppression.reason(holds.getOrDefault(accountId, List.of()), optedOut.contains(partyId), party(partyId), channel, today);
        }
    }

    /** The customer's preferred email address or phone number for the channel. */
    Optional<String> recipient(long partyId, Channel channel) {
        return recipient(parties.find(partyId), channel);
    }

    private static Optional<String> recipient(Optional<Party> party, Channel channel) {
        Party.ContactKind kind = channel == Channel.SMS ? Party.ContactKind.PHONE : Party.ContactKind.EMAIL;
        return party.flatMap(p -> p.contactPoints().stream().filter(c -> c.kind() == kind && c.value() != null)
                .sorted((a, b) -> Boolean.compare(b.preferred(), a.preferred())).map(Party.ContactPoint::value).findFirst());
    }
}
