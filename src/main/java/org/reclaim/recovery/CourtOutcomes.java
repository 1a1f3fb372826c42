package org.reclaim.recovery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a hearing's outcomes in bulk. Each line is applied whole in its own transaction (the outcome, the action it
 * issues, the costs it adds or withdraws and the letter it asks for) or not at all; a bad line is reported with its
 * index and reason and does not stop the good ones. Every outcome exists once per listed case, so sending the same
 * outcomes again changes nothing and says so: after fixing the bad lines, the whole sheet can be sent again.
 */
@Service
public class CourtOutcomes {

    public enum Outcome { LIABILITY_ORDER_GRANTED, WITHDRAWN, ADJOURNED, PAID_BEFORE_HEARING }

    /** For a withdrawn summons: take the summons costs back (the default) or let them stand (e.g. an arrangement that includes them). */
    public enum WithdrawnCosts { WITHDRAW, STAND }

    /** One line of the court's result sheet. */
    public record Line(@Nullable String accountReference, @Nullable Integer financialYear, @Nullable String outcome,
                       @Nullable LocalDate adjournedTo, @Nullable String costs) {
    }

    public enum Status { APPLIED, UNCHANGED, REFUSED }

    public record LineResult(String line, @Nullable String accountReference, @Nullable Integer financialYear, @Nullable String outcome,
                             Status status, String detail, long costsPence) {
    }

    public record Result(long hearingId, int applied, int unchanged, int refused, List<LineResult> lines) {
    }

    private record Listed(Account account, int year, long summonsActionId, @Nullable String outcome, @Nullable Long adjournedTo) {
    }

    /** A line refused: nothing of it is written. */
    private static final class Refusal extends RuntimeException {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    private final JdbcClient jdbc;
    private final Hearings hearings;
    private final Accounts accounts;
    private final RecoveryPaths paths;
    private final Issuing issuing;
    private final AccessAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CourtOutcomes(JdbcClient jdbc, Hearings hearings, Accounts accounts, RecoveryPaths paths, Issuing issuing, AccessAudit audit,
                  TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.hearings = hearings;
        this.accounts = accounts;
        this.paths = paths;
        this.issuing = issuing;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The same outcome for every case listed at the hearing without one yet, except those named. */
    public Result recordAll(long hearingId, String outcome, List<Line> except) {
        Hearings.Hearing hearing = hearings.get(hearingId);
        int authorityId = hearings.authorityOf(hearingId);
        List<LineResult> results = new ArrayList<>();
        Set<String> excluded = new java.util.HashSet<>();
        for (int i = 0; i < except.size(); i++) {
            Line e = except.get(i);
            Optional<Listed> listed = e.accountReference() == null ? Optional.empty()
                    : listings(authorityId, hearingId, e.accountReference()).stream()
                            .filter(l -> e.financialYear() == null || l.year() == e.financialYear()).findFirst();
            if (listed.isEmpty()) {
                results.add(new LineResult("except[" + i + "]", e.accountReference(), e.financialYear(), null, Status.REFUSED,
                        "not summoned to this hearing: " + e.accountReference(), 0));
            } else {
                excluded.add(e.accountReference() + "/" + (e.financialYear() == null ? "*" : e.financialYear()));
            }
        }
        List<Line> lines = jdbc.sql("""
                select a.reference, l.financial_year from court_listing l join account a on a.authority_id = l.authority_id and a.id = l.account_id
                where l.authority_id = ? and l.hearing_id = ?
                  and not exists (select 1 from court_outcome o where o.authority_id = l.authority_id and o.hearing_id = l.hearing_id
                                  and o.account_id = l.account_id and o.financial_year = l.financial_year)
                order by a.reference, l.financial_year""")
                .params(authorityId, hearingId)
                .query((rs, n) -> new Line(rs.getString(1), rs.getInt(2), outcome, null, null)).list().stream()
                .filter(l -> !excluded.contains(l.accountReference() + "/*") && !excluded.contains(l.accountReference() + "/" + l.financialYear()))
                .toList();
        for (int i = 0; i < lines.size(); i++) {
            results.add(apply(hearing, authorityId, "all[" + i + "]", lines.get(i)));
        }
        return result(hearingId, results);
    }

    public Result record(long hearingId, List<Line> lines) {
        Hearings.Hearing hearing = hearings.get(hearingId);
        int authorityId = hearings.authorityOf(hearingId);
        if (lines.isEmpty()) {
            throw InvalidInput.of("lines", "give the outcomes, or all with the outcome for every case listed");
        }
        List<LineResult> results = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            results.add(apply(hearing, authorityId, "lines[" + i + "]", lines.get(i)));
        }
        return result(hearingId, results);
    }

    private static Result result(long hearingId, List<LineResult> results) {
        return new Result(hearingId, count(results, Status.APPLIED), count(results, Status.UNCHANGED), count(results, Status.REFUSED), results);
    }

    private static int count(List<LineResult> results, Status status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }

    private LineResult apply(Hearings.Hearing hearing, int authorityId, String index, Line line) {
        try {
            return transactions.execute(tx -> applyWhole(hearing, authorityId, index, line));
        } catch (Refusal r) {
            return new LineResult(index, line.accountReference(), line.financialYear(), line.outcome(), Status.REFUSED, r.getMessage(), 0);
        }
    }

    private LineResult applyWhole(Hearings.Hearing hearing, int authorityId, String index, Line line) {
        if (line.accountReference() == null || line.accountReference().isBlank()) {
            throw new Refusal("accountReference is required");
        }
        if (line.financialYear() == null) {
            throw new Refusal("financialYear is required: the year the summons was for, e.g. 2026 for 2026/27");
        }
        Outcome outcome = parseOutcome(line.outcome());
        try {
            AccountReference.fromRequest(line.accountReference());
        } catch (InvalidInput e) {
            throw new Refusal("unknown account: " + e.errors().get(0).message());
        }
        List<Listed> all = listings(authorityId, hearing.id(), line.accountReference());
        if (all.isEmpty() && accounts.find(new AccountReference(line.accountReference().strip())).filter(a -> a.authorityId() == authorityId).isEmpty()) {
            throw new Refusal("unknown account " + line.accountReference() + " at " + hearing.authority());
        }
        Listed listed = all.stream().filter(l -> l.year() == line.financialYear()).findFirst()
                .orElseThrow(() -> new Refusal(line.accountReference() + " was not summoned to this hearing for " + line.financialYear()));
        if (outcome == Outcome.ADJOURNED && line.adjournedTo() == null) {
            throw new Refusal("adjournedTo is required for ADJOURNED: the date of the hearing the case is adjourned to");
        }
        Account account = listed.account();
        accounts.lock(account);
        // read again under the account's lock: a concurrent request may have recorded it
        Listed now = listings(authorityId, hearing.id(), line.accountReference()).stream().filter(l -> l.year() == listed.year()).findFirst()
                .orElseThrow();
        if (now.outcome() != null) {
            return unchanged(hearing, authorityId, index, line, outcome, now);
        }
        RecoveryPath path = paths.current(authorityId, account.stream());
        long owed = owed(account, listed.year());
        String yearText = listed.year() + "/" + String.format(java.util.Locale.ROOT, "%02d", (listed.year() + 1) % 100);
        boolean rates = account.stream() == RevenueStream.BUSINESS_RATES;
        String regs = rates ? "SI 1989/1058 reg 12" : "SI 1992/613";
        Long actionId = null;
        Long adjournedTo = null;
        long costs = 0;
        String rule;
        switch (outcome) {
            case LIABILITY_ORDER_GRANTED -> {
                if (owed <= 0) {
                    throw new Refusal("owes nothing for " + yearText + ": the court may make a liability order only for a sum payable and not paid, "
                            + "and for the amount outstanding (" + regs + (rates ? "" : " reg 34(6), (7)") + "); record PAID_BEFORE_HEARING or WITHDRAWN");
                }
                RecoveryPath.Stage lo = path.stage(StageCode.LIABILITY_ORDER).orElseThrow();
                Optional<String> breathingSpace = breathingSpaceOn(account, hearing.hearingOn()).or(() -> breathingSpaceOn(account, LocalDate.now(clock)));
                Money loCosts = breathingSpace.isPresent() ? Money.ZERO : lo.costsOrZero();
                rule = (rates ? "SI 1989/1058 reg 12" : "SI 1992/613 reg 34(6), (7)") + ": liability order granted at " + hearing.court() + " on "
                        + hearing.hearingOn() + " for " + Money.ofPence(owed) + " outstanding"
                        + breathingSpace.map(b -> "; no costs added: " + b + " in force (SI 2020/1311 reg 7)").orElse("");
                Issuing.ToIssue order = new Issuing.ToIssue(account.id(), account.reference(), listed.year(), StageCode.LIABILITY_ORDER.name(),
                        hearing.hearingOn(), rule, null, null, Money.ofPence(owed), loCosts, hearing.hearingOn(), lo.document());
                if (issuing.issue(authorityId, List.of(order)).isEmpty()) {
                    throw new Refusal("a liability order for " + yearText + " is already recorded on this account");
                }
                actionId = actionId(account, listed.year(), StageCode.LIABILITY_ORDER.name());
                costs = loCosts.pence();
            }
            case PAID_BEFORE_HEARING -> {
                long summonsCosts = summonsCostsStanding(account, listed.year());
                if (owed > summonsCosts) {
                    throw new Refusal("still owes " + Money.ofPence(owed) + " for " + yearText + ", more than the summons costs: it was not paid before "
                            + "the hearing (" + (rates ? "SI 1989/1058 reg 12" : "SI 1992/613 reg 34(5)") + "); record the court's outcome");
                }
                boolean withdraw = path.costsIfPaidBeforeHearing() == RecoveryPath.CostsPolicy.WITHDRAW;
                rule = (rates ? "SI 1989/1058 reg 12" : "SI 1992/613 reg 34(5)") + ": the sum was paid before the hearing; the application is "
                        + "not proceeded with; summons costs " + (withdraw ? "withdrawn by the authority's policy" : "stand by the authority's policy");
                if (withdraw) {
                    actionId = withdrawCosts(account, path, listed.year(), hearing, summonsCosts, rule);
                    costs = actionId == null ? 0 : -summonsCosts;
                }
            }
            case WITHDRAWN -> {
                WithdrawnCosts choice = parseCosts(line.costs());
                long summonsCosts = summonsCostsStanding(account, listed.year());
                rule = "complaint withdrawn by the authority; summons costs " + (choice == WithdrawnCosts.WITHDRAW
                        ? "withdrawn: without an order they are not costs reasonably incurred in obtaining one (" + regs + (rates ? "" : " reg 34(7)") + ")"
                        : "stand, as the officer recorded");
                if (choice == WithdrawnCosts.WITHDRAW) {
                    actionId = withdrawCosts(account, path, listed.year(), hearing, summonsCosts, rule);
                    costs = actionId == null ? 0 : -summonsCosts;
                }
            }
            case ADJOURNED -> {
                Hearings.Hearing next = hearings.at(authorityId, hearing.court(), line.adjournedTo())
                        .orElseThrow(() -> new Refusal("there is no hearing at " + hearing.court() + " on " + line.adjournedTo() + ": create it first"));
                if (!next.hearingOn().isAfter(hearing.hearingOn())) {
                    throw new Refusal("adjournedTo " + line.adjournedTo() + " must be after this hearing (" + hearing.hearingOn() + ")");
                }
                jdbc.sql("select 1 from court_hearing where authority_id = ? and id = ? for update").params(authorityId, next.id()).query(Integer.class).single();
                int listedThere = jdbc.sql("select count(*) from court_listing where authority_id = ? and hearing_id = ?")
                        .params(authorityId, next.id()).query(Integer.class).single();
                if (listedThere >= next.capacity()) {
                    throw new Refusal("the hearing on " + next.hearingOn() + " is full (" + next.capacity() + " cases): adjourn to another");
                }
                int inserted = jdbc.sql("""
                        insert into court_listing (authority_id, hearing_id, account_id, financial_year, summons_action_id, adjourned_from_hearing_id,
                                                   listed_at, listed_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(authorityId, next.id(), account.id(), listed.year(), listed.summonsActionId(), hearing.id(), OffsetDateTime.now(clock),
                                AccessAudit.currentUser())
                        .update();
                if (inserted == 0) {
                    throw new Refusal("already listed for the hearing on " + next.hearingOn());
                }
                adjournedTo = next.id();
                rule = "adjourned by the court to " + next.hearingOn() + " at " + next.court();
            }
            default -> throw new IllegalStateException(outcome.name());
        }
        jdbc.sql("""
                insert into court_outcome (authority_id, hearing_id, account_id, financial_year, outcome, adjourned_to_hearing_id, owed_pence,
                                           costs_pence, action_id, rule, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(authorityId, hearing.id(), account.id(), listed.year(), outcome.name(), adjournedTo, owed, costs, actionId, rule,
                        OffsetDateTime.now(clock), AccessAudit.currentUser())
                .update();
        audit.record(authorityId, AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                "hearing " + hearing.id() + " outcome " + outcome + " recorded for " + yearText);
        return new LineResult(index, account.reference().value(), listed.year(), outcome.name(), Status.APPLIED, rule, costs);
    }

    private LineResult unchanged(Hearings.Hearing hearing, int authorityId, String index, Line line, Outcome outcome, Listed now) {
        boolean same = outcome.name().equals(now.outcome())
                && (outcome != Outcome.ADJOURNED || hearings.get(now.adjournedTo()).hearingOn().equals(line.adjournedTo()));
        if (!same) {
            throw new Refusal("the outcome " + now.outcome() + " is already recorded for this case at the hearing of " + hearing.hearingOn()
                    + "; it is not changed by a later line (a correction is its own action)");
        }
        return new LineResult(index, now.account().reference().value(), now.year(), outcome.name(), Status.UNCHANGED,
                "already recorded: nothing done", 0);
    }

    private static Outcome parseOutcome(@Nullable String text) {
        try {
            return Outcome.valueOf(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal("unknown outcome '" + text + "': one of LIABILITY_ORDER_GRANTED, WITHDRAWN, ADJOURNED, PAID_BEFORE_HEARING");
        }
    }

    private static WithdrawnCosts parseCosts(@Nullable String text) {
        if (text == null) {
            return WithdrawnCosts.WITHDRAW;
        }
        try {
            return WithdrawnCosts.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal("unknown costs '" + text + "': WITHDRAW (the default) or STAND");
        }
    }

    private List<Listed> listings(int authorityId, long hearingId, String reference) {
        return jdbc.sql("""
                select a.id, l.financial_year, l.summons_action_id, o.outcome, o.adjourned_to_hearing_id
                from court_listing l join account a on a.authority_id = l.authority_id and a.id = l.account_id
                left join court_outcome o on o.authority_id = l.authority_id and o.hearing_id = l.hearing_id and o.account_id = l.account_id
                                          and o.financial_year = l.financial_year
                where l.authority_id = ? and l.hearing_id = ? and a.reference = ?""")
                .params(authorityId, hearingId, reference.strip())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getObject(5)})
                .list().stream()
                .map(r -> new Listed(accounts.get(new AccountReference(reference.strip())), (Integer) r[1], (Long) r[2], (String) r[3],
                        r[4] == null ? null : ((Number) r[4]).longValue()))
                .toList();
    }

    /** What the account's year owes now: arrears and costs (the sum of its ledger entries). */
    private long owed(Account account, int year) {
        return jdbc.sql("select coalesce(sum(amount_pence), 0) from ledger_entry where authority_id = ? and account_id = ? and financial_year = ?")
                .params(account.authorityId(), account.id(), year).query(Long.class).single();
    }

    /** The summons costs on the year not yet taken back. */
    private long summonsCostsStanding(Account account, int year) {
        return jdbc.sql("""
                select coalesce(sum(e.amount_pence), 0) from recovery_action s
                join ledger_entry e on e.authority_id = s.authority_id and e.idempotency_key = 'recovery-costs:' || s.id
                where s.authority_id = ? and s.account_id = ? and s.financial_year = ? and s.code = 'SUMMONS'""")
                .params(account.authorityId(), account.id(), year).query(Long.class).single()
                + jdbc.sql("""
                select coalesce(sum(e.amount_pence), 0) from recovery_action w
                join ledger_entry e on e.authority_id = w.authority_id and e.idempotency_key = 'recovery-costs:' || w.id
                where w.authority_id = ? and w.account_id = ? and w.financial_year = ? and w.code = 'COSTS_WITHDRAWN'""")
                .params(account.authorityId(), account.id(), year).query(Long.class).single();
    }

    /** Takes the summons costs back with a COSTS_WITHDRAWN action and its correcting entry; null if there is nothing to take back. */
    private @Nullable Long withdrawCosts(Account account, RecoveryPath path, int year, Hearings.Hearing hearing, long summonsCosts, String rule) {
        if (summonsCosts <= 0) {
            return null;
        }
        Issuing.ToIssue withdrawal = RecoveryRunChunk.toIssue(account.id(), account.reference(), year, NextStep.COSTS_WITHDRAWN, rule,
                Money.ofPence(summonsCosts), Money.ZERO, path, hearing.hearingOn().isAfter(LocalDate.now(clock)) ? LocalDate.now(clock)
                        : hearing.hearingOn(), null, null);
        if (issuing.issue(account.authorityId(), List.of(withdrawal)).isEmpty()) {
            return null;   // already withdrawn (by the run's policy step)
        }
        return actionId(account, year, NextStep.COSTS_WITHDRAWN);
    }

    private long actionId(Account account, int year, String code) {
        return jdbc.sql("select id from recovery_action where authority_id = ? and account_id = ? and financial_year = ? and code = ?")
                .params(account.authorityId(), account.id(), year, code).query(Long.class).single();
    }

    /** The breathing space in force on the day, if any: no fees or charges may be added (SI 2020/1311 reg 7). */
    private Optional<String> breathingSpaceOn(Account account, LocalDate date) {
        return jdbc.sql("select " + SqlWords.words("h.hold_type") + " || ' from ' || " + SqlWords.day("h.starts_on") + """
                 from recovery_hold h
                where h.authority_id = ? and h.account_id = ? and h.hold_type like 'BREATHING_SPACE%' and h.starts_on <= ?
                  and (h.ends_on is null or h.ends_on >= ?) and (h.ended_on is null or h.ended_on > ?)
                order by h.id limit 1""")
                .params(account.authorityId(), account.id(), date, date, date).query(String.class).optional();
    }
}
