package org.reclaim.recovery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of a run's proposed lines: an officer releases, holds or overrides them, one by one or all at once.
 * A line whose stage needs authorisation (a summons, by default) is released only by a team leader.
 */
@Service
public class RunLines {

    public record Line(long id, String account, int financialYear, String stream, String stage, LocalDate dueOn, String rule,
                       long amountPence, long costsPence, boolean needsAuthorisation, String state, @Nullable String holdType,
                       @Nullable String note, @Nullable String decidedBy) {
    }

    /** What a review did: lines acted on, and those left with the reason. */
    public record Outcome(int done, List<Skipped> skipped) {
    }

    public record Skipped(long lineId, String reason) {
    }

    private record Proposed(long id, long accountId, AccountReference reference, int year, RevenueStream stream, String stage,
                            LocalDate dueOn, String rule, Money amount, Money costs, boolean needsAuthorisation, boolean held, Money balance) {
    }

    private final JdbcClient jdbc;
    private final RecoveryRuns runs;
    private final RecoveryPaths paths;
    private final Issuing issuing;
    private final AccessAudit audit;
    private final Clock clock;

    RunLines(JdbcClient jdbc, RecoveryRuns runs, RecoveryPaths paths, Issuing issuing, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.paths = paths;
        this.issuing = issuing;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Line> lines(long runId, @Nullable String state, int limit, int offset) {
        int authorityId = runs.authorityOf(runId);
        List<Line> lines = jdbc.sql("""
                select l.id, a.reference, l.financial_year, l.stream, l.stage_code, l.due_on, l.rule, l.amount_pence, l.costs_pence,
                       l.needs_authorisation, l.state, l.hold_type, l.note, l.decided_by
                from recovery_line l join account a on a.authority_id = l.authority_id and a.id = l.account_id
                where l.authority_id = ? and l.run_id = ? and (cast(? as text) is null or l.state = ?)
                order by l.id limit ? offset ?""")
                .params(authorityId, runId, state, state, limit, offset)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getBoolean(10), rs.getString(11),
                        rs.getString(12), rs.getString(13), rs.getString(14)))
                .list();
        audit.recordAll(AccessAudit.Action.READ, lines.stream()
                .map(l -> new AccessAudit.Seen(authorityId, AccessAudit.Subject.ACCOUNT, l.account())).toList(), "lines of recovery run " + runId);
        return lines;
    }

    /** Issues the proposed lines (all the run's proposed lines when {@code lineIds} is null). */
    @Transactional
    public Outcome release(long runId, @Nullable List<Long> lineIds) {
        return act(runId, lineIds, null, false, null, "ISSUED");
    }

    /** Issues the lines as the officer decides instead: an earlier stage, or without costs, with the reason. */
    @Transactional
    public Outcome override(long runId, @Nullable List<Long> lineIds, @Nullable StageCode stage, boolean waiveCosts, String reason) {
        if (reason.isBlank()) {
            throw InvalidInput.of("reason", "is required: say why the proposal is overridden");
        }
        if (stage == null && !waiveCosts) {
            throw InvalidInput.of("stage", "give the stage to issue instead, or waiveCosts: true");
        }
        return act(runId, lineIds, stage, waiveCosts, reason, "OVERRIDDEN");
    }

    /** Keeps the lines back: nothing is issued for them in this run. */
    @Transactional
    public Outcome hold(long runId, @Nullable List<Long> lineIds, String reason) {
        if (reason.isBlank()) {
            throw InvalidInput.of("reason", "is required: say why the line is held");
        }
        int authorityId = runs.authorityOf(runId);
        List<Proposed> lines = proposed(authorityId, runId, lineIds);
        List<Skipped> skipped = missing(lineIds, lines);
        jdbc.sql("update recovery_line set state = 'HELD', note = ?, decided_at = ?, decided_by = ? where authority_id = ? and id = any(?)")
                .params(reason, OffsetDateTime.now(clock), AccessAudit.currentUser(), authorityId, lines.stream().map(Proposed::id).toArray(Long[]::new))
                .update();
        return new Outcome(lines.size(), skipped);
    }

    private Outcome act(long runId, @Nullable List<Long> lineIds, @Nullable StageCode instead, boolean waiveCosts, @Nullable String reason,
                        String state) {
        int authorityId = runs.authorityOf(runId);
        List<Proposed> lines = proposed(authorityId, runId, lineIds);
        List<Skipped> skipped = missing(lineIds, lines);
        boolean teamLeader = AccessAudit.currentUserIsTeamLeader();
        List<Issuing.ToIssue> toIssue = new ArrayList<>();
        List<Proposed> acted = new ArrayList<>();
        for (Proposed p : lines) {
            if (p.needsAuthorisation() && !teamLeader) {
                skipped.add(new Skipped(p.id(), p.stage() + " needs a team leader's authorisation"));
                continue;
            }
            if (p.held()) {
                skipped.add(new Skipped(p.id(), "a hold is now in force on the account: nothing is issued"));
                continue;
            }
            if (!p.balance().isPositive()) {
                skipped.add(new Skipped(p.id(), "nothing is owed for the year any more"));
                continue;
            }
            RecoveryPath path = paths.current(authorityId, p.stream());
            String code = p.stage();
            String rule = p.rule();
            if (instead != null) {
                if (p.stage().equals(NextStep.COSTS_WITHDRAWN) || instead.ordinal() > StageCode.valueOf(p.stage()).ordinal()) {
                    throw InvalidInput.of("stage", "an override may issue the proposed stage or an earlier one, not " + instead
                            + " for a proposed " + p.stage());
                }
                code = instead.name();
            }
            Money costs = waiveCosts || instead != null && !code.equals(p.stage())
                    ? (waiveCosts ? Money.ZERO : path.stage(instead).map(RecoveryPath.Stage::costsOrZero).orElse(Money.ZERO))
                    : p.costs();
            if (reason != null) {
                rule = "officer's override: " + reason + " (proposed " + p.stage() + ": " + p.rule() + ")";
            }
            toIssue.add(RecoveryRunChunk.toIssue(p.accountId(), p.reference(), p.year(), code, rule, p.amount(), costs, path, p.dueOn(), runId, p.id()));
            acted.add(p);
        }
        java.util.Set<String> issued = issuing.issue(authorityId, toIssue);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < acted.size(); i++) {
            boolean done = issued.contains(toIssue.get(i).key());
            jdbc.sql("update recovery_line set state = ?, note = ?, decided_at = ?, decided_by = ? where authority_id = ? and id = ?")
                    .params(done ? state : "SUPERSEDED", done ? reason : "already issued", now, AccessAudit.currentUser(), authorityId, acted.get(i).id())
                    .update();
            if (!done) {
                skipped.add(new Skipped(acted.get(i).id(), "already issued"));
            }
        }
        return new Outcome(issued.size(), skipped);
    }

    private static List<Skipped> missing(@Nullable List<Long> lineIds, List<Proposed> found) {
        List<Skipped> skipped = new ArrayList<>();
        if (lineIds != null) {
            for (Long id : lineIds) {
                if (found.stream().noneMatch(p -> p.id() == id)) {
                    skipped.add(new Skipped(id, "not a proposed line of this run"));
                }
            }
        }
        return skipped;
    }

    /** The proposed lines, locked, with whether a hold is now in force and what the year owes now. */
    private List<Proposed> proposed(int authorityId, long runId, @Nullable List<Long> lineIds) {
        return jdbc.sql("""
                select l.id, l.account_id, a.reference, l.financial_year, l.stream, l.stage_code, l.due_on, l.rule, l.amount_pence, l.costs_pence,
                       l.needs_authorisation,
                       -- a hold in force on any day from the run's date to the release (a breathing space that began
                       -- after the run still stops it: SI 2020/1311 reg 7)
                       exists (select 1 from recovery_hold x where x.authority_id = l.authority_id and x.account_id = l.account_id
                                 and x.starts_on <= greatest(l.due_on, cast(? as date)) and (x.ends_on is null or x.ends_on >= l.due_on)
                                 and (x.ended_on is null or x.ended_on > l.due_on)),
                       (select coalesce(sum(e.amount_pence), 0) from ledger_entry e where e.authority_id = l.authority_id
                          and e.account_id = l.account_id and e.financial_year = l.financial_year)
                from recovery_line l join account a on a.authority_id = l.authority_id and a.id = l.account_id
                where l.authority_id = ? and l.run_id = ? and l.state = 'PROPOSED' and (cast(? as bigint[]) is null or l.id = any(?))
                order by l.id
                for update of l""")
                .params(LocalDate.now(clock), authorityId, runId, lineIds == null ? null : lineIds.toArray(Long[]::new),
                        lineIds == null ? null : lineIds.toArray(Long[]::new))
                .query((rs, n) -> new Proposed(rs.getLong(1), rs.getLong(2), new AccountReference(rs.getString(3)), rs.getInt(4),
                        RevenueStream.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8),
                        Money.ofPence(rs.getLong(9)), Money.ofPence(rs.getLong(10)), rs.getBoolean(11), rs.getBoolean(12), Money.ofPence(rs.getLong(13))))
                .list();
    }
}
