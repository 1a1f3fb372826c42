package org.reclaim.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.OpenAccount;
import org.reclaim.accounts.Posting;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises Housing Benefit overpayment invoices. A recoverable overpayment (SI 2006/213 reg. 100) is charged to the
 * claimant's overpayment account, due once the one-month window to ask for a reconsideration or appeal has passed;
 * an official-error overpayment the claimant could not reasonably have realised (reg. 100(2)) is recorded but is not
 * a debt.
 */
@Service
public class HousingBenefitOverpayments {

    /** HB overpayment classes for subsidy (DWP HB subsidy guidance manual, section 4). */
    public enum Classification { FRAUD, CLAIMANT_ERROR, LA_ERROR, DWP_ERROR, OTHER }

    public record Overpayment(long id, AccountReference account, LocalDate periodFrom, LocalDate periodTo, Money amount,
                              Classification classification, boolean recoverable, LocalDate raisedOn, LocalDate dueOn) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Ledger ledger;
    private final AccessAudit audit;
    private final Clock clock;

    HousingBenefitOverpayments(JdbcClient jdbc, Accounts accounts, Ledger ledger, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Raises the invoice on the given overpayment account, or on a new one for the claimant. */
    @Transactional
    public Overpayment raise(BillingAuthority authority, long claimantId, @Nullable AccountReference onAccount, LocalDate periodFrom,
                             LocalDate periodTo, Money amount, Classification classification, boolean recoverable, LocalDate raisedOn) {
        if (periodTo.isBefore(periodFrom)) {
            throw InvalidInput.of("periodTo", "the overpaid period ends before it starts");
        }
        if (!amount.isPositive()) {
            throw InvalidInput.of("amountPence", "must be more than zero");
        }
        if (!recoverable && classification != Classification.LA_ERROR && classification != Classification.DWP_ERROR) {
            throw InvalidInput.of("recoverable", "only an official-error overpayment can be unrecoverable (SI 2006/213 reg. 100)");
        }
        Account account;
        if (onAccount == null) {
            account = accounts.open(new OpenAccount(authority.gssCode(), RevenueStream.HB_OVERPAYMENT, List.of(claimantId), null, raisedOn, null));
        } else {
            account = accounts.get(onAccount);
            if (account.stream() != RevenueStream.HB_OVERPAYMENT || account.authorityId() != authority.id()
                    || !account.liablePartyIds().contains(claimantId)) {
                throw InvalidInput.of("accountReference", "must be an overpayment account of this claimant at " + authority.name());
            }
        }
        LocalDate dueOn = raisedOn.plusMonths(1);
        long id = jdbc.sql("""
                insert into hb_overpayment (authority_id, account_id, period_from, period_to, amount_pence, classification, recoverable,
                                            raised_on, due_on, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(authority.id(), account.id(), periodFrom, periodTo, amount.pence(), classification.name(), recoverable,
                        raisedOn, dueOn, OffsetDateTime.now(clock), AccessAudit.currentUser())
                .query(Long.class).single();
        if (recoverable) {
            ledger.post(new Posting(account.reference(), FinancialYear.containing(raisedOn), EntryType.CHARGE, amount, raisedOn, dueOn,
                    "Housing Benefit overpayment " + periodFrom + " to " + periodTo + " (" + classification + ")", "hbop-" + id, null));
        }
        audit.record(authority.id(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                "HB overpayment " + id + " raised: " + amount + " " + classification);
        return new Overpayment(id, account.reference(), periodFrom, periodTo, amount, classification, recoverable, raisedOn, dueOn);
    }

    public List<Overpayment> of(Account account) {
        return jdbc.sql("""
                select id, period_from, period_to, amount_pence, classification, recoverable, raised_on, due_on
                from hb_overpayment where authority_id = ? and account_id = ? order by id""")
                .params(account.authorityId(), account.id())
                .query((rs, n) -> new Overpayment(rs.getLong(1), account.reference(), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), Money.ofPence(rs.getLong(4)), Classification.valueOf(rs.getString(5)),
                        rs.getBoolean(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class)))
                .list();
    }
}
