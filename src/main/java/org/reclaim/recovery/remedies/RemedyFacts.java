package org.reclaim.recovery.remedies;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.recovery.calculators.Benefit;
import org.reclaim.recovery.calculators.Claimant;
import org.reclaim.recovery.calculators.PayPeriod;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records and reads what the authority knows about a debtor for remedies: employer, DWP benefit, councillor. */
@Service
public class RemedyFacts {

    public enum Kind { EMPLOYER, BENEFIT, COUNCILLOR }

    /** One fact; the newest of a kind for a party is the one in force, unless it says the employment or benefit ended. */
    public record Fact(long id, long partyId, Kind kind, @Nullable String employerName, @Nullable String employerAddress,
                       @Nullable String payrollReference, @Nullable PayPeriod payPeriod, @Nullable Long netEarningsPence,
                       @Nullable Benefit benefit, @Nullable Claimant claimant, @Nullable String councilName, @Nullable Long allowancePence,
                       boolean ended, LocalDate recordedOn, String recordedBy) {

        @Nullable Money netEarnings() {
            return netEarningsPence == null ? null : Money.ofPence(netEarningsPence);
        }
    }

    /** What an officer records; which fields are needed depends on the kind. */
    public record NewFact(@Nullable Long partyId, @Nullable String kind, @Nullable String employerName, @Nullable String employerAddress,
                          @Nullable String payrollReference, @Nullable String payPeriod, @Nullable Long netEarningsPence,
                          @Nullable String benefit, @Nullable String claimant, @Nullable String councilName, @Nullable Long allowancePence,
                          @Nullable Boolean ended) {
    }

    /** The facts in force for a party, at most one of each kind. */
    public record Known(@Nullable Fact employer, @Nullable Fact benefit, @Nullable Fact councillor) {
    }

    private final JdbcClient jdbc;
    private final AccessAudit audit;
    private final Clock clock;

    RemedyFacts(JdbcClient jdbc, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Fact record(Account account, NewFact f) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        Long partyId = f.partyId();
        if (partyId == null) {
            if (account.liablePartyIds().size() == 1) {
                partyId = account.liablePartyIds().get(0);
            } else {
                errors.add(new InvalidInput.FieldError("partyId", "is required: the account has " + account.liablePartyIds().size()
                        + " liable parties " + account.liablePartyIds()));
            }
        } else if (!account.liablePartyIds().contains(partyId)) {
            errors.add(new InvalidInput.FieldError("partyId", "is not liable on account " + account.reference() + "; liable: " + account.liablePartyIds()));
        }
        Kind kind = null;
        if (f.kind() == null) {
            errors.add(new InvalidInput.FieldError("kind", "is required: EMPLOYER, BENEFIT or COUNCILLOR"));
        } else {
            try {
                kind = Kind.valueOf(f.kind());
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError("kind", "'" + f.kind() + "' is not one of EMPLOYER, BENEFIT, COUNCILLOR"));
            }
        }
        boolean ended = Boolean.TRUE.equals(f.ended());
        PayPeriod period = parse(PayPeriod.class, f.payPeriod(), "payPeriod", errors);
        Benefit benefit = parse(Benefit.class, f.benefit(), "benefit", errors);
        Claimant claimant = parse(Claimant.class, f.claimant(), "claimant", errors);
        if (kind == Kind.EMPLOYER && !ended) {
            required(f.employerName(), "employerName", "the employer's name", errors);
            if (period == null && f.payPeriod() == null) {
                errors.add(new InvalidInput.FieldError("payPeriod", "is required: WEEKLY, MONTHLY or DAILY (SI 1992/613 reg 38)"));
            }
            if (f.netEarningsPence() == null) {
                errors.add(new InvalidInput.FieldError("netEarningsPence", "is required: net earnings per pay period (SI 1992/613 reg 32(1))"));
            }
        }
        if (kind == Kind.BENEFIT && !ended) {
            if (benefit == null && f.benefit() == null) {
                errors.add(new InvalidInput.FieldError("benefit", "is required: UNIVERSAL_CREDIT or LEGACY_INCOME_RELATED"));
            }
            if (claimant == null && f.claimant() == null) {
                errors.add(new InvalidInput.FieldError("claimant", "is required: ANY, SINGLE_UNDER_25, SINGLE_25_OR_OVER, COUPLE_UNDER_25 or COUPLE_25_OR_OVER"));
            }
        }
        if (kind == Kind.COUNCILLOR && !ended) {
            required(f.councilName(), "councilName", "the council of which the debtor is a member", errors);
        }
        if (f.netEarningsPence() != null && f.netEarningsPence() < 0) {
            errors.add(new InvalidInput.FieldError("netEarningsPence", "cannot be negative"));
        }
        if (f.allowancePence() != null && f.allowancePence() < 0) {
            errors.add(new InvalidInput.FieldError("allowancePence", "cannot be negative"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        long id = jdbc.sql("""
                insert into remedy_fact (authority_id, party_id, kind, employer_name, employer_address, payroll_reference, pay_period,
                                         net_earnings_pence, benefit, claimant, council_name, allowance_pence, ended, recorded_on, recorded_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(account.authorityId(), partyId, kind.name(), trim(f.employerName()), trim(f.employerAddress()), trim(f.payrollReference()),
                        period == null ? null : period.name(), f.netEarningsPence(), benefit == null ? null : benefit.name(),
                        claimant == null ? null : claimant.name(), trim(f.councilName()), f.allowancePence(), ended, LocalDate.now(clock),
                        AccessAudit.currentUser(), OffsetDateTime.now(clock))
                .query(Long.class).single();
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.PARTY, partyId,
                "remedy fact " + kind + (ended ? " ended" : " recorded") + " via account " + account.reference());
        return jdbc.sql(SELECT + " where authority_id = ? and id = ?").params(account.authorityId(), id).query(RemedyFacts::map).single();
    }

    /** The newest fact of each kind for the party, unless that fact says it ended. */
    public Known known(int authorityId, long partyId) {
        List<Fact> newest = jdbc.sql("select distinct on (kind) * from (" + SELECT + " where authority_id = ? and party_id = ?) f order by kind, id desc")
                .params(authorityId, partyId).query(RemedyFacts::map).list();
        Fact employer = null;
        Fact benefit = null;
        Fact councillor = null;
        for (Fact f : newest) {
            if (f.ended()) {
                continue;
            }
            switch (f.kind()) {
                case EMPLOYER -> employer = f;
                case BENEFIT -> benefit = f;
                case COUNCILLOR -> councillor = f;
            }
        }
        return new Known(employer, benefit, councillor);
    }

    public List<Fact> history(int authorityId, List<Long> partyIds) {
        return jdbc.sql(SELECT + " where authority_id = ? and party_id = any(?) order by id desc")
                .params(authorityId, partyIds.toArray(Long[]::new)).query(RemedyFacts::map).list();
    }

    private static final String SELECT = """
            select id, party_id, kind, employer_name, employer_address, payroll_reference, pay_period, net_earnings_pence, benefit, claimant,
                   council_name, allowance_pence, ended, recorded_on, recorded_by from remedy_fact""";

    private static Fact map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String period = rs.getString("pay_period");
        String benefit = rs.getString("benefit");
        String claimant = rs.getString("claimant");
        return new Fact(rs.getLong("id"), rs.getLong("party_id"), Kind.valueOf(rs.getString("kind")), rs.getString("employer_name"),
                rs.getString("employer_address"), rs.getString("payroll_reference"), period == null ? null : PayPeriod.valueOf(period),
                (Long) rs.getObject("net_earnings_pence"), benefit == null ? null : Benefit.valueOf(benefit),
                claimant == null ? null : Claimant.valueOf(claimant), rs.getString("council_name"), (Long) rs.getObject("allowance_pence"),
                rs.getBoolean("ended"), rs.getObject("recorded_on", LocalDate.class), rs.getString("recorded_by"));
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String text, String field, List<InvalidInput.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInput.FieldError(field, "'" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static void required(@Nullable String value, String field, String what, List<InvalidInput.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new InvalidInput.FieldError(field, "is required: " + what));
        }
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
