package org.reclaim.billing;

import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.properties.Properties;
import org.reclaim.properties.Property;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly rent run: for a week (named by its Monday), debits each council tenancy with its weekly rent and service
 * charge, payable in advance on the Monday, unless the council has made it a rent-free week. A tenancy that starts or
 * ends during the week pays for its days in it. Re-running a week posts nothing twice.
 */
@Service
public class RentDebits {

    public record Run(LocalDate weekStarting, boolean rentFree, int tenancies, int posted) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);   // the same on every machine

    private final Accounts accounts;
    private final Properties properties;
    private final Authorities authorities;
    private final Ledger ledger;

    RentDebits(Accounts accounts, Properties properties, Authorities authorities, Ledger ledger) {
        this.accounts = accounts;
        this.properties = properties;
        this.authorities = authorities;
        this.ledger = ledger;
    }

    @Transactional
    public Run run(BillingAuthority authority, LocalDate weekStarting) {
        if (weekStarting.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw InvalidInput.of("weekStarting", "must be a Monday: rent weeks start on Mondays");
        }
        LocalDate sunday = weekStarting.plusDays(6);
        List<Account> tenancies = accounts.liableBetween(authority.id(), RevenueStream.HOUSING_RENT, weekStarting, sunday);
        if (authorities.isRentFreeWeek(authority.id(), weekStarting)) {
            return new Run(weekStarting, true, tenancies.size(), 0);
        }
        Map<Long, Property> homes = properties.findAll(tenancies.stream().map(Account::propertyId).filter(java.util.Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(Property::id, Function.identity()));
        List<Posting> postings = new ArrayList<>();
        for (Account tenancy : tenancies) {
            Property home = tenancy.propertyId() == null ? null : homes.get(tenancy.propertyId());
            if (home == null || home.weeklyRentPence() == null) {
                continue;
            }
            Money week = Money.ofPence(home.weeklyRentPence() + (home.weeklyServiceChargePence() == null ? 0 : home.weeklyServiceChargePence()));
            LocalDate from = tenancy.liabilityStart().isAfter(weekStarting) ? tenancy.liabilityStart() : weekStarting;
            LocalDate to = tenancy.liabilityEnd() != null && tenancy.liabilityEnd().isBefore(sunday) ? tenancy.liabilityEnd() : sunday;
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            Money due = days == 7 ? week : week.times(days, 7, RoundingMode.HALF_UP);
            if (due.isPositive()) {
                postings.add(new Posting(tenancy.reference(), FinancialYear.containing(weekStarting), EntryType.CHARGE, due, from, weekStarting,
                        "Rent and service charge, week commencing " + weekStarting.format(DAY) + (days == 7 ? "" : " (" + days + " days)"),
                        "rent-" + tenancy.reference() + "-" + weekStarting, null));
            }
        }
        return new Run(weekStarting, false, tenancies.size(), ledger.postAll(authority.id(), postings));
    }
}
