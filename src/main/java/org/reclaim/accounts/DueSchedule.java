package org.reclaim.accounts;

import java.time.LocalDate;
import java.util.Map;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * Says when scheduled debits fall due: for each financial year of an account that has a plan (a bill's instalments),
 * how much of that year's scheduled charge had fallen due by a date. Implemented by the module that keeps the plans;
 * the ledger's arrears use it in place of the scheduled entries' own due dates.
 */
public interface DueSchedule {

    Map<FinancialYear, Money> dueBy(Account account, LocalDate asOf);
}
