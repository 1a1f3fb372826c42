/**
 * The statutory arithmetic of recovery, as types the engine (and, through this named interface, other modules) can
 * call: {@link org.reclaim.recovery.calculators.AttachmentOfEarnings},
 * {@link org.reclaim.recovery.calculators.EnforcementFees},
 * {@link org.reclaim.recovery.calculators.BenefitDeductions} and
 * {@link org.reclaim.recovery.calculators.RemedyThresholds}. Every figure is a row of data with its source
 * (migrations V50 and V51); the classes here hold only the rules for applying them.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("calculators")
package org.reclaim.recovery.calculators;
