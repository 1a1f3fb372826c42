/**
 * Charges, discounts, reliefs, bills, statutory instalment plans, rebilling and annual billing.
 * So far: the statutory instalment schemes ({@link org.reclaim.billing.StatutoryInstalments}).
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.billing;
