package org.reclaim.parties;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A person or organisation known to an authority, with its contact points and flags. */
public record Party(long id, int authorityId, PartyKind kind, @Nullable String title, @Nullable String forenames,
                    @Nullable String surname, @Nullable String organisationName, @Nullable LocalDate dateOfBirth,
                    List<ContactPoint> contactPoints, List<Flag> flags) {

    public enum ContactKind { POSTAL, PHONE, EMAIL }

    public record ContactPoint(long id, ContactKind kind, @Nullable String value, @Nullable String addressLine1,
                               @Nullable String addressLine2, @Nullable String town, @Nullable String postcode, boolean preferred) {
    }

    /**
     * A flag; {@code detailRestricted} when the note (for a vulnerability, the reason: health and similar details) is
     * withheld from the reader (see {@link #forReader}).
     */
    public record Flag(PartyFlag flag, LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable String note, @Nullable Boolean consent,
                       String recordedBy, boolean detailRestricted) {
        public boolean activeOn(LocalDate date) {
            return !startsOn.isAfter(date) && (endsOn == null || !endsOn.isBefore(date));
        }
    }

    /**
     * The party as a reader may see it: the reason for a vulnerability is special category data (UK GDPR art. 9), so
     * it is shown only to team leaders and to the officer who recorded it; everyone else sees that the customer is
     * vulnerable, and when, but not why.
     */
    public Party forReader(String username, boolean teamLeader) {
        List<Flag> shown = flags.stream().map(f -> f.flag() != PartyFlag.VULNERABLE || teamLeader || f.recordedBy().equals(username) ? f
                : new Flag(f.flag(), f.startsOn(), f.endsOn(), null, f.consent(), f.recordedBy(), f.note() != null)).toList();
        return new Party(id, authorityId, kind, title, forenames, surname, organisationName, dateOfBirth, contactPoints, shown);
    }

    /** "Mrs Jane Smith" or "Wigston Bakery Ltd". */
    public String displayName() {
        if (kind == PartyKind.ORGANISATION) {
            return organisationName == null ? "" : organisationName;
        }
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {title, forenames, surname}) {
            if (part != null && !part.isBlank()) {
                if (!s.isEmpty()) {
                    s.append(' ');
                }
                s.append(part);
            }
        }
        return s.toString();
    }

    public boolean hasFlagOn(PartyFlag flag, LocalDate date) {
        return flags.stream().anyMatch(f -> f.flag() == flag && f.activeOn(date));
    }
}
