package org.reclaim.worklists;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.reclaim.shared.InvalidInput;

/** The worklists an officer works, each per authority. */
public enum Worklist {
    /** Recovery run lines proposed and waiting for an officer to release, hold or override them. */
    DECISIONS,
    /** Proposed lines whose stage needs a team leader's authorisation (the summons, by default). */
    SUMMONS_REVIEW,
    /** Vulnerable customers whose next (or proposed) recovery stage is a summons or beyond: to be called before escalation. */
    VULNERABLE_BEFORE_ESCALATION,
    /** Tasks raised by other modules or by officers, not yet done. */
    TASKS;

    static Worklist fromRequest(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("worklist", "'" + name + "' is not a worklist; worklists are "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
