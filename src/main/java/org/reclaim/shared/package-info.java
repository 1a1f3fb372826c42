/**
 * What every module uses: {@link org.reclaim.shared.Money}, {@link org.reclaim.shared.FinancialYear}, the business
 * calendar, the clock, the access audit and the API's problem details.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.reclaim.shared;
