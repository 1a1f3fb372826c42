package org.reclaim.support;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.billing.Bill;
import org.reclaim.billing.BillLine;
import org.reclaim.billing.Bills;
import org.reclaim.billing.BusinessRatesCharge;
import org.reclaim.billing.BusinessRatesYear;
import org.reclaim.billing.BusinessRatesYears;
import org.reclaim.billing.CircumstanceChanges;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.parties.Parties;
import org.reclaim.parties.PartyKind;
import org.reclaim.properties.Properties;
import org.reclaim.properties.Property;
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Benefits maximisation: what an account's data suggests the customer may be entitled to and has not got. Other modules
 * call it when arrears are recorded or an income and expenditure form is taken, with what the customer said
 * ({@link HouseholdFacts}); the officer's API calls it with what is asked on the phone. "Has not got" is read from the
 * bill for the year of the day asked about (the latest bill if that year has none) and the circumstance changes since.
 */
@Service
public class EntitlementPrompts {

    private final Accounts accounts;
    private final Bills bills;
    private final CircumstanceChanges changes;
    private final BusinessRatesYears ratesYears;
    private final Parties parties;
    private final Properties properties;
    private final Holds holds;
    private final CircumstanceFacts facts;
    private final SupportSettings settings;

    EntitlementPrompts(Accounts accounts, Bills bills, CircumstanceChanges changes, BusinessRatesYears ratesYears, Parties parties,
                       Properties properties, Holds holds, CircumstanceFacts facts, SupportSettings settings) {
        this.accounts = accounts;
        this.bills = bills;
        this.changes = changes;
        this.ratesYears = ratesYears;
        this.parties = parties;
        this.properties = properties;
        this.holds = holds;
        this.facts = facts;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public List<EntitlementPrompt> forAccount(AccountReference reference, HouseholdFacts household, LocalDate asOf) {
        return forAccount(accounts.get(reference), household, asOf);
    }

    @Transactional(readOnly = true)
    public List<EntitlementPrompt> forAccount(Account account, HouseholdFacts household, LocalDate asOf) {
        Optional<Bill> bill = billFor(account, asOf);
        return switch (account.stream()) {
            case COUNCIL_TAX -> EntitlementRules.councilTax(councilTaxHome(account, bill, household, asOf));
            case BUSINESS_RATES -> hereditament(account, bill, asOf).map(EntitlementRules::businessRates).orElse(List.of());
            default -> List.of();
        };
    }

    private Optional<Bill> billFor(Account account, LocalDate asOf) {
        return bills.current(account, FinancialYear.containing(asOf))
                .or(() -> bills.currentBills(account).stream().max(Comparator.comparing(Bill::year)));
    }

    private EntitlementRules.CouncilTaxHome councilTaxHome(Account account, Optional<Bill> bill, HouseholdFacts household, LocalDate asOf) {
        CouncilTaxCircumstances inForce = bill.map(Bill::circumstances).orElse(CouncilTaxCircumstances.NONE);
        String from = bill.map(b -> b.year() + " bill " + b.id() + " issued " + b.issuedOn()).orElse("no bill issued yet");
        CircumstanceChanges.Change change = changes.of(account).stream().filter(c -> !c.effectiveFrom().isAfter(asOf))
                .reduce((a, b) -> b).orElse(null);
        if (change != null) {
            // billing charges each day with the last change on or before it, whatever the bill's own circumstances (CouncilTaxBilling.lines)
            inForce = change.circumstances();
            from += ", circumstances changed from " + change.effectiveFrom();
        }
        Map<Long, Set<CircumstanceFact>> known = facts.inForce(account.authorityId(), account.liablePartyIds(), asOf);
        List<EntitlementRules.Person> people = parties.findAll(account.liablePartyIds()).stream()
                .filter(p -> p.kind() == PartyKind.PERSON)
                .map(p -> new EntitlementRules.Person("customer " + p.id(), known.getOrDefault(p.id(), Set.of())))
                .toList();
        boolean claimPending = holds.of(account).stream().anyMatch(h -> h.type() == HoldType.CTR_CLAIM_PENDING && h.inForceOn(asOf));
        Money award = bill.map(b -> b.circumstances().councilTaxReduction()).orElse(Money.ZERO);
        return new EntitlementRules.CouncilTaxHome(household.adults(), people, household.noted(), household.monthlyIncome(),
                inForce.discount(), inForce.exemptionClass(), inForce.disabledBandReduction(), award, claimPending,
                settings.of(account.authorityId()).ctrPromptIncomeBelow(), from);
    }

    private Optional<EntitlementRules.Hereditament> hereditament(Account account, Optional<Bill> bill, LocalDate asOf) {
        if (account.propertyId() == null) {
            return Optional.empty();
        }
        Property property = properties.get(account.propertyId());
        List<Properties.RateableValuePeriod> values = properties.rateableValuesBetween(property, asOf, asOf);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        FinancialYear year = FinancialYear.containing(asOf);
        @Nullable BusinessRatesYear figures = ratesYears.find(year).orElse(null);
        BusinessRatesCharge.Circumstances c = bill.map(Bill::ratesCircumstances).orElse(BusinessRatesCharge.Circumstances.OCCUPIED);
        boolean hasSbrr = bill.map(b -> b.lines().stream().anyMatch(l -> l.kind() == BillLine.Kind.RELIEF
                && l.description().startsWith("Small business rate relief"))).orElse(false);
        return Optional.of(new EntitlementRules.Hereditament(values.get(values.size() - 1).rateableValue(), year,
                figures == null ? null : figures.sbrrEndsAt(), hasSbrr, c.charity(), c.emptySince() != null && !c.emptySince().isAfter(asOf),
                c.soleProperty(), bill.map(b -> b.year() + " bill " + b.id() + " issued " + b.issuedOn()).orElse("no bill issued yet")));
    }
}
