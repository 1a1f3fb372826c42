package org.reclaim.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateInputTest {

    private static String error(String day, String month, String year) {
        FormErrors errors = FormErrors.none();
        assertThat(new DateInput(day, month, year).required("date", "business date", errors)).isEmpty();
        return errors.message("date-day");
    }

    @Test
    void readsADateAndSaysWhatIsWrongWithOneThatIsNot() {
        FormErrors errors = FormErrors.none();
        assertThat(new DateInput(" 2", "04", "2026").required("date", "business date", errors)).contains(LocalDate.of(2026, 4, 2));
        assertThat(errors.any()).isFalse();
        assertThat(error("", "", "")).isEqualTo("Enter the business date");
        assertThat(error("2", "", "2026")).isEqualTo("The business date must include a day, month and year");
        assertThat(error("31", "2", "2026")).isEqualTo("The business date must be a real date");
        assertThat(error("1", "4", "26")).isEqualTo("The year of the business date must be 4 numbers, like 2026");
        assertThat(error("x", "4", "2026")).isEqualTo("The business date must be a real date");
        assertThat(DateInput.of(LocalDate.of(2026, 4, 2))).isEqualTo(new DateInput("2", "4", "2026"));
    }

    @Test
    void anOptionalDateMayBeLeftOutButNotHalfGiven() {
        FormErrors errors = FormErrors.none();
        assertThat(new DateInput("", " ", null).optional("end", "end date", errors)).isEmpty();
        assertThat(errors.any()).isFalse();
        assertThat(new DateInput("1", "", "2027").optional("end", "end date", errors)).isEmpty();
        assertThat(errors.message("end-day")).isEqualTo("The end date must include a day, month and year");
    }
}
