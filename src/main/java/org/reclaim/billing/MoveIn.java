package org.reclaim.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountStatus;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.OpenAccount;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.properties.Properties;
import org.reclaim.properties.Property;
import org.reclaim.properties.PropertyKind;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New residents move into a dwelling: the Council Tax liability there passes to them from the day they arrive. Council
 * Tax is a daily liability (Local Government Finance Act 1992, s. 2(1)) and the liable person is decided day by day as
 * the resident with the greatest interest in the dwelling (s. 6(1)-(2)); residents with the same interest are jointly
 * and severally liable (s. 6(3)). So whoever was liable there until the day before is moved out (their years are
 * rebilled by {@link MoveOut}), a Council Tax account is opened for the new residents, and it is billed for each year
 * from the move to the current one by {@link CouncilTaxBilling}, with the instalments the notice's issue date allows.
 * One transaction: all of it, or nothing.
 */
@Service
public class MoveIn {

    /**
     * What the officer was told: who is now liable at which dwelling and from when, and how the first bill is laid out.
     *
     * @param liablePartyIds the residents with the greatest interest, decided by the officer (s. 6(2))
     * @param from           the first day they are liable
     */
    public record Notice(long propertyId, List<Long> liablePartyIds, LocalDate from, LocalDate issuedOn,
                         CouncilTaxCircumstances circumstances, Bills.PlanChoice plan) {
        public Notice {
            liablePartyIds = List.copyOf(liablePartyIds);
        }
    }

    /** An account whose liability the move-in ended, and the rebills of its years. */
    public record MovedOut(Account account, LocalDate lastDayLiable, List<Bill> rebills) {
    }

    /**
     * @param repeated true when the same move-in had already been recorded: nothing was changed, and {@code bills} are
     *                 the account's current bills
     */
    public record Outcome(Account account, boolean repeated, List<MovedOut> movedOut, List<Bill> bills) {
    }

    private final Accounts accounts;
    private final Properties properties;
    private final Authorities authorities;
    private final MoveOut moveOut;
    private final CouncilTaxBilling councilTax;
    private final Bills bills;
    private final JdbcClient jdbc;

    MoveIn(Accounts accounts, Properties properties, Authorities authorities, MoveOut moveOut, CouncilTaxBilling councilTax,
           Bills bills, JdbcClient jdbc) {
        this.accounts = accounts;
        this.properties = properties;
        this.authorities = authorities;
        this.moveOut = moveOut;
        this.councilTax = councilTax;
        this.bills = bills;
        this.jdbc = jdbc;
    }

    /**
     * Records the move-in.
     *
     * @param today the business date: the account is billed for each year from the move up to the one containing it
     */
    @Transactional
    public Outcome moveIn(Notice notice, LocalDate today) {
        Property property = dwelling(notice);
        BillingAuthority authority = authorities.byId(property.authorityId());
        checkParties(authority, notice.liablePartyIds());
        LocalDate from = notice.from();
        if (from.isAfter(today.plusMonths(1))) {
            // the new residents' bill is issued no earlier than the day they become liable (so no instalment falls due
            // before their liability starts, LGFA 1992 s. 2), and a notice is dated at most a month ahead (as every bill):
            // a move further ahead is a plan, recorded when it happens or within the month before
            throw InvalidInput.of("from", "is more than a month ahead of today (" + today + "): record the move-in from "
                    + today.plusMonths(1) + " at the latest");
        }
        if (notice.issuedOn().isBefore(from)) {
            throw InvalidInput.of("issuedOn", "is before " + from + ": the new residents' bill is issued on or after the day they become liable");
        }
        // one move-in at a time per dwelling, so that a request sent twice at once opens one account
        jdbc.sql("select pg_advisory_xact_lock(hashtext('reclaim-move-in'), hashtext(? || ':' || ?))")
                .params(authority.id(), property.id()).query(Object.class).single();

        List<Account> atProperty = accounts.atProperty(authority.id(), property.id(), RevenueStream.COUNCIL_TAX);
        List<Long> wanted = notice.liablePartyIds().stream().sorted().toList();
        for (Account a : atProperty) {
            if (a.liabilityStart().equals(from) && a.liablePartyIds().stream().sorted().toList().equals(wanted)) {
                return new Outcome(a, true, List.of(), bills.currentBills(a));   // recorded already: the request was sent again
            }
        }
        List<Account> outgoing = outgoing(atProperty, from);

        List<MovedOut> movedOut = new ArrayList<>();
        String reason = "Moved in " + from;
        for (Account a : outgoing) {
            LocalDate lastDay = from.minusDays(1);
            List<Bill> rebills = moveOut.moveOut(a.reference(), lastDay, notice.issuedOn());
            movedOut.add(new MovedOut(accounts.get(a.reference()), lastDay, rebills));
        }
        Account opened = accounts.open(new OpenAccount(authority.gssCode(), RevenueStream.COUNCIL_TAX, notice.liablePartyIds(), property.id(),
                from, null));
        List<Bill> issued = new ArrayList<>();
        FinancialYear last = FinancialYear.containing(from.isAfter(today) ? from : today);
        for (FinancialYear year = FinancialYear.containing(from); year.compareTo(last) <= 0; year = year.next()) {
            issued.add(councilTax.bill(opened.reference(), year, notice.issuedOn(), reason, notice.circumstances(), notice.plan()));
        }
        return new Outcome(opened, false, movedOut, issued);
    }

    private Property dwelling(Notice notice) {
        Property property = properties.get(notice.propertyId());
        if (property.kind() != PropertyKind.DWELLING) {
            throw InvalidInput.of("propertyId", "property " + property.id() + " is " + property.kind() + ": Council Tax is on dwellings");
        }
        if (properties.bandsBetween(property, notice.from(), notice.from()).isEmpty()) {
            throw InvalidInput.of("councilTaxBand", "the property " + property.singleLineAddress() + " has no Council Tax band");
        }
        return property;
    }

    private void checkParties(BillingAuthority authority, List<Long> ids) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (ids.isEmpty()) {
            errors.add(new InvalidInput.FieldError("liableParties", "must name at least one liable customer"));
        }
        errors.addAll(accounts.liablePartyErrors(authority, ids, "liableParties"));
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }

    /**
     * The open accounts whose liability covers {@code from}: they end the day before. A liability that starts on or
     * after {@code from}, or one already closed that runs past it, would leave two sets of payers liable for the same
     * days (s. 6 names one for each day), so the move-in is refused and the earlier record must be corrected first.
     */
    private static List<Account> outgoing(List<Account> atProperty, LocalDate from) {
        List<Account> outgoing = new ArrayList<>();
        for (Account a : atProperty) {
            boolean runsPastFrom = a.liabilityEnd() == null || !a.liabilityEnd().isBefore(from);
            if (!runsPastFrom) {
                continue;
            }
            if (!a.liabilityStart().isBefore(from)) {
                throw InvalidInput.of("from", "account " + a.reference() + " is liable here from " + a.liabilityStart()
                        + ": a move-in must be after the liability it ends starts");
            }
            if (a.status() == AccountStatus.CLOSED) {
                throw InvalidInput.of("from", "account " + a.reference() + " was liable here until " + a.liabilityEnd()
                        + ": a move-in from " + from + " overlaps it; correct that account's move-out first");
            }
            outgoing.add(a);
        }
        return outgoing;
    }
}
