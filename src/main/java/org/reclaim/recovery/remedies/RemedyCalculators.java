package org.reclaim.recovery.remedies;

import org.reclaim.recovery.calculators.AttachmentOfEarnings;
import org.reclaim.recovery.calculators.BenefitDeductions;
import org.reclaim.recovery.calculators.EnforcementFees;
import org.reclaim.recovery.calculators.RemedyThresholds;
import org.springframework.stereotype.Component;

/** The four statutory calculators the remedies turn on, as one dependency. */
@Component
record RemedyCalculators(AttachmentOfEarnings earnings, EnforcementFees fees, RemedyThresholds thresholds, BenefitDeductions benefits) {
}
