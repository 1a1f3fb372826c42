package org.reclaim.billing;

import java.time.LocalDate;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.AccountStatus;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.OpenAccount;
import org.reclaim.accounts.Posting;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a tenancy ends with rent owing, its closing balance moves to a new former tenant arrears account for the same
 * tenants, and the rent account closes at nil. One transaction: both sides of the transfer, or neither.
 */
@Service
public class FormerTenantArrears {

    public record Transfer(AccountReference rentAccount, AccountReference formerTenantArrearsAccount, Money amount) {
    }

    private final Accounts accounts;
    private final Ledger ledger;
    private final Authorities authorities;

    FormerTenantArrears(Accounts accounts, Ledger ledger, Authorities authorities) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.authorities = authorities;
    }

    @Transactional
    public Transfer endTenancy(AccountReference rentReference, LocalDate tenancyEndedOn) {
        Account rent = accounts.get(rentReference);
        if (rent.stream() != RevenueStream.HOUSING_RENT) {
            throw InvalidInput.of("reference", "account " + rentReference + " is " + rent.stream() + ", not a rent account");
        }
        if (rent.status() == AccountStatus.CLOSED) {
            throw Conflict.because("the tenancy of account " + rentReference + " has already ended");
        }
        Money balance = ledger.balance(rent);
        accounts.close(rentReference, tenancyEndedOn, "tenancy ended");
        if (!balance.isPositive()) {
            return new Transfer(rentReference, rentReference, Money.ZERO);   // nothing owed: no arrears account
        }
        Account fta = accounts.open(new OpenAccount(authorities.byId(rent.authorityId()).gssCode(), RevenueStream.FORMER_TENANT_ARREARS,
                rent.liablePartyIds(), rent.propertyId(), tenancyEndedOn, null));
        FinancialYear year = FinancialYear.containing(tenancyEndedOn);
        String why = "Former tenant arrears: rent account " + rentReference + " to " + fta.reference();
        ledger.post(new Posting(rentReference, year, EntryType.TRANSFER, balance.negate(), tenancyEndedOn, null, why,
                "fta-out-" + rent.id(), null));
        ledger.post(new Posting(fta.reference(), year, EntryType.TRANSFER, balance, tenancyEndedOn, tenancyEndedOn, why,
                "fta-in-" + rent.id(), null));
        return new Transfer(rentReference, fta.reference(), balance);
    }
}
