package org.reclaim.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void splitsQuotedAndPlainFields() {
        List<String> reasons = new ArrayList<>();
        assertThat(Csv.fields("a,\"b, c\",\"say \"\"hi\"\"\",,", reasons)).containsExactly("a", "b, c", "say \"hi\"", "", "");
        assertThat(reasons).isEmpty();
    }

    @Test
    void saysWhyALineCannotBeSplit() {
        List<String> reasons = new ArrayList<>();
        assertThat(Csv.fields("a,\"b", reasons)).isNull();
        assertThat(Csv.fields("a,\"b\"c", reasons)).isNull();
        assertThat(Csv.fields("a,b\"c", reasons)).isNull();
        assertThat(reasons).containsExactly("a quoted field is not closed", "text after a closing quote in field 2",
                "a quote inside an unquoted field 2");
    }

    @Test
    void writesWhatItReads() {
        for (String value : List.of("plain", "a, b", "say \"hi\"", "two\r\nlines", "")) {
            assertThat(Csv.fields(Csv.field(value) + ",x", new ArrayList<>())).containsExactly(value, "x");
        }
        assertThat(Csv.field(null)).isEmpty();
    }
}
