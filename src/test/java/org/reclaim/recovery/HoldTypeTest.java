package org.reclaim.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which holds are statutory breathing spaces (no costs, no contact: SI 2020/1311 regs 7 and 11) and which only stop escalation. */
class HoldTypeTest {

    @Test
    void onlyTheTwoMoratoriaAreBreathingSpacesNotAPauseForDebtAdvice() {
        assertThat(HoldType.BREATHING_SPACE_STANDARD.isBreathingSpace()).isTrue();
        assertThat(HoldType.BREATHING_SPACE_MENTAL_HEALTH.isBreathingSpace()).isTrue();
        assertThat(HoldType.DEBT_ADVICE.isBreathingSpace()).isFalse();
        assertThat(HoldType.DEBT_ADVICE.name()).doesNotStartWith("BREATHING_SPACE");   // the SQL checks test the prefix
    }
}
