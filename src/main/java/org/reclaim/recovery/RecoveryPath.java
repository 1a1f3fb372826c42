package org.reclaim.recovery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

/**
 * One version of an authority's recovery path for a stream: its stages in order, the grace before an instalment counts
 * as missed, and the council's policy on summons costs when the debt is paid before the hearing.
 */
public record RecoveryPath(int authorityId, RevenueStream stream, int version, int graceDays, CostsPolicy costsIfPaidBeforeHearing,
                           List<Stage> stages, String reason, OffsetDateTime changedAt, String changedBy) {

    /**
     * What happens to summons costs when the whole sum is paid before the hearing. The authority must accept the sum
     * with the costs reasonably incurred and not go on (SI 1992/613 reg 34(5)), so STAND is the lawful default; WITHDRAW
     * is the council's choice to waive them.
     */
    public enum CostsPolicy { STAND, WITHDRAW }

    /** A stage: waiting days after the stage before it (the first: after the missed instalment's grace). */
    public record Stage(StageCode code, int waitDays, @Nullable Money costs, boolean needsAuthorisation, boolean inUse, String document,
                        @Nullable Money minimum) {

        /** A stage with no minimum amount. */
        public Stage(StageCode code, int waitDays, @Nullable Money costs, boolean needsAuthorisation, boolean inUse, String document) {
            this(code, waitDays, costs, needsAuthorisation, inUse, document, null);
        }

        /** Whether the council issues the stage for this amount: not below its minimum, if it set one. */
        public boolean worthIssuing(Money amount) {
            return minimum == null || !minimum.isGreaterThan(amount);
        }

        public Money costsOrZero() {
            return costs == null ? Money.ZERO : costs;
        }
    }

    public Optional<Stage> stage(StageCode code) {
        return stages.stream().filter(s -> s.code() == code).findFirst();
    }

    /** The stage if the council uses it. */
    public Optional<Stage> inUse(StageCode code) {
        return stage(code).filter(Stage::inUse);
    }

    /** The statutory minimum waiting days a stage may have, with the rule that sets it. */
    record Minimum(int days, String rule) {
    }

    static @Nullable Minimum statutoryMinimum(RevenueStream stream, StageCode code) {
        boolean rates = stream == RevenueStream.BUSINESS_RATES;
        return switch (code) {
            // the whole balance falls due only at the end of a further 7 days after the 7 the reminder gives
            case FINAL_NOTICE -> new Minimum(14, rates ? "SI 1989/1058 reg 8" : "SI 1992/613 reg 23(3)");
            // no application for a liability order until the sum has fallen due after the reminder (reg 23(3), (4)) or, after a
            // final notice, until its amount is unpaid at the end of the 7 days beginning with its issue day (reg 34(1))
            case SUMMONS -> new Minimum(7, rates ? "SI 1989/1058 reg 12" : "SI 1992/613 reg 33(1), 34(1)");
            // the order may not be made until 14 days after the summons was served
            case LIABILITY_ORDER -> new Minimum(14, rates ? "SI 1989/1058 reg 12 (as SI 1992/613 reg 35(2A))" : "SI 1992/613 reg 35(2A)");
            default -> null;
        };
    }

    /** Refuses a path that the run could not follow or that would break a statutory minimum. */
    static void check(RevenueStream stream, int graceDays, List<Stage> stages) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (graceDays < 0 || graceDays > 60) {
            errors.add(new InvalidInput.FieldError("graceDays", "must be from 0 to 60 days"));
        }
        if (stages.isEmpty()) {
            errors.add(new InvalidInput.FieldError("stages", "a path needs at least a reminder"));
        }
        StageCode previous = null;
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            String field = "stages[" + i + "]";
            if (previous != null && s.code().ordinal() <= previous.ordinal()) {
                errors.add(new InvalidInput.FieldError(field + ".code", s.code() + " must come after " + previous
                        + " and appear once: stages follow the statutory order REMINDER_1, REMINDER_2, FINAL_NOTICE, SUMMONS, LIABILITY_ORDER, then remedies"));
            }
            previous = s.code();
            if (s.waitDays() < 0) {
                errors.add(new InvalidInput.FieldError(field + ".waitDays", "must not be negative"));
            }
            Minimum min = statutoryMinimum(stream, s.code());
            if (min != null && s.waitDays() < min.days()) {
                errors.add(new InvalidInput.FieldError(field + ".waitDays", s.code() + " must wait at least " + min.days()
                        + " days (" + min.rule() + "); " + s.waitDays() + " is too early"));
            }
            if (s.costs() != null && s.costs().isNegative()) {
                errors.add(new InvalidInput.FieldError(field + ".costsPence", "must not be negative"));
            }
            if (s.costs() != null && s.costs().isPositive() && !s.code().mayCarryCosts()) {
                errors.add(new InvalidInput.FieldError(field + ".costsPence", "a " + s.code() + " carries no costs: costs are those "
                        + "reasonably incurred in obtaining a liability order (SI 1992/613 reg 34(7))"));
            }
            if (s.minimum() != null && s.minimum().isNegative()) {
                errors.add(new InvalidInput.FieldError(field + ".minimumPence", "must not be negative"));
            }
            if (s.document().isBlank()) {
                errors.add(new InvalidInput.FieldError(field + ".document", "is required: the code of the letter the stage produces"));
            }
        }
        for (StageCode required : List.of(StageCode.REMINDER_1, StageCode.SUMMONS, StageCode.LIABILITY_ORDER)) {
            if (stages.stream().noneMatch(s -> s.code() == required)) {
                errors.add(new InvalidInput.FieldError("stages", "the path must have a " + required + " stage (it may be marked not in use)"));
            }
        }
        // a missed instalment must be met with a reminder before anything else (SI 1992/613 reg 23(1); SI 1989/1058 reg 8(1))
        if (stages.stream().anyMatch(s -> s.code() == StageCode.REMINDER_1 && !s.inUse())) {
            errors.add(new InvalidInput.FieldError("stages", "REMINDER_1 must be in use: a reminder must be served when an instalment is "
                    + "missed (SI 1992/613 reg 23(1); SI 1989/1058 reg 8(1))"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }
}
