package org.reclaim.authorities;

import org.jspecify.annotations.Nullable;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * One body's Band D amount for a year as its precepting authority published it, with the address of the page. These
 * are public reference figures about named councils (table published_precept), not a council's configuration: a year
 * is configured from them only when every authority-wide body's figure has been found.
 */
public record PublishedPrecept(String gssCode, FinancialYear year, String bodyName, PreceptorKind kind,
                               @Nullable String parish, Money bandD, String source) {
}
