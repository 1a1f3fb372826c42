package org.reclaim.worklists;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A task on an account for an officer: raised, then assigned or claimed, then completed with an outcome. A task
 * {@code forTeamLeader} (a write-off recommendation) is taken and completed only by a team leader.
 */
public record Task(long id, String authority, String accountReference, String kind, String reason, LocalDate dueOn, State state,
                   @Nullable String assignedTo, @Nullable String outcome, String createdBy, OffsetDateTime createdAt,
                   @Nullable String completedBy, @Nullable OffsetDateTime completedAt, boolean forTeamLeader) {

    /** OPEN: nobody has it; CLAIMED: someone has it (claimed by them or assigned by a team leader); DONE: completed. */
    public enum State { OPEN, CLAIMED, DONE }
}
