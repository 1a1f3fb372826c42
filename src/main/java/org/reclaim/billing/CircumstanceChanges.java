package org.reclaim.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of a Council Tax account's circumstances from a date: a single person discount granted when a partner moved
 * out, ended when someone moved in; a disabled band reduction; an exemption; a premium. Recording one rebills every
 * billed year from its date, so the charge is right day by day (LGFA 1992 s. 2) and only the difference is posted.
 */
@Service
public class CircumstanceChanges {

    public record Change(long id, LocalDate effectiveFrom, CouncilTaxCircumstances circumstances, String reason, Instant recordedAt,
                         String recordedBy) {
    }

    public record Recorded(Change change, List<Bill> rebills) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    /** Looked up when needed: billing reads the changes, and a change rebills. */
    private final ObjectProvider<CouncilTaxBilling> councilTax;
    private final AccessAudit audit;
    private final Clock clock;

    CircumstanceChanges(JdbcClient jdbc, Accounts accounts, ObjectProvider<CouncilTaxBilling> councilTax, AccessAudit audit,
                        Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.councilTax = councilTax;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the change and rebills each year from its date that has a bill, up to the year after the one the notice
     * is issued in (bills for the next year go out in March). A change that repeats the one already in force on that
     * date records nothing new.
     */
    @Transactional
    public Recorded record(AccountReference reference, LocalDate effectiveFrom, CouncilTaxCircumstances circumstances, String reason,
                           LocalDate issuedOn) {
        Account account = accounts.get(reference);
        accounts.lock(account);
        if (account.stream() != RevenueStream.COUNCIL_TAX) {
            throw InvalidInput.of("reference", "account " + reference + " is " + account.stream() + ", not Council Tax");
        }
        if (effectiveFrom.isBefore(account.liabilityStart())
                || (account.liabilityEnd() != null && effectiveFrom.isAfter(account.liabilityEnd()))) {
            throw InvalidInput.of("effectiveFrom", "must be within the account's liability, which runs from " + account.liabilityStart()
                    + (account.liabilityEnd() == null ? "" : " to " + account.liabilityEnd()));
        }
        CouncilTaxCircumstances daily = circumstances.withoutReduction();
        Change change = of(account).stream().filter(c -> c.effectiveFrom().equals(effectiveFrom)).reduce((a, b) -> b)
                .filter(c -> c.circumstances().equals(daily))
                .orElseGet(() -> insert(account, effectiveFrom, daily, reason));
        List<Bill> rebills = councilTax.getObject().rebillFrom(account, effectiveFrom, issuedOn, reason + " from " + effectiveFrom);
        return new Recorded(change, rebills);
    }

    private Change insert(Account account, LocalDate effectiveFrom, CouncilTaxCircumstances c, String reason) {
        long id = jdbc.sql("""
                insert into council_tax_circumstance_change (authority_id, account_id, effective_from, disabled_band_reduction, discount,
                                                             exemption_class, premium_percent, premium_reason, reason, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(account.authorityId(), account.id(), effectiveFrom, c.disabledBandReduction(), c.discount().name(), c.exemptionClass(),
                        c.premiumPercent(), c.premiumReason(), reason, OffsetDateTime.now(clock), AccessAudit.currentUser())
                .query(Long.class).single();
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                "circumstances from " + effectiveFrom + " recorded (change " + id + ")");
        return of(account).stream().filter(ch -> ch.id() == id).findFirst().orElseThrow();
    }

    /** The account's changes in the order they apply: by date, and a later record for the same date after an earlier. */
    public List<Change> of(Account account) {
        return jdbc.sql("""
                select id, effective_from, disabled_band_reduction, discount, exemption_class, premium_percent, premium_reason, reason,
                       recorded_at, recorded_by
                from council_tax_circumstance_change where authority_id = ? and account_id = ? order by effective_from, id""")
                .params(account.authorityId(), account.id())
                .query((rs, n) -> new Change(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        new CouncilTaxCircumstances(rs.getBoolean(3), CouncilTaxCircumstances.Discount.valueOf(rs.getString(4)), rs.getString(5),
                                rs.getInt(6), rs.getString(7), Money.ZERO),
                        rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10)))
                .list();
    }

    static @Nullable Change lastOnOrBefore(List<Change> changes, LocalDate day) {
        Change last = null;
        for (Change c : changes) {
            if (!c.effectiveFrom().isAfter(day)) {
                last = c;
            }
        }
        return last;
    }
}
