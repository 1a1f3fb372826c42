package org.reclaim.worklists;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One item on a worklist: the account, what is suggested and why, and its score with the parts that made it, so an
 * officer can see why it is where it is. {@code financialYear} is the year a recovery item is about (null for a task);
 * {@code dueOn} is the run's business date for a proposed line and the due date for a task.
 */
public record WorklistItem(String itemId, String accountReference, String partyName, String stream, @Nullable Integer financialYear,
                           String suggestion, @Nullable String rule, String reason, @Nullable LocalDate dueOn, @Nullable String state,
                           @Nullable String assignedTo, long score, ScoreParts scoreParts) {

    /** The rule of a task only a team leader takes and completes. */
    public static final String FOR_TEAM_LEADER = "A team leader decides this task";

    public boolean forTeamLeader() {
        return FOR_TEAM_LEADER.equals(rule);
    }

    /**
     * What the score is made of: {@code arrearsPence} overdue now, {@code arrearsAgeDays} since recovery of it began,
     * {@code projectedArrearsPence} overdue if nothing more is paid, {@code vulnerable}, {@code daysSinceLastContact} (null:
     * never contacted); and the points each gave.
     */
    public record ScoreParts(long arrearsPence, long arrearsAgeDays, long projectedArrearsPence, boolean vulnerable,
                             @Nullable Long daysSinceLastContact, Points points) {
    }

    public record Points(long arrearsPence, long arrearsAgeDays, long projectedArrearsPence, long vulnerable, long daysSinceLastContact) {
    }
}
