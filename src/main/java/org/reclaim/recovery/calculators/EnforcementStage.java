package org.reclaim.recovery.calculators;

/**
 * The stages for which an enforcement agent may recover a fee when enforcing other than under a High Court writ, as a
 * liability order is: Taking Control of Goods (Fees) Regulations 2014 (SI 2014/1) reg 5.
 */
public enum EnforcementStage {
    /** From the case being received by the agent. */
    COMPLIANCE,
    /** From the first attendance at the premises after the notice of enforcement. */
    ENFORCEMENT,
    /** From the first attendance to remove goods or to prepare their sale. */
    SALE_OR_DISPOSAL
}
