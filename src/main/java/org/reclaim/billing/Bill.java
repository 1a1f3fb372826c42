package org.reclaim.billing;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * A demand for one account and year as it was issued: its lines, total and instalment plan, and what it assumed
 * besides the band or rateable value: {@code circumstances} for Council Tax (NONE on other bills) and
 * {@code ratesCircumstances} on a Business Rates bill (null on others).
 */
public record Bill(long id, long accountId, FinancialYear year, LocalDate issuedOn, String reason, Money total,
                   String scheme, int paymentDay, @Nullable Long supersedesBillId, List<BillLine> lines, List<Instalment> instalments,
                   CouncilTaxCircumstances circumstances, BusinessRatesCharge.@Nullable Circumstances ratesCircumstances) {
}
