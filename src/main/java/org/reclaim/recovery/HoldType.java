package org.reclaim.recovery;

/** Why recovery is held on an account. Every hold stops escalation; breathing space also stops costs and contact. */
public enum HoldType {
    BREATHING_SPACE_STANDARD, BREATHING_SPACE_MENTAL_HEALTH, DISPUTE, APPEAL, CTR_CLAIM_PENDING, VULNERABILITY_REVIEW, DECEASED,
    INSOLVENCY, ARRANGEMENT,
    /**
     * The customer was referred to a debt adviser: recovery waits while they get advice, as the Pre-Action Protocol for
     * Debt Claims (2017) asks a creditor to wait (30 days) for a debtor who is seeking debt advice. Not a breathing space
     * under SI 2020/1311: costs are not barred by it.
     */
    DEBT_ADVICE;

    /**
     * A moratorium under the Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis Moratorium)
     * (England and Wales) Regulations 2020 (SI 2020/1311): reg 7 (effect of a moratorium) stops fees, charges and
     * enforcement on the moratorium debt, and reg 11 stops contact to ask for payment of it.
     */
    boolean isBreathingSpace() {
        return this == BREATHING_SPACE_STANDARD || this == BREATHING_SPACE_MENTAL_HEALTH;
    }
}
