package org.reclaim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.FinancialYear;

class DemoPopulationTest {

    private static List<CopyChunk> generate(long seed) {
        DemoPopulation.Size size = DemoPopulation.Size.of(DemoCouncil.WIGAN, 1000);
        DemoPopulation p = new DemoPopulation(DemoCouncil.WIGAN, 7, size, new DemoPopulation.IdBases(1, 1, 1),
                Vocabulary.load(), Map.of(), FinancialYear.of(2025), "2026-11-23T09:00Z", seed);
        List<CopyChunk> chunks = new ArrayList<>();
        p.generate(chunks::add);
        return chunks;
    }

    @Test
    void theSameSeedGivesTheSameBoroughAndAnotherSeedAnother() {
        assertThat(generate(42)).isEqualTo(generate(42));
        assertThat(generate(42)).isNotEqualTo(generate(43));
    }

    @Test
    void rowsAreWellFormedCopyText() {
        for (CopyChunk chunk : generate(1)) {
            int columns = chunk.columns().split(",").length;
            String[] lines = chunk.rows().split("\n");
            assertThat(lines).as(chunk.table()).hasSize(chunk.count());
            for (String line : lines) {
                assertThat(line.split("\t", -1)).as(chunk.table() + ": " + line).hasSize(columns);
            }
        }
    }
}
