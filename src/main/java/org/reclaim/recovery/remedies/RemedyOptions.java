package org.reclaim.recovery.remedies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Ledger;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.parties.PartyFlag;
import org.reclaim.parties.PartyKind;
import org.reclaim.recovery.Holds;
import org.reclaim.recovery.calculators.BenefitDeduction;
import org.reclaim.recovery.calculators.Claimant;
import org.reclaim.recovery.calculators.Remedy;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Gathers what decides an account-year's remedies (the liability order, what is owed, holds, the debtors' flags and
 * facts, orders already in force, the calculators' figures) and asks {@link RemedyLadder} which remedies it allows.
 *
 * <p>The debtor: an account's liable parties are jointly and severally liable. A flag on any of them (deceased,
 * insolvent, vulnerable) counts for the account; an attachment is made against the first liable party for whom the
 * employer, benefit or councillor is known.
 */
@Service
public class RemedyOptions {

    /** What confirming a remedy needs besides the decision: against whom, and the employer or benefit it rests on. */
    record Context(Account account, int financialYear, LocalDate on, Money owed, @Nullable LocalDate liabilityOrderOn, Party debtor,
                   RemedyFacts.@Nullable Fact employer, long employerPartyId, RemedyFacts.@Nullable Fact benefit, long benefitPartyId,
                   RemedyFacts.@Nullable Fact councillor, long councillorPartyId, int liveEarningsOrders, boolean vulnerable, Money complianceFee) {
    }

    record Assessed(RemedyLadder.YearRemedies remedies, Context context) {
    }

    /** The remedies of each account-year with a liability order; {@code years} empty when the account has none. */
    public record View(String account, LocalDate asOf, String note, List<RemedyLadder.YearRemedies> years) {
    }

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Holds holds;
    private final Parties parties;
    private final RemedyFacts facts;
    private final RemedyCalculators calculators;

    RemedyOptions(JdbcClient jdbc, Ledger ledger, Holds holds, Parties parties, RemedyFacts facts, RemedyCalculators calculators) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.holds = holds;
        this.parties = parties;
        this.facts = facts;
        this.calculators = calculators;
    }

    public View of(Account account, LocalDate on) {
        Map<Integer, LocalDate> orders = liabilityOrders(account);
        List<RemedyLadder.YearRemedies> years = new ArrayList<>();
        for (int year : orders.keySet()) {
            years.add(assess(account, year, on).remedies());
        }
        String note = orders.isEmpty() ? "no liability order on this account: no remedy can be taken until the court makes one"
                : "for each year with a liability order, the remedies cheapest to the customer first; an officer confirms the proposal";
        return new View(account.reference().value(), on, note, years);
    }

    Assessed assess(Account account, int year, LocalDate on) {
        Map<Integer, LocalDate> orders = liabilityOrders(account);
        Map<Integer, Money> balances = new HashMap<>();
        ledger.balancesByYear(account).forEach(b -> balances.put(b.financialYear().startYear(), b.balance()));
        Money owed = balances.getOrDefault(year, Money.ZERO);
        // reg 50: the amount outstanding under the liability orders together; the insolvency thresholds are on the whole debt too
        Money owedUnderOrders = orders.keySet().stream().map(y -> balances.getOrDefault(y, Money.ZERO).max(Money.ZERO)).reduce(Money.ZERO, Money::plus);

        List<Party> debtors = parties.findAll(account.liablePartyIds());
        boolean deceased = debtors.stream().anyMatch(p -> p.hasFlagOn(PartyFlag.DECEASED, on));
        boolean insolvent = debtors.stream().anyMatch(p -> p.hasFlagOn(PartyFlag.INSOLVENT, on));
        boolean vulnerable = debtors.stream().anyMatch(p -> p.hasFlagOn(PartyFlag.VULNERABLE, on));
        Party debtor = debtors.get(0);
        boolean organisation = debtors.stream().allMatch(p -> p.kind() == PartyKind.ORGANISATION);
        String hold = holds.of(account).stream().filter(h -> h.inForceOn(on)).findFirst()
                .map(h -> h.type() + (h.endsOn() != null ? " to " + h.endsOn() : " for review on " + h.reviewOn()) + ": " + h.reason())
                .orElse(null);

        RemedyFacts.Fact employer = null;
        RemedyFacts.Fact benefit = null;
        RemedyFacts.Fact councillor = null;
        long employerParty = debtor.id();
        long benefitParty = debtor.id();
        long councillorParty = debtor.id();
        for (Party p : debtors) {
            RemedyFacts.Known k = facts.known(account.authorityId(), p.id());
            if (employer == null && k.employer() != null) {
                employer = k.employer();
                employerParty = p.id();
            }
            if (benefit == null && k.benefit() != null) {
                benefit = k.benefit();
                benefitParty = p.id();
            }
            if (councillor == null && k.councillor() != null) {
                councillor = k.councillor();
                councillorParty = p.id();
            }
        }
        RemedyLadder.Earnings earnings = null;
        int live = 0;
        if (employer != null) {
            List<LiveOrder> liveOrders = liveEarningsOrders(account.authorityId(), employerParty, account.id(), year);
            live = liveOrders.size();
            Money net = employer.netEarnings();
            String name = employer.employerName();
            // reg 42(1)(b): a later order is dealt with on the earnings left after the earlier order's deduction
            Money earlier = liveOrders.stream().filter(o -> o.employer().equalsIgnoreCase(name)).map(LiveOrder::deduction).reduce(Money.ZERO, Money::plus);
            Money residue = net.minus(earlier).max(Money.ZERO);
            earnings = new RemedyLadder.Earnings(name, employer.payPeriod(), residue,
                    calculators.earnings().deduction(employer.payPeriod(), residue, on).amount(), live);
        }
        RemedyLadder.BenefitKnown benefitKnown = null;
        if (benefit != null) {
            FinancialYear fy = FinancialYear.containing(on);
            RemedyFacts.Fact b = benefit;
            Optional<BenefitDeduction> d = calculators.benefits().find(b.benefit(), b.claimant(), fy)
                    .or(() -> calculators.benefits().find(b.benefit(), Claimant.ANY, fy));
            benefitKnown = new RemedyLadder.BenefitKnown(benefit.benefit(), d.map(BenefitDeduction::amount).orElse(null),
                    d.map(BenefitDeduction::period).orElse(null), d.map(BenefitDeduction::derived).orElse(false));
        }
        RemedyLadder.Allowance allowance = councillor == null ? null
                : new RemedyLadder.Allowance(councillor.councilName(), councillor.allowancePence() == null ? null : Money.ofPence(councillor.allowancePence()));
        Money compliance = calculators.fees().on(owed.max(Money.ZERO), on).compliance();
        boolean charging = calculators.thresholds().allows(Remedy.CHARGING_ORDER, owedUnderOrders, on);
        boolean petition = calculators.thresholds().allows(organisation ? Remedy.WINDING_UP_PETITION : Remedy.BANKRUPTCY_PETITION, owedUnderOrders, on);
        Map<RemedyKind, LocalDate> confirmed = confirmed(account, year);
        List<String> returns = jdbc.sql("""
                select r.status from enforcement_return r join remedy_order o on o.authority_id = r.authority_id and o.action_id = r.action_id
                where o.authority_id = ? and o.account_id = ? and o.financial_year = ?""")
                .params(account.authorityId(), account.id(), year).query(String.class).list();
        boolean nullaBona = returns.contains("NULLA_BONA");
        boolean ended = nullaBona || returns.contains("RETURNED");

        RemedyLadder.Situation s = new RemedyLadder.Situation(account.stream(), year, orders.get(year), owed, hold, deceased, insolvent, vulnerable,
                organisation, earnings, benefitKnown, allowance, compliance, charging, petition, confirmed, ended, nullaBona);
        Context context = new Context(account, year, on, owed, orders.get(year), debtor, employer, employerParty, benefit, benefitParty, councillor,
                councillorParty, live, vulnerable, compliance);
        return new Assessed(RemedyLadder.decide(s), context);
    }

    /** The years of the account with a liability order, and the day each was made, in year order. */
    Map<Integer, LocalDate> liabilityOrders(Account account) {
        Map<Integer, LocalDate> orders = new java.util.TreeMap<>();
        jdbc.sql("select financial_year, issued_on from recovery_action where authority_id = ? and account_id = ? and code = 'LIABILITY_ORDER'")
                .params(account.authorityId(), account.id())
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getObject(2, LocalDate.class))).list()
                .forEach(e -> orders.put(e.getKey(), e.getValue()));
        return orders;
    }

    private Map<RemedyKind, LocalDate> confirmed(Account account, int year) {
        Map<RemedyKind, LocalDate> confirmed = new EnumMap<>(RemedyKind.class);
        String[] codes = java.util.Arrays.stream(RemedyKind.values()).map(Enum::name).toArray(String[]::new);
        jdbc.sql("select code, issued_on from recovery_action where authority_id = ? and account_id = ? and financial_year = ? and code = any(?)")
                .params(account.authorityId(), account.id(), year, codes)
                .query((rs, n) -> Map.entry(RemedyKind.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class))).list()
                .forEach(e -> confirmed.put(e.getKey(), e.getValue()));
        return confirmed;
    }

    record LiveOrder(long accountId, int year, String employer, Money deduction) {
    }

    /**
     * The authority's attachment of earnings orders in force against the party, other than on this account-year: an order
     * is in force until the whole amount it relates to is paid (SI 1992/613 Sch. 3 para 1 (reg 41)), i.e. while its year
     * still owes.
     */
    List<LiveOrder> liveEarningsOrders(int authorityId, long partyId, long accountId, int year) {
        return jdbc.sql("""
                select o.account_id, o.financial_year, o.employer_name, o.deduction_pence from remedy_order o
                where o.authority_id = ? and o.party_id = ? and o.remedy = 'ATTACHMENT_OF_EARNINGS'
                  and not (o.account_id = ? and o.financial_year = ?)
                  and (select coalesce(sum(l.amount_pence), 0) from ledger_entry l
                       where l.authority_id = o.authority_id and l.account_id = o.account_id and l.financial_year = o.financial_year) > 0
                order by o.made_on, o.action_id""")
                .params(authorityId, partyId, accountId, year)
                .query((rs, n) -> new LiveOrder(rs.getLong(1), rs.getInt(2), rs.getString(3), Money.ofPence(rs.getLong(4)))).list();
    }
}
