package org.reclaim.recovery;

import java.util.List;
import java.util.Optional;
import org.reclaim.accounts.RevenueStream;

/**
 * The lawful default recovery paths for England, created for an authority the first time its path for a stream is
 * used. No costs figure is shipped: each council sets its own summons and liability order costs (they must be
 * "reasonably incurred", SI 1992/613 reg 34(7), R (Nicolson) v Tottenham Magistrates [2015] EWHC 1252 (Admin)), so a
 * default path adds none until an administrator sets them.
 */
final class DefaultPaths {

    private DefaultPaths() {
    }

    static final int GRACE_DAYS = 0;

    static Optional<List<RecoveryPath.Stage>> forStream(RevenueStream stream) {
        return switch (stream) {
            case COUNCIL_TAX -> Optional.of(councilTax());
            case BUSINESS_RATES -> Optional.of(businessRates());
            default -> Optional.empty();   // rents, former tenant arrears and HB overpayments have their own law: later paths
        };
    }

    /** Council Tax (Administration and Enforcement) Regulations 1992, SI 1992/613, Part VI. */
    private static List<RecoveryPath.Stage> councilTax() {
        return List.of(
                // reg 23(1): a reminder is served when an instalment is not paid; reg 23(3): if what it demands is not paid
                // within 7 days of issue, the whole balance falls due 7 days after that failure
                new RecoveryPath.Stage(StageCode.REMINDER_1, 0, null, false, true, "CT_REMINDER_1"),
                // reg 23(1), (4): the second reminder of a year; it must say that after it a further default makes the whole
                // balance due without another reminder
                new RecoveryPath.Stage(StageCode.REMINDER_2, 0, null, false, true, "CT_REMINDER_2"),
                // reg 23(3)/(4) and reg 33: instalments lost, the whole year due; a final notice for the balance. After an
                // unpaid reminder it waits the 7 + 7 days of reg 23(3); after a paid second reminder it follows the next default
                new RecoveryPath.Stage(StageCode.FINAL_NOTICE, 14, null, false, true, "CT_FINAL_NOTICE"),
                // reg 34(1): an application (complaint for a summons) may be made once a sum that fell due under reg 23(3)
                // or (4) is unpaid, or, where a final notice is needed (reg 33), once its amount is unpaid at the end of the 7
                // days beginning with its issue day. Costs: only those reasonably incurred (reg 34(7)), set by the council
                new RecoveryPath.Stage(StageCode.SUMMONS, 7, null, true, true, "CT_SUMMONS"),
                // reg 35(2A): no liability order unless 14 days have elapsed since the summons was served; the default
                // lists the hearing 21 days after issue to allow for service by post
                new RecoveryPath.Stage(StageCode.LIABILITY_ORDER, 21, null, false, true, "CT_LIABILITY_ORDER"));
    }

    /** Non-Domestic Rating (Collection and Enforcement) (Local Lists) Regulations 1989, SI 1989/1058, Part III. */
    private static List<RecoveryPath.Stage> businessRates() {
        return List.of(
                // reg 8(1): a notice is served when an instalment is not paid; reg 8(2): if the instalments due within 7
                // days of service are not paid, or a later one is missed, the balance falls due 7 days after the failure
                new RecoveryPath.Stage(StageCode.REMINDER_1, 0, null, false, true, "NNDR_REMINDER_1"),
                // reg 8 (as made) has no second reminder: after one, a later default makes the balance due. Councils may
                // still send a second as practice (e.g. Runnymede), so the stage is there, not in use
                new RecoveryPath.Stage(StageCode.REMINDER_2, 0, null, false, false, "NNDR_REMINDER_2"),
                new RecoveryPath.Stage(StageCode.FINAL_NOTICE, 14, null, false, true, "NNDR_FINAL_NOTICE"),
                // reg 12(1): an application once a sum that fell due under reg 8(2)(a) is unpaid, or the amount of a reg 11
                // notice is unpaid at the end of the 7 days beginning with the day it was served (served, not issued: the wait
                // counts from the notice's date, so it is short by the days of postal service); costs set by the council
                new RecoveryPath.Stage(StageCode.SUMMONS, 7, null, true, true, "NNDR_SUMMONS"),
                // hearing at least 14 days after the summons, as SI 1992/613 reg 35(2A) (verify the NNDR paragraph)
                new RecoveryPath.Stage(StageCode.LIABILITY_ORDER, 21, null, false, true, "NNDR_LIABILITY_ORDER"));
    }
}
