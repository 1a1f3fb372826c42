package org.reclaim.shared;

import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Loads the bank holidays shipped as data (Flyway migration V2) into the {@link BusinessCalendar}. */
@Configuration(proxyBeanMethods = false)
class BankHolidays {

    @Bean
    BusinessCalendar businessCalendar(JdbcClient jdbc) {
        List<LocalDate> holidays = jdbc.sql("select holiday_on from bank_holiday").query(LocalDate.class).list();
        int first = holidays.stream().mapToInt(LocalDate::getYear).min().orElseThrow(
                () -> new IllegalStateException("the bank_holiday table is empty: the V2 migration did not run"));
        int last = holidays.stream().mapToInt(LocalDate::getYear).max().orElseThrow();
        return new BusinessCalendar(holidays, first, last);
    }
}
