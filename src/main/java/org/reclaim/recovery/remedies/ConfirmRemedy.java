package org.reclaim.recovery.remedies;

import java.time.OffsetDateTime;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An officer confirms a remedy the engine allows for an account-year: it is recorded once on the recovery timeline (a
 * {@code recovery_action} row, unique per account, year and remedy) with its particulars ({@code remedy_order}).
 * A team leader confirms the remedies that go to court or to prison, and an enforcement agent referral of a debtor
 * flagged vulnerable, with a note of the review.
 */
@Service
public class ConfirmRemedy {

    public record Request(@Nullable Integer financialYear, @Nullable String remedy, @Nullable String agent, @Nullable String reviewNote) {
    }

    public record Confirmed(long actionId, String account, int financialYear, RemedyKind remedy, LocalDate madeOn, long amountPence, String rule,
                     @Nullable String employer, @Nullable String payrollReference, @Nullable String payPeriod, @Nullable Long deductionPence,
                     @Nullable Integer orderNumber, @Nullable String agent, @Nullable Long complianceFeePence, String confirmedBy) {
    }

    /** A remedy that only a team leader may confirm, asked for by someone else. */
    public static final class NeedsTeamLeader extends RuntimeException {
        NeedsTeamLeader(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final RemedyOptions options;
    private final AccessAudit audit;
    private final Clock clock;

    ConfirmRemedy(JdbcClient jdbc, Accounts accounts, RemedyOptions options, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.options = options;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Confirmed confirm(Account account, Request request) {
        if (request.financialYear() == null) {
            throw InvalidInput.of("financialYear", "is required: the year of the liability order, e.g. 2026 for 2026/27");
        }
        if (request.remedy() == null || request.remedy().isBlank()) {
            throw InvalidInput.of("remedy", "is required: one of " + java.util.Arrays.toString(RemedyKind.values()));
        }
        RemedyKind remedy = RemedyKind.fromRequest(request.remedy(), "remedy");
        int year = request.financialYear();
        accounts.lock(account);
        LocalDate on = LocalDate.now(clock);
        RemedyOptions.Assessed assessed = options.assess(account, year, on);
        RemedyOptions.Context c = assessed.context();
        if (c.liabilityOrderOn() == null) {
            throw InvalidInput.of("financialYear", remedy.words() + " on a debt without a liability order is refused: account " + account.reference()
                    + " has no liability order for " + year);
        }
        RemedyLadder.Option option = assessed.remedies().option(remedy);
        if (option == null) {
            throw InvalidInput.of("remedy", remedy.words() + " is refused: " + assessed.remedies().why());
        }
        if (!option.available()) {
            if (option.rule().startsWith("already confirmed")) {
                throw Conflict.because(remedy.words() + " is " + option.rule());
            }
            throw InvalidInput.of("remedy", remedy.words() + " is refused: " + option.rule());
        }
        boolean teamLeader = AccessAudit.currentUserIsTeamLeader();
        if ((remedy.teamLeaderOnly() || option.needsTeamLeader()) && !teamLeader) {
            throw new NeedsTeamLeader(remedy.words() + " needs a team leader: " + option.rule());
        }
        String reviewNote = request.reviewNote() == null || request.reviewNote().isBlank() ? null : request.reviewNote().trim();
        if (remedy == RemedyKind.ENFORCEMENT_AGENT && c.vulnerable() && reviewNote == null) {
            throw InvalidInput.of("reviewNote", "is required: record the team leader's review of the vulnerable debtor before referral "
                    + "(Taking Control of Goods National Standards paras 70-76)");
        }
        String agent = request.agent() == null || request.agent().isBlank() ? null : request.agent().trim();
        if (remedy == RemedyKind.ENFORCEMENT_AGENT && agent == null) {
            throw InvalidInput.of("agent", "is required: the authority's enforcement agent the case is referred to");
        }
        long partyId = switch (remedy) {
            case ATTACHMENT_OF_EARNINGS -> c.employerPartyId();
            case ATTACHMENT_OF_BENEFIT -> c.benefitPartyId();
            case ATTACHMENT_OF_ALLOWANCES -> c.councillorPartyId();
            default -> c.debtor().id();
        };
        if (remedy == RemedyKind.ATTACHMENT_OF_EARNINGS) {
            // two confirmations for one debtor at once must not both see one order in force and make a third (reg 37(4))
            jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, ?)) x").params(account.authorityId(), (int) (partyId ^ (partyId >>> 32)))
                    .query(Integer.class).single();
            RemedyOptions.Assessed again = options.assess(account, year, on);
            RemedyLadder.Option recheck = again.remedies().option(remedy);
            if (recheck == null || !recheck.available()) {
                throw InvalidInput.of("remedy", remedy.words() + " is refused: " + (recheck == null ? again.remedies().why() : recheck.rule()));
            }
            option = recheck;
            c = again.context();
        }
        String rule = option.rule() + (reviewNote == null ? "" : "; team leader's review: " + reviewNote);
        Long actionId = jdbc.sql("""
                insert into recovery_action (authority_id, account_id, financial_year, code, issued_on, rule, amount_pence, costs_pence, issued_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                on conflict (authority_id, account_id, financial_year, code) do nothing returning id""")
                .params(account.authorityId(), account.id(), year, remedy.name(), on, rule, c.owed().pence(), AccessAudit.currentUser(),
                        OffsetDateTime.now(clock))
                .query(Long.class).optional().orElse(null);
        if (actionId == null) {
            throw Conflict.because(remedy.words() + " for " + year + " is already recorded on account " + account.reference());
        }
        RemedyFacts.Fact employer = remedy == RemedyKind.ATTACHMENT_OF_EARNINGS ? c.employer() : null;
        Integer orderNumber = employer == null ? null : c.liveEarningsOrders() + 1;
        Long compliance = remedy == RemedyKind.ENFORCEMENT_AGENT ? c.complianceFee().pence() : null;
        jdbc.sql("""
                insert into remedy_order (authority_id, action_id, account_id, financial_year, remedy, party_id, made_on, amount_pence, fact_id,
                                          employer_name, payroll_reference, pay_period, net_earnings_pence, deduction_pence, order_number, agent,
                                          liability_order_on, compliance_fee_pence, review_note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(account.authorityId(), actionId, account.id(), year, remedy.name(), partyId, on, c.owed().pence(),
                        factId(remedy, c), employer == null ? null : employer.employerName(), employer == null ? null : employer.payrollReference(),
                        option.period() == null ? null : option.period().name(), employer == null ? null : employer.netEarningsPence(),
                        option.deductionPence(), orderNumber, agent, c.liabilityOrderOn(), compliance, reviewNote)
                .update();
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                "remedy " + remedy + " confirmed for " + year);
        return new Confirmed(actionId, account.reference().value(), year, remedy, on, c.owed().pence(), rule,
                employer == null ? null : employer.employerName(), employer == null ? null : employer.payrollReference(),
                option.period() == null ? null : option.period().name(), option.deductionPence(), orderNumber, agent, compliance,
                AccessAudit.currentUser());
    }

    private static @Nullable Long factId(RemedyKind remedy, RemedyOptions.Context c) {
        RemedyFacts.Fact f = switch (remedy) {
            case ATTACHMENT_OF_EARNINGS -> c.employer();
            case ATTACHMENT_OF_BENEFIT -> c.benefit();
            case ATTACHMENT_OF_ALLOWANCES -> c.councillor();
            default -> null;
        };
        return f == null ? null : f.id();
    }

}
