package org.reclaim.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When the day's event messages go ({@code reclaim.notify.event-messages-at}): a UK clock time such as {@code 07:00},
 * or {@code off}. From that time on, the day is due, so an instance started later in the day still runs it.
 */
record EventMessageSchedule(@Nullable LocalTime at) {

    /** Councils keep UK time: 07:00 is 07:00 in summer (BST) and winter (GMT) alike. */
    static final ZoneId UK = ZoneId.of("Europe/London");

    static EventMessageSchedule parse(String setting) {
        String s = setting.trim().toLowerCase(Locale.ROOT);
        if (s.equals("off")) {
            return new EventMessageSchedule(null);
        }
        try {
            return new EventMessageSchedule(LocalTime.parse(s));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("reclaim.notify.event-messages-at must be a UK time such as 07:00, or off; it is '" + setting + "'");
        }
    }

    /** The UK day whose messages are due at this instant, or empty before the day's time (or when off). */
    Optional<LocalDate> dueDay(Instant now) {
        if (at == null) {
            return Optional.empty();
        }
        ZonedDateTime uk = now.atZone(UK);
        return uk.toLocalTime().isBefore(at) ? Optional.empty() : Optional.of(uk.toLocalDate());
    }
}
