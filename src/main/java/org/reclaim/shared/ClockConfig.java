package org.reclaim.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The system's idea of "today". Everything reads the date from this {@link Clock}; {@code reclaim.business-date}
 * pins it (for a demonstration, a replay or a training system), otherwise it is the real time in the UK.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    static final ZoneId UK = ZoneId.of("Europe/London");

    @Bean
    Clock clock(@Value("${reclaim.business-date:}") String businessDate) {
        if (businessDate.isBlank()) {
            return Clock.system(UK);
        }
        LocalDate date = LocalDate.parse(businessDate);
        return Clock.fixed(ZonedDateTime.of(date, LocalTime.of(9, 0), UK).toInstant(), UK);
    }
}
