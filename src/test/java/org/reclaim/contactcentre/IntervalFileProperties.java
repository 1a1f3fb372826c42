package org.reclaim.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.reclaim.shared.InvalidInput;

/** The telephony file reader never crashes on any input, and never lets through an interval that breaks the rules or a file cut short. */
class IntervalFileProperties {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 12, 0);
    private static final String HEADER = "Queue,Interval Start,Interval Minutes,Offered,Answered,Abandoned,Answered Within SL\n";

    @Property(tries = 500)
    void anyBytesAreReadOrRefusedNeverACrash(@ForAll @Size(max = 400) byte[] content) {
        checkReadOrRefused(content);
    }

    @Property(tries = 500)
    void anyLinesUnderTheRightHeaderAreReadOrRefused(@ForAll("csvish") List<String> lines) {
        checkReadOrRefused((HEADER + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Cut a good file anywhere: it is refused, or it is read as exactly its whole lines before the cut (cut just after a line break). */
    @Property(tries = 500)
    void aFileCutShortIsRefusedOrReadAsItsWholeLines(@ForAll("goodLines") List<String> lines, @ForAll @IntRange(min = 0, max = 100_000) int cutAt) {
        String file = HEADER + String.join("", lines);
        byte[] whole = file.getBytes(StandardCharsets.UTF_8);
        int cut = cutAt % (whole.length + 1);
        byte[] truncated = Arrays.copyOf(whole, cut);
        List<IntervalFile.Interval> all = IntervalFile.parse(whole, NOW).intervals();
        try {
            List<IntervalFile.Interval> read = IntervalFile.parse(truncated, NOW).intervals();
            String kept = new String(truncated, StandardCharsets.UTF_8);
            assertThat(kept).endsWith("\n");
            int wholeLines = (int) kept.chars().filter(c -> c == '\n').count() - 1;
            assertThat(read).isEqualTo(all.subList(0, wholeLines));
        } catch (InvalidInput refused) {
            assertThat(refused.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.message()).startsWith("line "));
        }
    }

    private static void checkReadOrRefused(byte[] content) {
        try {
            IntervalFile.Parsed parsed = IntervalFile.parse(content, NOW);
            assertThat(parsed.intervals()).isNotEmpty().allSatisfy(IntervalFileProperties::keepsTheRules);
            assertThat(content[content.length - 1]).isEqualTo((byte) '\n');
            List<IntervalFile.Interval> sorted = new ArrayList<>(parsed.intervals());
            sorted.sort(Comparator.comparing(IntervalFile.Interval::queue).thenComparing(IntervalFile.Interval::startsAt));
            for (int k = 1; k < sorted.size(); k++) {
                if (sorted.get(k).queue().equals(sorted.get(k - 1).queue())) {
                    assertThat(sorted.get(k).startsAt()).as("no overlap").isAfterOrEqualTo(sorted.get(k - 1).endsAt());
                }
            }
        } catch (InvalidInput refused) {
            assertThat(refused.errors()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.field()).isEqualTo("file");
                assertThat(e.message()).matches("(?s)(line \\d+: .+|and \\d+ more bad lines)");
            });
        }
    }

    private static void keepsTheRules(IntervalFile.Interval i) {
        assertThat(i.queue()).isNotBlank().hasSizeLessThanOrEqualTo(IntervalFile.MAX_QUEUE).doesNotContain("\u0000");
        assertThat(i.startsAt()).isBeforeOrEqualTo(NOW).isAfterOrEqualTo(IntervalFile.EARLIEST.atStartOfDay());
        assertThat(i.minutes()).isBetween(1, 1440);
        assertThat(i.offered()).isBetween(0, IntervalFile.MAX_CALLS);
        assertThat(i.answered()).isNotNegative();
        assertThat(i.abandoned()).isNotNegative();
        assertThat(i.answered() + i.abandoned()).isLessThanOrEqualTo(i.offered());
        if (i.answeredWithinServiceLevel() != null) {
            assertThat(i.answeredWithinServiceLevel()).isBetween(0, i.answered());
        }
    }

    @Provide
    Arbitrary<List<String>> csvish() {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789-:T/ ,\"\r".toCharArray()).ofMaxLength(20),
                Arbitraries.of("Council Tax", "2026-03-02T09:00", "2026-11-23T12:15", "2027-01-01T00:00", "30", "15", "0", "-1", "1441",
                        "100", "82", "18", "9999999", ""));
        return field.list().ofMinSize(1).ofMaxSize(9).map(f -> String.join(",", f)).list().ofMaxSize(12);
    }

    /** Whole, valid lines (each ending with a line break), one queue, half-hour intervals one after another. */
    @Provide
    Arbitrary<List<String>> goodLines() {
        Arbitrary<int[]> figures = Combinators.combine(Arbitraries.integers().between(0, 300), Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 100)).as((offered, a, b, c) -> {
                    int answered = offered * a / 100;
                    int abandoned = (offered - answered) * b / 100;
                    return new int[] {offered, answered, abandoned, answered * c / 100};
                });
        return figures.list().ofMinSize(1).ofMaxSize(20).map(all -> {
            List<String> lines = new ArrayList<>();
            LocalDateTime start = LocalDateTime.of(2026, 3, 2, 9, 0);
            for (int[] f : all) {
                lines.add("Council Tax," + start + ",30," + f[0] + "," + f[1] + "," + f[2] + "," + f[3] + "\n");
                start = start.plusMinutes(30);
            }
            return lines;
        });
    }
}
