package org.reclaim.worklists;

import org.jspecify.annotations.Nullable;

/**
 * The one place that says how worklist items are ordered: each part of the score gives points, up to a cap, and the
 * score is their sum. These are the council's policy, not statute: tune them here. The same weights order the lists in
 * SQL ({@link #SQL}) and explain each item's score in Java ({@link #of}), so what an officer sees is what sorted the list.
 */
final class WorklistScore {

    /** One point per this many pence overdue (£10), up to {@link #ARREARS_CAP} points (£5,000). */
    static final long ARREARS_PENCE_PER_POINT = 1_000;
    static final long ARREARS_CAP = 500;
    /** One point per day the arrears have been pursued, up to a year. */
    static final long AGE_DAYS_PER_POINT = 1;
    static final long AGE_CAP = 365;
    /** One point per this many pence that will be overdue if nothing more is paid (£50), up to 200 points (£10,000). */
    static final long PROJECTED_PENCE_PER_POINT = 5_000;
    static final long PROJECTED_CAP = 200;
    /** A vulnerable customer comes first among equals: their case needs a person to look at it before anything is sent. */
    static final long VULNERABLE_POINTS = 300;
    /** One point per day since the last contact, up to 90; an account never contacted gets the full 90. */
    static final long CONTACT_DAYS_PER_POINT = 1;
    static final long CONTACT_CAP = 90;

    /** The parts of an item's score, as read from the accounts. */
    record Parts(long arrearsPence, long arrearsAgeDays, long projectedArrearsPence, boolean vulnerable, @Nullable Long daysSinceLastContact) {
    }

    /** The points each part gave, and their sum. */
    record Points(long arrearsPence, long arrearsAgeDays, long projectedArrearsPence, long vulnerable, long daysSinceLastContact) {
        long total() {
            return arrearsPence + arrearsAgeDays + projectedArrearsPence + vulnerable + daysSinceLastContact;
        }
    }

    private WorklistScore() {
    }

    static Points of(Parts p) {
        return new Points(capped(p.arrearsPence(), ARREARS_PENCE_PER_POINT, ARREARS_CAP),
                capped(p.arrearsAgeDays(), AGE_DAYS_PER_POINT, AGE_CAP),
                capped(p.projectedArrearsPence(), PROJECTED_PENCE_PER_POINT, PROJECTED_CAP),
                p.vulnerable() ? VULNERABLE_POINTS : 0,
                p.daysSinceLastContact() == null ? CONTACT_CAP : capped(p.daysSinceLastContact(), CONTACT_DAYS_PER_POINT, CONTACT_CAP));
    }

    private static long capped(long value, long perPoint, long cap) {
        return Math.min(cap, Math.max(0, value) / perPoint);
    }

    /**
     * The score in SQL over an item row's columns {@code arrears_pence, age_days, projected_pence, vulnerable, contact_days}
     * (integer division, as {@link #of}).
     */
    static final String SQL = "least(" + ARREARS_CAP + ", greatest(0, arrears_pence) / " + ARREARS_PENCE_PER_POINT + ")"
            + " + least(" + AGE_CAP + ", greatest(0, age_days) / " + AGE_DAYS_PER_POINT + ")"
            + " + least(" + PROJECTED_CAP + ", greatest(0, projected_pence) / " + PROJECTED_PENCE_PER_POINT + ")"
            + " + case when vulnerable then " + VULNERABLE_POINTS + " else 0 end"
            + " + coalesce(least(" + CONTACT_CAP + ", greatest(0, contact_days) / " + CONTACT_DAYS_PER_POINT + "), " + CONTACT_CAP + ")";
}
