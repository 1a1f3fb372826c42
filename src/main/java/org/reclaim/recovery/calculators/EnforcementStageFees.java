package org.reclaim.recovery.calculators;

import org.reclaim.shared.Money;

/**
 * Each stage's fee on one sum to be recovered. The fee for a stage is recoverable in full once the stage has begun
 * (SI 2014/1 reg 4(3)); the enforcement stage's fee is not recoverable from a vulnerable debtor who was not given an
 * adequate opportunity to get advice before goods were removed (reg 12) — that is the engine's decision, not this sum.
 */
public record EnforcementStageFees(Money sumToBeRecovered, Money compliance, Money enforcement, Money saleOrDisposal) {

    static EnforcementStageFees on(Money sumToBeRecovered, StageFee compliance, StageFee enforcement, StageFee saleOrDisposal) {
        return new EnforcementStageFees(sumToBeRecovered, compliance.feeOn(sumToBeRecovered), enforcement.feeOn(sumToBeRecovered),
                saleOrDisposal.feeOn(sumToBeRecovered));
    }

    /** The fee for one stage. */
    public Money feeFor(EnforcementStage stage) {
        return switch (stage) {
            case COMPLIANCE -> compliance;
            case ENFORCEMENT -> enforcement;
            case SALE_OR_DISPOSAL -> saleOrDisposal;
        };
    }
}
