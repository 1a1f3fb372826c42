package org.reclaim.parties;

/**
 * Circumstances that later stop or change recovery: vulnerability (Taking Control of Goods National Standards;
 * the Council Tax Protocol), death (liability ends; the estate is pursued instead), insolvency (Insolvency Act 1986:
 * a bankruptcy order or IVA stays enforcement of the debts it covers).
 */
public enum PartyFlag { VULNERABLE, DECEASED, INSOLVENT }
