package org.reclaim.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The day's event messages are due from the set UK time, in winter (GMT) and summer (BST) alike, and never when off. */
class EventMessageScheduleTest {

    @Test
    void dueFromTheUkTimeOnThatUkDay() {
        EventMessageSchedule seven = EventMessageSchedule.parse("07:00");
        // winter: UK time is UTC
        assertThat(seven.dueDay(Instant.parse("2026-11-23T06:59:59Z"))).isEmpty();
        assertThat(seven.dueDay(Instant.parse("2026-11-23T07:00:00Z"))).contains(LocalDate.of(2026, 11, 23));
        assertThat(seven.dueDay(Instant.parse("2026-11-23T23:59:00Z"))).contains(LocalDate.of(2026, 11, 23));
        // summer: 06:00 UTC is 07:00 BST; 23:30 UTC is already the next UK day, before its 07:00
        assertThat(seven.dueDay(Instant.parse("2026-07-01T05:59:00Z"))).isEmpty();
        assertThat(seven.dueDay(Instant.parse("2026-07-01T06:00:00Z"))).contains(LocalDate.of(2026, 7, 1));
        assertThat(seven.dueDay(Instant.parse("2026-07-01T23:30:00Z"))).isEmpty();
    }

    @Test
    void offNeverRunsAndABadSettingIsNamed() {
        assertThat(EventMessageSchedule.parse(" OFF ").dueDay(Instant.parse("2026-11-23T12:00:00Z"))).isEmpty();
        assertThat(EventMessageSchedule.parse("18:30").dueDay(Instant.parse("2026-11-23T18:29:00Z"))).isEmpty();
        assertThatThrownBy(() -> EventMessageSchedule.parse("7am")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reclaim.notify.event-messages-at").hasMessageContaining("'7am'");
    }
}
