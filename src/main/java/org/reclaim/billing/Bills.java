package org.reclaim.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.DueSchedule;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues bills and keeps their instalment plans; tells the ledger when billed charges fall due. A first bill posts
 * its total as a CHARGE; a rebill posts the difference as an ADJUSTMENT and re-profiles the instalments not yet due.
 */
@Service
public class Bills implements DueSchedule {

    /** How the instalments of a first bill are laid out. */
    public record PlanChoice(String scheme, int paymentDay, boolean explicit) {
        public PlanChoice(String scheme, int paymentDay) {
            this(scheme, paymentDay, true);
        }

        /** A rebill keeps the plan the payer has. */
        public static PlanChoice keeping(Bill current) {
            return new PlanChoice(current.scheme(), current.paymentDay(), false);
        }

        /**
         * For a WEEKLY or FORTNIGHTLY plan (agreed with the authority, where it offers them: see {@link AgreedInstalments})
         * {@code paymentDay} is the day of the week, 1 (Monday) to 7 (Sunday); otherwise the day of the month.
         */
        public PlanChoice {
            if (!List.of("TEN_MONTHLY", "TWELVE_MONTHLY", "WEEKLY", "FORTNIGHTLY", "BUSINESS_RATES").contains(scheme)) {
                throw InvalidInput.of("scheme", "must be TEN_MONTHLY, TWELVE_MONTHLY, WEEKLY, FORTNIGHTLY or BUSINESS_RATES");
            }
            if (weeksApart(scheme) > 0) {
                if (paymentDay < 1 || paymentDay > 7) {
                    throw InvalidInput.of("paymentDay", "must be 1 (Monday) to 7 (Sunday) for a " + scheme.toLowerCase(java.util.Locale.ROOT) + " plan");
                }
            } else if (paymentDay < 1 || paymentDay > 28) {
                throw InvalidInput.of("paymentDay", "must be from 1 to 28, so that it exists in every month");
            }
        }

        /** Weeks between instalments: 1 for WEEKLY, 2 for FORTNIGHTLY, 0 for the monthly schemes. */
        static int weeksApart(String scheme) {
            return switch (scheme) {
                case "WEEKLY" -> 1;
                case "FORTNIGHTLY" -> 2;
                default -> 0;
            };
        }
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Authorities authorities;
    private final Ledger ledger;
    private final AccessAudit audit;
    private final Clock clock;

    Bills(JdbcClient jdbc, Accounts accounts, Authorities authorities, Ledger ledger, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.authorities = authorities;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues a Council Tax bill with these lines; the first of a year, or a rebill that supersedes the current one. */
    @Transactional
    public Bill issue(AccountReference reference, FinancialYear year, LocalDate issuedOn, String reason, List<BillLine> lines, PlanChoice choice,
                      CouncilTaxCircumstances circumstances) {
        return issue(reference, year, issuedOn, reason, lines, choice, circumstances, null);
    }

    /** Issues a Business Rates bill with these lines, recording the reliefs' circumstances it was worked out on. */
    @Transactional
    public Bill issue(AccountReference reference, FinancialYear year, LocalDate issuedOn, String reason, List<BillLine> lines, PlanChoice choice,
                      BusinessRatesCharge.Circumstances circumstances) {
        return issue(reference, year, issuedOn, reason, lines, choice, CouncilTaxCircumstances.NONE, circumstances);
    }

    private Bill issue(AccountReference reference, FinancialYear year, LocalDate issuedOn, String reason, List<BillLine> lines, PlanChoice choice,
                       CouncilTaxCircumstances circumstances, BusinessRatesCharge.@Nullable Circumstances rates) {
        Account account = accounts.get(reference);
        accounts.lock(account);
        Money total = CouncilTaxCharge.total(lines);
        if (total.isNegative()) {
            throw InvalidInput.of("lines", "the bill comes to " + total + ": a bill cannot be negative");
        }
        Optional<Bill> current = current(account, year);
        if (current.isPresent() && current.get().total().equals(total) && current.get().lines().equals(lines)) {
            return current.get();   // the same demand again (a resent request): nothing to re-issue
        }
        if (current.isEmpty() && unbilledCharges(account, year).isPositive()) {
            throw Conflict.because("account " + reference + " already has charges for " + year + " posted outside billing; "
                    + "bill the difference as an adjustment rather than charging the year again");
        }
        if (current.isPresent() && choice.explicit() && !choice.scheme().equals(current.get().scheme())) {
            throw InvalidInput.of("scheme", "the " + year + " bill is paid by " + current.get().scheme()
                    + "; a change of scheme needs the payer's written request and a new plan, not a rebill");
        }
        if (current.isEmpty() && !authorities.instalmentOptions(account.authorityId()).allows(choice.scheme())) {
            BillingAuthority authority = authorities.byId(account.authorityId());
            throw InvalidInput.of("scheme", authority.name() + " does not offer " + choice.scheme().toLowerCase(java.util.Locale.ROOT)
                    + " instalments; an administrator can offer them with PUT /api/v1/authorities/" + authority.gssCode() + "/instalment-options");
        }
        List<Instalment> plan = current.isEmpty()
                ? firstPlan(total, year, issuedOn, choice)
                : StatutoryReprofile.reprofile(current.get().instalments(), total, issuedOn, remainingDates(current.get(), year, issuedOn),
                        current.get().scheme().equals("BUSINESS_RATES")
                        ? StatutoryInstalments.BUSINESS_RATES_FLOOR : StatutoryInstalments.COUNCIL_TAX_FLOOR);
        String scheme = current.map(Bill::scheme).orElse(choice.scheme());
        int paymentDay = current.map(Bill::paymentDay).orElse(choice.paymentDay());
        long billId = jdbc.sql("""
                insert into bill (authority_id, account_id, financial_year, issued_on, reason, total_pence, scheme, payment_day,
                                  supersedes_bill_id, created_at, created_by, disabled_band_reduction, discount, exemption_class,
                                  premium_percent, premium_reason, council_tax_reduction_pence, instalment_due_on, instalment_pence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date[], ?::bigint[]) returning id""")
                .params(account.authorityId(), account.id(), year.startYear(), issuedOn, reason, total.pence(), scheme, paymentDay,
                        current.map(Bill::id).orElse(null), OffsetDateTime.now(clock), AccessAudit.currentUser(),
                        circumstances.disabledBandReduction(), circumstances.discount().name(), circumstances.exemptionClass(),
                        circumstances.premiumPercent(), circumstances.premiumReason(), circumstances.councilTaxReduction().pence(),
                        Instalment.dueDatesArray(plan), Instalment.amountsArray(plan))
                .query(Long.class).single();
        if (rates != null) {
            jdbc.sql("""
                    insert into bill_rates_circumstances (authority_id, bill_id, charity, sole_property, retail_hospitality_leisure,
                                                          empty_since, industrial, rhl_relief_already_given_pence)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(account.authorityId(), billId, rates.charity(), rates.soleProperty(), rates.retailHospitalityLeisure(),
                            rates.emptySince(), rates.industrial(), rates.rhlReliefAlreadyGiven().pence()).update();
        }
        for (int i = 0; i < lines.size(); i++) {
            BillLine l = lines.get(i);
            jdbc.sql("insert into bill_line (authority_id, bill_id, line_no, kind, description, amount_pence) values (?, ?, ?, ?, ?, ?)")
                    .params(account.authorityId(), billId, i + 1, l.kind().name(), l.description(), l.amount().pence()).update();
        }
        Money difference = total.minus(current.map(Bill::total).orElse(Money.ZERO));
        if (!difference.isZero()) {
            ledger.post(posting(reference, year, current.isEmpty() ? EntryType.CHARGE : EntryType.ADJUSTMENT, difference, issuedOn,
                    reason, billId, plan));
        }
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, reference,
                "bill " + billId + " issued for " + year + ": " + total);
        return get(account, billId);
    }

    /**
     * Rebills each year from a change that has a bill, up to the year after the one the notice is issued in (bills for
     * the next year go out in March): {@code rebill} issues the year's new bill from its current one, which it keeps
     * the circumstances and plan of, so that only the difference is posted.
     */
    @Transactional
    public List<Bill> rebillFrom(Account account, LocalDate changedOn, LocalDate issuedOn, BiFunction<FinancialYear, Bill, Bill> rebill) {
        List<Bill> rebills = new ArrayList<>();
        for (FinancialYear y = FinancialYear.containing(changedOn); y.compareTo(FinancialYear.containing(issuedOn).next()) <= 0; y = y.next()) {
            FinancialYear year = y;
            current(account, year).ifPresent(current -> rebills.add(rebill.apply(year, current)));
        }
        return rebills;
    }

    /** What a bill posts to the ledger: due by its plan, and keyed by the bill so that it is posted once. */
    static Posting posting(AccountReference reference, FinancialYear year, EntryType type, Money amount, LocalDate issuedOn, String reason,
                           long billId, List<Instalment> plan) {
        LocalDate firstDue = plan.isEmpty() ? issuedOn : plan.get(0).dueOn();
        return new Posting(reference, year, type, amount, issuedOn, firstDue, reason + " (bill " + billId + ")", "bill-" + billId, null)
                .onSchedule();
    }

    /**
     * The dates a rebill may spread the rest over: a weekly or fortnightly plan keeps its own rhythm (every week or
     * every other week from its first instalment, so a fortnightly payer's weeks do not shift); a monthly plan its
     * payment day in each month.
     */
    private static List<LocalDate> remainingDates(Bill current, FinancialYear year, LocalDate issuedOn) {
        int weeks = PlanChoice.weeksApart(current.scheme());
        if (weeks == 0) {
            return StatutoryReprofile.monthlyDates(year, issuedOn, current.paymentDay(), lastMonthOf(current, year));
        }
        LocalDate first = current.instalments().isEmpty()
                ? AgreedInstalments.firstDueDate(year, issuedOn, java.time.DayOfWeek.of(current.paymentDay()))
                : current.instalments().get(0).dueOn();
        return AgreedInstalments.dates(first, weeks, lastMonthOf(current, year).atEndOfMonth());
    }

    /**
     * The last month a plan of this scheme may run to: March for twelve instalments and for weekly and fortnightly plans
     * (see {@link AgreedInstalments}), otherwise January for a bill issued before the year and February for one issued
     * in it (the month table of SI 1992/613 Sch. 1 para 2(3)), and never before the current plan's own last month.
     */
    private static java.time.YearMonth lastMonthOf(Bill current, FinancialYear year) {
        java.time.YearMonth schemeEnd = switch (current.scheme()) {
            case "TWELVE_MONTHLY", "WEEKLY", "FORTNIGHTLY" -> java.time.YearMonth.of(year.startYear() + 1, 3);
            default -> current.issuedOn().isBefore(year.start().plusMonths(1))
                    ? java.time.YearMonth.of(year.startYear() + 1, 1) : java.time.YearMonth.of(year.startYear() + 1, 2);
        };
        java.time.YearMonth planEnd = current.instalments().isEmpty() ? schemeEnd
                : java.time.YearMonth.from(current.instalments().get(current.instalments().size() - 1).dueOn());
        return planEnd.isAfter(schemeEnd) ? planEnd : schemeEnd;
    }

    /** Charges of the year on the ledger that no bill posted (e.g. migrated opening charges). */
    private Money unbilledCharges(Account account, FinancialYear year) {
        return Money.ofPence(jdbc.sql("""
                select coalesce(sum(amount_pence), 0) from ledger_entry
                where authority_id = ? and account_id = ? and financial_year = ? and entry_type = 'CHARGE' and not scheduled""")
                .params(account.authorityId(), account.id(), year.startYear()).query(Long.class).single());
    }

    static List<Instalment> firstPlan(Money total, FinancialYear year, LocalDate issuedOn, PlanChoice choice) {
        return switch (choice.scheme()) {
            case "BUSINESS_RATES" -> StatutoryInstalments.businessRates(total, year, issuedOn, choice.paymentDay());
            case "TWELVE_MONTHLY" -> StatutoryInstalments.councilTax(total, year, issuedOn, StatutoryInstalments.Scheme.TWELVE_MONTHLY, choice.paymentDay());
            case "WEEKLY", "FORTNIGHTLY" -> AgreedInstalments.councilTax(total, year, issuedOn, java.time.DayOfWeek.of(choice.paymentDay()),
                    PlanChoice.weeksApart(choice.scheme()));
            default -> StatutoryInstalments.councilTax(total, year, issuedOn, StatutoryInstalments.Scheme.TEN_MONTHLY, choice.paymentDay());
        };
    }

    /** The bill of the year that no later bill supersedes. */
    public Optional<Bill> current(Account account, FinancialYear year) {
        return jdbc.sql("""
                select b.id from bill b
                where b.authority_id = ? and b.account_id = ? and b.financial_year = ?
                  and not exists (select 1 from bill n where n.authority_id = b.authority_id and n.supersedes_bill_id = b.id)""")
                .params(account.authorityId(), account.id(), year.startYear())
                .query(Long.class).optional().map(id -> get(account, id));
    }

    /** Every bill of the account, newest first. */
    public List<Bill> all(Account account) {
        return jdbc.sql("select id from bill where authority_id = ? and account_id = ? order by id desc")
                .params(account.authorityId(), account.id()).query(Long.class).list().stream().map(id -> get(account, id)).toList();
    }

    /** The instalments of each year's current bill. */
    public List<Bill> currentBills(Account account) {
        return jdbc.sql("""
                select b.id from bill b where b.authority_id = ? and b.account_id = ?
                  and not exists (select 1 from bill n where n.authority_id = b.authority_id and n.supersedes_bill_id = b.id)
                order by b.financial_year""")
                .params(account.authorityId(), account.id()).query(Long.class).list().stream().map(id -> get(account, id)).toList();
    }

    /** One instalment of the current bill of an account's year, for {@link #currentInstalments}. */
    public record CurrentInstalment(long accountId, FinancialYear year, LocalDate dueOn, Money amount) {
    }

    /**
     * The instalments of each year's current bill for many accounts of an authority in one query (payment runs
     * allocate thousands of payments at a time); for one account, the same as the plans of {@link #currentBills}.
     */
    public List<CurrentInstalment> currentInstalments(int authorityId, java.util.Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select b.account_id, b.financial_year, i.due_on, i.amount_pence
                from bill b cross join lateral unnest(b.instalment_due_on, b.instalment_pence) with ordinality as i (due_on, amount_pence, number)
                where b.authority_id = ? and b.account_id = any(?)
                  and not exists (select 1 from bill n where n.authority_id = b.authority_id and n.supersedes_bill_id = b.id)
                order by b.account_id, b.financial_year, i.number""")
                .params(authorityId, accountIds.toArray(Long[]::new))
                .query((rs, n) -> new CurrentInstalment(rs.getLong(1), FinancialYear.of(rs.getInt(2)), rs.getObject(3, LocalDate.class),
                        Money.ofPence(rs.getLong(4))))
                .list();
    }

    @Override
    public Map<FinancialYear, Money> dueBy(Account account, LocalDate asOf) {
        Map<FinancialYear, Money> due = new HashMap<>();
        jdbc.sql("""
                select b.financial_year, coalesce(sum(i.amount_pence) filter (where i.due_on <= ?), 0)
                from bill b cross join lateral unnest(b.instalment_due_on, b.instalment_pence) as i (due_on, amount_pence)
                where b.authority_id = ? and b.account_id = ?
                  and not exists (select 1 from bill n where n.authority_id = b.authority_id and n.supersedes_bill_id = b.id)
                group by b.financial_year""")
                .params(asOf, account.authorityId(), account.id())
                .query((rs, n) -> due.put(FinancialYear.of(rs.getInt(1)), Money.ofPence(rs.getLong(2)))).list();
        return due;
    }

    private Bill get(Account account, long billId) {
        List<BillLine> lines = jdbc.sql("select kind, description, amount_pence from bill_line where authority_id = ? and bill_id = ? order by line_no")
                .params(account.authorityId(), billId)
                .query((rs, n) -> new BillLine(BillLine.Kind.valueOf(rs.getString(1)), rs.getString(2), Money.ofPence(rs.getLong(3)))).list();
        List<Instalment> plan = jdbc.sql("""
                select i.number, i.due_on, i.amount_pence
                from bill b cross join lateral unnest(b.instalment_due_on, b.instalment_pence) with ordinality as i (due_on, amount_pence, number)
                where b.authority_id = ? and b.id = ? order by i.number""")
                .params(account.authorityId(), billId)
                .query((rs, n) -> new Instalment(rs.getInt(1), rs.getObject(2, LocalDate.class), Money.ofPence(rs.getLong(3)))).list();
        BusinessRatesCharge.Circumstances rates = jdbc.sql("""
                select charity, sole_property, retail_hospitality_leisure, empty_since, industrial, rhl_relief_already_given_pence
                from bill_rates_circumstances where authority_id = ? and bill_id = ?""")
                .params(account.authorityId(), billId)
                .query((rs, n) -> new BusinessRatesCharge.Circumstances(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getObject(4, LocalDate.class), rs.getBoolean(5), Money.ofPence(rs.getLong(6))))
                .optional().orElse(null);
        return jdbc.sql("""
                select id, account_id, financial_year, issued_on, reason, total_pence, scheme, payment_day, supersedes_bill_id,
                       disabled_band_reduction, discount, exemption_class, premium_percent, premium_reason, council_tax_reduction_pence
                from bill where authority_id = ? and id = ?""")
                .params(account.authorityId(), billId)
                .query((rs, n) -> new Bill(rs.getLong(1), rs.getLong(2), FinancialYear.of(rs.getInt(3)), rs.getObject(4, LocalDate.class),
                        rs.getString(5), Money.ofPence(rs.getLong(6)), rs.getString(7), rs.getInt(8), (Long) rs.getObject(9),
                        new ArrayList<>(lines), plan,
                        new CouncilTaxCircumstances(rs.getBoolean(10), CouncilTaxCircumstances.Discount.valueOf(rs.getString(11)),
                                rs.getString(12), rs.getInt(13), rs.getString(14), Money.ofPence(rs.getLong(15))), rates))
                .single();
    }
}
