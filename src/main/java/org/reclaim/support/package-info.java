/**
 * Fair treatment beyond the arrears: benefits maximisation and signposting. The entitlement prompts
 * ({@link org.reclaim.support.EntitlementPrompts}) read an account's bill, its people and the circumstance facts
 * officers record ({@link org.reclaim.support.CircumstanceFacts}) and say which discount, exemption, reduction or relief
 * the customer may be due and has not got, what to ask and the law behind it. Each authority keeps a directory of advice
 * partners ({@link org.reclaim.support.AdvicePartners}); a referral ({@link org.reclaim.support.Referrals}) is recorded
 * with the customer's consent, appears on the recovery timeline, and a referral to debt advice can hold recovery for a
 * while (a {@code DEBT_ADVICE} hold).
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.support;
