package org.reclaim.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.InstalmentOptions;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.authorities.CouncilTaxYear;
import org.reclaim.properties.Properties;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.CopyRows;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills one chunk of an annual billing run: the next Council Tax accounts, in id order, that are liable in the year and
 * have no bill for it. Each chunk is one transaction holding its bills, lines, plans, charges, audit records and the
 * run's progress, so a crash loses at most the chunk in hand and a re-run starts where the committed work ends.
 * Bills, lines and charges are written with COPY: a million accounts is three million rows.
 */
@Service
class AnnualBilling {

    /** What one chunk did. */
    record Chunk(int scanned, int billed, int refused, Money charged) {
    }

    /**
     * An account to bill, with what its latest earlier bill said: the plan the payer chose and the circumstances (a
     * discount, a disabled band reduction, an exemption, a premium) that carry into the new year until they change.
     */
    private record Candidate(long accountId, AccountReference reference, LocalDate liabilityStart, @Nullable LocalDate liabilityEnd,
                             @Nullable Long propertyId, @Nullable Integer parishId, @Nullable CouncilTaxBand band, boolean datedChanges, boolean chargedOutsideBilling,
                             @Nullable String scheme, int paymentDay, CouncilTaxCircumstances circumstances) {
    }

    /** What decides a bill's lines and plan. Most households of a run share one with many others. */
    private record DemandKey(CouncilTaxYear config, CouncilTaxBand band, LiabilityPeriod period, CouncilTaxCircumstances circumstances,
                             Bills.PlanChoice plan) {
    }

    /** The lines, total and plan for a {@link DemandKey}, worked out once per chunk and shared by the bills that have it. */
    private record Demand(List<BillLine> lines, Money total, Bills.PlanChoice plan, List<Instalment> instalments, String dueDates,
                          String amounts) {
        static Demand of(List<BillLine> lines, FinancialYear year, Bills.PlanChoice choice, LocalDate issuedOn) {
            Money total = CouncilTaxCharge.total(lines);
            List<Instalment> plan = Bills.firstPlan(total, year, issuedOn, choice);
            return new Demand(lines, total, choice, plan, Instalment.dueDatesArray(plan), Instalment.amountsArray(plan));
        }
    }

    private record Billed(long billId, Candidate candidate, Demand demand) {
        Money total() {
            return demand.total();
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final CouncilTaxBilling councilTax;
    private final Authorities authorities;
    private final Ledger ledger;
    private final AccessAudit audit;
    private final Clock clock;

    AnnualBilling(JdbcClient jdbc, DataSource dataSource, CouncilTaxBilling councilTax, Authorities authorities, Ledger ledger, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.councilTax = councilTax;
        this.authorities = authorities;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** The accounts a run would bill, as ranges of ids that end at each of {@code ends} and start after the one before. */
    record Chunks(int accounts, List<Long> ends) {
    }

    /** The accounts a run for the year would bill now, cut into ranges of about {@code size}, to bill side by side. */
    Chunks chunks(int authorityId, FinancialYear year, int size) {
        record End(long id, int total) {
        }
        List<End> ends = jdbc.sql("""
                select id, total from (select a.id, row_number() over (order by a.id) as n, count(*) over () as total
                                       from account a where """ + " " + UNBILLED + """
                ) x where n % :size = 0 or n = total order by id""")
                .param("authority", authorityId).param("year", year.startYear()).param("yearStart", year.start()).param("yearEnd", year.end())
                .param("after", 0L).param("upTo", Long.MAX_VALUE).param("size", size)
                .query((rs, n) -> new End(rs.getLong(1), rs.getInt(2))).list();
        return new Chunks(ends.isEmpty() ? 0 : ends.get(0).total(), ends.stream().map(End::id).toList());
    }

    /** Council Tax accounts liable for part of the year, in a range of ids, with no bill for the year. */
    private static final String UNBILLED = """
            a.authority_id = :authority and a.stream = 'COUNCIL_TAX' and a.id > :after and a.id <= :upTo
              and a.liability_start <= :yearEnd and (a.liability_end is null or a.liability_end >= :yearStart)
              and not exists (select 1 from bill b where b.authority_id = a.authority_id and b.account_id = a.id and b.financial_year = :year)""";

    @Transactional
    Chunk bill(long runId, int authorityId, FinancialYear year, LocalDate issuedOn, long afterAccountId, long upToAccountId) {
        List<Candidate> candidates = candidates(authorityId, year, afterAccountId, upToAccountId);
        if (candidates.isEmpty()) {
            return new Chunk(0, 0, 0, Money.ZERO);
        }
        String reason = "Annual bill for " + year;
        List<Billed> billed = new ArrayList<>();
        Map<DemandKey, Demand> demands = new HashMap<>();
        // a dwelling in a parish area pays its parish's precept too (LGFA 1992, s. 41): one year's figures per area
        Map<Optional<Integer>, CouncilTaxYear> areas = new HashMap<>();
        InstalmentOptions offered = authorities.instalmentOptions(authorityId);
        List<Long> ids = reserveBillIds(candidates.size());
        CopyRows refusals = new CopyRows("billing_run_refusal", "authority_id, run_id, account_id, reason");
        for (Candidate c : candidates) {
            String refusal = refusal(c, year);
            if (refusal != null) {
                refusals.add(authorityId, runId, c.accountId(), refusal);
                continue;
            }
            Bills.PlanChoice plan = carriedPlan(c.scheme(), c.paymentDay(), offered);
            Demand demand;
            if (c.datedChanges()) {
                // the rare account whose band or circumstances change by date is worked out day by day, as any bill is
                try {
                    demand = Demand.of(councilTax.preview(c.reference(), year, c.circumstances()), year, plan, issuedOn);
                } catch (InvalidInput cannotBill) {
                    refusals.add(authorityId, runId, c.accountId(), cannotBill.errors().get(0).message());
                    continue;
                }
            } else {
                LiabilityPeriod period = LiabilityPeriod.within(year, c.liabilityStart(), c.liabilityEnd());
                CouncilTaxYear config = areas.computeIfAbsent(Optional.ofNullable(c.parishId()),
                        parish -> authorities.councilTax(authorityId, year, parish.orElse(null)).orElseThrow(() -> new IllegalStateException(
                                "no Council Tax is set for " + year)));
                demand = demands.computeIfAbsent(new DemandKey(config, c.band(), period, c.circumstances(), plan),
                        k -> Demand.of(CouncilTaxBilling.lines(k.config(), List.of(new Properties.BandPeriod(k.period().from(), k.band())),
                                k.period(), k.circumstances()), year, k.plan(), issuedOn));
            }
            billed.add(new Billed(ids.get(billed.size()), c, demand));
        }
        write(authorityId, year, issuedOn, reason, billed);
        refusals.copyInto(dataSource);
        Money charged = billed.stream().map(Billed::total).reduce(Money.ZERO, Money::plus);
        jdbc.sql("""
                update billing_run set accounts_billed = accounts_billed + ?, accounts_refused = accounts_refused + ?,
                                       charged_pence = charged_pence + ?
                where authority_id = ? and id = ?""")
                .params(billed.size(), refusals.count(), charged.pence(), authorityId, runId).update();
        return new Chunk(candidates.size(), billed.size(), refusals.count(), charged);
    }

    /**
     * The plan the new year's bill gets: the one the payer had last year, or the statutory ten monthly instalments on the
     * 1st if they had none. A weekly or fortnightly plan is an agreement the authority offers (SI 1992/613 reg. 21): if it
     * has stopped offering it, the payer is billed by the statutory scheme, ten monthly instalments, which is what the
     * law gives anyone without an agreement; on the 1st, the default day, as a day of the week says nothing about a day of
     * the month. The new bill shows the plan, and the payer may ask for twelve or agree another.
     */
    static Bills.PlanChoice carriedPlan(@Nullable String scheme, int paymentDay, InstalmentOptions offered) {
        if (scheme == null || !offered.allows(scheme)) {
            return new Bills.PlanChoice("TEN_MONTHLY", scheme == null ? paymentDay : 1);
        }
        return new Bills.PlanChoice(scheme, paymentDay);
    }

    /** Why an account cannot be billed, or null. The run goes on with the others; the officer fixes and re-runs. */
    private static @Nullable String refusal(Candidate c, FinancialYear year) {
        if (c.propertyId() == null) {
            return "the account has no property to bill";
        }
        if (c.band() == null && !c.datedChanges()) {
            return "the property has no Council Tax band";
        }
        if (c.chargedOutsideBilling()) {
            return "the account already has charges for " + year + " posted outside billing";
        }
        return null;
    }

    /** The next accounts to bill, locked so that an officer's bill or move cannot interleave with the run's. */
    private List<Candidate> candidates(int authorityId, FinancialYear year, long after, long upTo) {
        return jdbc.sql("""
                select a.id, a.reference, a.liability_start, a.liability_end, a.property_id, p.council_tax_band, p.parish_id,
                       exists (select 1 from council_tax_band_history h where h.authority_id = a.authority_id and h.property_id = a.property_id)
                       or exists (select 1 from council_tax_circumstance_change c where c.authority_id = a.authority_id and c.account_id = a.id),
                       exists (select 1 from ledger_entry e where e.authority_id = a.authority_id and e.account_id = a.id
                                 and e.financial_year = :year and e.entry_type = 'CHARGE' and not e.scheduled),
                       prev.scheme, prev.payment_day, prev.disabled_band_reduction, prev.discount, prev.exemption_class,
                       prev.premium_percent, prev.premium_reason
                from account a
                left join property p on p.authority_id = a.authority_id and p.id = a.property_id
                left join lateral (select b.scheme, b.payment_day, b.disabled_band_reduction, b.discount, b.exemption_class,
                                          b.premium_percent, b.premium_reason
                                   from bill b where b.authority_id = a.authority_id and b.account_id = a.id and b.financial_year < :year
                                   order by b.financial_year desc, b.id desc limit 1) prev on true
                """ + "where " + UNBILLED + """

                order by a.id
                for update of a""")
                .param("authority", authorityId).param("year", year.startYear()).param("yearStart", year.start()).param("yearEnd", year.end())
                .param("after", after).param("upTo", upTo)
                .query((rs, n) -> {
                    String band = rs.getString(6);
                    String scheme = rs.getString(10);
                    boolean carried = scheme != null;
                    return new Candidate(rs.getLong(1), new AccountReference(rs.getString(2)), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class), (Long) rs.getObject(5), (Integer) rs.getObject(7), band == null ? null : CouncilTaxBand.valueOf(band),
                            rs.getBoolean(8), rs.getBoolean(9),
                            "BUSINESS_RATES".equals(scheme) ? null : scheme, carried ? rs.getInt(11) : 1,
                            // a Council Tax Reduction award is made for a year, so it is not carried: the year's award is imported
                            carried ? new CouncilTaxCircumstances(rs.getBoolean(12), CouncilTaxCircumstances.Discount.valueOf(rs.getString(13)),
                                    rs.getString(14), rs.getInt(15), rs.getString(16), Money.ZERO) : CouncilTaxCircumstances.NONE);
                })
                .list();
    }

    private List<Long> reserveBillIds(int count) {
        return jdbc.sql("select nextval(pg_get_serial_sequence('bill', 'id')) from generate_series(1, ?)")
                .param(count).query(Long.class).list();
    }

    private void write(int authorityId, FinancialYear year, LocalDate issuedOn, String reason, List<Billed> billed) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String user = AccessAudit.currentUser();
        CopyRows bills = new CopyRows("bill", """
                authority_id, id, account_id, financial_year, issued_on, reason, total_pence, scheme, payment_day, created_at, created_by,
                disabled_band_reduction, discount, exemption_class, premium_percent, premium_reason, council_tax_reduction_pence,
                instalment_due_on, instalment_pence""");
        CopyRows lines = new CopyRows("bill_line", "authority_id, bill_id, line_no, kind, description, amount_pence");
        List<Ledger.AccountPosting> charges = new ArrayList<>();
        List<AccessAudit.Seen> seen = new ArrayList<>();
        for (Billed b : billed) {
            CouncilTaxCircumstances c = b.candidate().circumstances();
            Demand d = b.demand();
            bills.add(authorityId, b.billId(), b.candidate().accountId(), year.startYear(), issuedOn, reason, d.total().pence(),
                    d.plan().scheme(), d.plan().paymentDay(), now, user, c.disabledBandReduction(), c.discount().name(), c.exemptionClass(),
                    c.premiumPercent(), c.premiumReason(), c.councilTaxReduction().pence(), d.dueDates(), d.amounts());
            for (int i = 0; i < d.lines().size(); i++) {
                BillLine l = d.lines().get(i);
                lines.add(authorityId, b.billId(), i + 1, l.kind().name(), l.description(), l.amount().pence());
            }
            if (d.total().isPositive()) {
                charges.add(new Ledger.AccountPosting(b.candidate().accountId(), Bills.posting(b.candidate().reference(), year,
                        EntryType.CHARGE, d.total(), issuedOn, reason, b.billId(), d.instalments())));
            }
            seen.add(new AccessAudit.Seen(authorityId, AccessAudit.Subject.ACCOUNT, b.candidate().reference().value()));
        }
        bills.copyInto(dataSource);
        lines.copyInto(dataSource);
        ledger.copyAll(authorityId, charges);
        audit.recordAll(AccessAudit.Action.CHANGE, seen, reason + " issued");
    }
}
