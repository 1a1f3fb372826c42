package org.reclaim.worklists;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The worklists' public face: other modules raise tasks here; officers read the lists and their counts. */
@Service
public class Worklists {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Tasks tasks;
    private final WorklistReader reader;
    private final AccessAudit audit;

    Worklists(JdbcClient jdbc, Accounts accounts, Tasks tasks, WorklistReader reader, AccessAudit audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tasks = tasks;
        this.reader = reader;
        this.audit = audit;
    }

    /**
     * Raises a task on the account for an officer, once per {@code key}: the same key again returns the task already
     * raised and changes nothing, so a check that runs again (or a retried event) raises nothing twice. Use a key that
     * names what the task is about, e.g. {@code "arrangement-missed:<arrangementId>:<dueDate>"}. {@code kind} is a code in
     * capitals, e.g. {@code ARRANGEMENT_MISSED_PAYMENT}.
     */
    @Transactional
    public Task raise(long accountId, String kind, String reason, LocalDate dueOn, String key) {
        return raise(accountId, kind, reason, dueOn, key, false);
    }

    /** Raises a task, as {@link #raise}, that only a team leader takes and completes (a decision that is theirs, like a write-off). */
    @Transactional
    public Task raiseForTeamLeader(long accountId, String kind, String reason, LocalDate dueOn, String key) {
        return raise(accountId, kind, reason, dueOn, key, true);
    }

    private Task raise(long accountId, String kind, String reason, LocalDate dueOn, String key, boolean forTeamLeader) {
        // the billing authorities are few: joining them finds the account through its (authority_id, id) key
        String reference = jdbc.sql("select a.reference from billing_authority b join account a on a.authority_id = b.id where a.id = ?")
                .param(accountId).query(String.class).optional().orElseThrow(() -> NotFound.of("account with id", accountId));
        return tasks.raise(accounts.get(new AccountReference(reference)), kind, reason, dueOn, key, forTeamLeader).task();
    }

    /**
     * A page of the worklist, highest score first, as things stand now. {@code assignedTo}: null for everyone's items,
     * {@code "unassigned"} for items nobody has, or a username (only tasks are ever assigned).
     */
    public List<WorklistItem> items(Worklist worklist, BillingAuthority authority, @Nullable String assignedTo, int limit, int offset) {
        List<WorklistItem> items = reader.page(worklist, authority.id(), assignee(assignedTo), limit, offset).stream().map(Worklists::item).toList();
        audit.recordAll(AccessAudit.Action.READ, items.stream()
                .map(i -> new AccessAudit.Seen(authority.id(), AccessAudit.Subject.ACCOUNT, i.accountReference())).distinct().toList(),
                "worklist " + worklist);
        return items;
    }

    /** How many items each worklist of the authority has now. */
    public Map<Worklist, Long> counts(BillingAuthority authority) {
        Map<Worklist, Long> counts = new EnumMap<>(Worklist.class);
        for (Worklist w : Worklist.values()) {
            counts.put(w, reader.count(w, authority.id(), WorklistReader.Assignee.ANYONE));
        }
        return counts;
    }

    private static WorklistReader.Assignee assignee(@Nullable String assignedTo) {
        if (assignedTo == null) {
            return WorklistReader.Assignee.ANYONE;
        }
        return "unassigned".equals(assignedTo) ? new WorklistReader.Assignee(true, null) : new WorklistReader.Assignee(false, assignedTo);
    }

    private static WorklistItem item(WorklistReader.Row r) {
        WorklistScore.Points p = WorklistScore.of(r.parts());
        WorklistScore.Parts parts = r.parts();
        return new WorklistItem(r.itemId(), r.accountReference(), r.partyName(), r.stream(), r.financialYear(), r.suggestion(), r.rule(),
                r.reason(), r.dueOn(), r.state(), r.assignedTo(), p.total(),
                new WorklistItem.ScoreParts(parts.arrearsPence(), parts.arrearsAgeDays(), parts.projectedArrearsPence(), parts.vulnerable(),
                        parts.daysSinceLastContact(),
                        new WorklistItem.Points(p.arrearsPence(), p.arrearsAgeDays(), p.projectedArrearsPence(), p.vulnerable(),
                                p.daysSinceLastContact())));
    }

    /** How many items of the worklist are {@code username}'s now (only tasks are ever assigned). */
    public long count(Worklist worklist, BillingAuthority authority, String username) {
        return reader.count(worklist, authority.id(), assignee(username));
    }

    /** The signed-in officer takes an open task (see {@link Tasks#claim}). */
    public Task claim(long taskId) {
        return tasks.claim(taskId);
    }

    /** A team leader gives the task to an officer or team leader (see {@link Tasks#assign}). */
    public Task assign(long taskId, String username) {
        if (!AccessAudit.currentUserIsTeamLeader()) {
            throw new org.springframework.security.access.AccessDeniedException("only a team leader assigns tasks");
        }
        return tasks.assign(taskId, username);
    }

    /** The one who has the task, or a team leader, completes it with what was done (see {@link Tasks#complete}). */
    public Task complete(long taskId, String outcome) {
        return tasks.complete(taskId, outcome);
    }
}
