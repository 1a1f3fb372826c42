package org.reclaim.arrangements;

/**
 * The Standard Financial Statement's sections (Money and Pensions Service): income, fixed costs, flexible costs (the
 * ones the spending guidelines cover), priority debts and other debts.
 */
enum SfsCategory {
    INCOME, FIXED_COSTS, FLEXIBLE_COSTS, PRIORITY_DEBTS, OTHER_DEBTS
}
