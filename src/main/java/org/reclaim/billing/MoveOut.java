package org.reclaim.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Council Tax payer moves out: the liability ends on the day they left, the account closes, and every year from
 * then that has a bill is rebilled for the days they were liable (the difference is an adjustment; instalments
 * already due stay as billed and what was overpaid becomes a credit).
 */
@Service
public class MoveOut {

    private final Accounts accounts;
    private final Bills bills;
    private final CouncilTaxBilling councilTax;

    MoveOut(Accounts accounts, Bills bills, CouncilTaxBilling councilTax) {
        this.accounts = accounts;
        this.bills = bills;
        this.councilTax = councilTax;
    }

    @Transactional
    public List<Bill> moveOut(AccountReference reference, LocalDate lastDayLiable, LocalDate issuedOn) {
        Account before = accounts.get(reference);
        if (before.stream() != RevenueStream.COUNCIL_TAX) {
            throw InvalidInput.of("reference", "account " + reference + " is " + before.stream() + ", not Council Tax");
        }
        Account account = accounts.close(reference, lastDayLiable, "moved out");
        List<Bill> rebills = new ArrayList<>();
        for (Bill current : bills.currentBills(account)) {
            FinancialYear year = current.year();
            if (year.end().isAfter(lastDayLiable)) {
                rebills.add(year.start().isAfter(lastDayLiable)
                        // a year that starts after the move is not owed at all: a nil bill
                        ? bills.issue(reference, year, issuedOn, "Moved out " + lastDayLiable, List.of(), Bills.PlanChoice.keeping(current),
                                current.circumstances())
                        : councilTax.bill(reference, year, issuedOn, "Moved out " + lastDayLiable, current.circumstances(),
                                Bills.PlanChoice.keeping(current)));
            }
        }
        return rebills;
    }
}
