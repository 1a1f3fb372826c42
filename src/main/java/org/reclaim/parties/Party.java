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

    public record Flag(PartyFlag flag, LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable String note) {
        public boolean activeOn(LocalDate date) {
            return !startsOn.isAfter(date) && (endsOn == null || !endsOn.isBefore(date));
        }
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
