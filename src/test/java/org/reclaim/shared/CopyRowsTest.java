package org.reclaim.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void writesCopyTextFormatWithNullsAndEscapes() {
        CopyRows rows = new CopyRows("t", "a, b, c");
        rows.add(1, null, "tab\there");
        rows.add(2, "line\nbreak\\", "carriage\rreturn");
        assertThat(rows.text()).isEqualTo("1\t\\N\ttab\\there\n2\tline\\nbreak\\\\\tcarriage\\rreturn\n");
        assertThat(rows.count()).isEqualTo(2);
    }

    @Test
    void aValueRepeatedFromTheRowBeforeReadsTheSameAndAChangedOneReadsAnew() {
        OffsetDateTime at = OffsetDateTime.parse("2026-04-02T09:00:00Z");
        String user = "officer\tone";
        CopyRows rows = new CopyRows("t", "at, who, n");
        rows.add(at, user, 1L);
        rows.add(at, user, 2L);
        rows.add(at.plusSeconds(1), "admin", 3L);
        rows.add(at, user, 4L);
        assertThat(rows.text()).isEqualTo("""
                2026-04-02T09:00Z\tofficer\\tone\t1
                2026-04-02T09:00Z\tofficer\\tone\t2
                2026-04-02T09:00:01Z\tadmin\t3
                2026-04-02T09:00Z\tofficer\\tone\t4
                """);
    }
}
