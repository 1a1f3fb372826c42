package org.reclaim.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.InvalidInput;

/** The telephony file's layouts, and the peak period's days. */
class IntervalFileTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 12, 0);

    private static IntervalFile.Parsed parse(String text) {
        return IntervalFile.parse(text.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void readsDateAndTimeColumnsInAnyOrderIgnoringOtherColumns() {
        IntervalFile.Parsed p = parse("\uFEFFDate,Time,QUEUE,Offered,Answered,Abandoned,Interval Minutes,Average Handle Time\r\n"
                + "02/03/2026,09:15,\"Council Tax, billing\",10,8,1,15,240\r\n");
        assertThat(p.ignoredColumns()).containsExactly("Average Handle Time");
        assertThat(p.intervals()).containsExactly(new IntervalFile.Interval(2, "Council Tax, billing", LocalDateTime.of(2026, 3, 2, 9, 15), 15,
                10, 8, 1, null));
    }

    @Test
    void anOffsetIsReadAsUkTime() {
        IntervalFile.Parsed p = parse("Queue,Interval Start,Interval Minutes,Offered,Answered,Abandoned\nRates,2026-07-01T08:00:00Z,30,5,5,0\n");
        assertThat(p.intervals().get(0).startsAt()).isEqualTo(LocalDateTime.of(2026, 7, 1, 9, 0));
    }

    @Test
    void everyBadLineIsNamedAndNothingIsRead() {
        InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> parse("""
                Queue,Interval Start,Interval Minutes,Offered,Answered,Abandoned,Answered Within SL
                Council Tax,2026-03-02T09:00,30,10,8,1,7
                Council Tax,2026-03-02T09:15,30,10,8,1,7
                ,2026-03-32T09:00,0,ten,8,1,
                Rates,2026-03-02T09:00,30,10,8,3,9
                Rates,2030-01-01T09:00,30,1,1,0,0
                Rates,2026-03-02T10:00,30,1,1
                """));
        assertThat(e.errors()).extracting(InvalidInput.FieldError::message).containsExactly(
                "line 4: no queue; bad interval start '2026-03-32T09:00': expected an ISO date-time such as 2026-03-02T09:00; "
                        + "interval minutes must be 1 to 1440, found 0; offered must be a whole number from 0 to 1000000, found 'ten'",
                "line 5: answered (8) and abandoned (3) add up to more than offered (10); answered within SL (9) is more than answered (8)",
                "line 6: the interval starts in the future (2030-01-01T09:00)",
                "line 7: missing fields: expected 7, found 5",
                "line 3: the interval overlaps line 2 (Council Tax from 2026-03-02T09:00 for 30 minutes)");
    }

    @Test
    void aFileWithoutItsLastLineBreakMayHaveBeenCutShort() {
        InvalidInput e = catchThrowableOfType(InvalidInput.class,
                () -> parse("Queue,Interval Start,Interval Minutes,Offered,Answered,Abandoned\nRates,2026-07-01T08:00,30,5,5,0"));
        assertThat(e.errors().get(0).message()).startsWith("line 2: the file ends part-way through a line");
    }

    @Test
    void aHeaderWithoutTheNeededColumnsIsRefusedOnLine1() {
        InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> parse("Queue,Offered,Answered\nRates,1,1\n"));
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).message()).isEqualTo("line 1: missing the interval's start: an 'Interval Start' column, or 'Date' and "
                + "'Time'; missing the column 'intervalminutes' (Interval Minutes); missing the column 'abandoned' (Abandoned)");
    }

    @Test
    void aPeakPeriodMayRunOverTheNewYear() {
        PeakPeriod winter = new PeakPeriod(MonthDay.of(12, 1), MonthDay.of(1, 31));
        assertThat(winter.contains(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(winter.contains(LocalDate.of(2027, 1, 31))).isTrue();
        assertThat(winter.contains(LocalDate.of(2027, 2, 1))).isFalse();
        PeakPeriod.Latest inIt = winter.latest(LocalDate.of(2027, 1, 10));
        assertThat(inIt.inPeak()).isTrue();
        assertThat(inIt.peak()).isEqualTo(new PeakPeriod.DateRange(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 10)));
        assertThat(inIt.offPeak()).isEqualTo(new PeakPeriod.DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 11, 30)));

        PeakPeriod.Latest billing = CallAnsweringSettings.DEFAULT_PEAK.latest(LocalDate.of(2026, 11, 23));
        assertThat(billing.inPeak()).isFalse();
        assertThat(billing.peak()).isEqualTo(new PeakPeriod.DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30)));
        assertThat(billing.offPeak()).isEqualTo(new PeakPeriod.DateRange(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 11, 23)));
    }

    @Test
    void theRateIsRoundedHalfUpToOneDecimalPlace() {
        assertThat(CallAnswering.rate(65, 80)).hasToString("81.3");   // 81.25
        assertThat(CallAnswering.rate(2, 3)).hasToString("66.7");
        assertThat(CallAnswering.rate(0, 0)).isNull();
    }
}
