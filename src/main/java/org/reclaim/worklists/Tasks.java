package org.reclaim.worklists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reclaim.accounts.Account;
import org.reclaim.security.Role;
import org.reclaim.security.StaffUsers;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises tasks (once per caller's key), and moves them on by named actions: a team leader assigns, an officer claims,
 * the one who has it (or a team leader) completes. Each action locks the task, so two officers cannot both take it.
 */
@Service
class Tasks {

    record Raised(Task task, boolean repeated) {
    }

    /** A task with the id of its authority, which leads its key. */
    private record Stored(int authorityId, Task task) {
    }

    private final JdbcClient jdbc;
    private final StaffUsers staff;
    private final AccessAudit audit;
    private final Clock clock;

    Tasks(JdbcClient jdbc, StaffUsers staff, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Raised raise(Account account, String kind, String reason, LocalDate dueOn, String key, boolean forTeamLeader) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (!kind.matches("[A-Z][A-Z0-9_]{1,49}")) {
            errors.add(new InvalidInput.FieldError("kind", "must be a code in capitals, e.g. ARRANGEMENT_MISSED_PAYMENT or CALL_BACK"));
        }
        if (reason.isBlank() || reason.length() > 1000) {
            errors.add(new InvalidInput.FieldError("reason", "is required: say what is to be done and why (up to 1000 characters)"));
        }
        if (key.isBlank() || key.length() > 200) {
            errors.add(new InvalidInput.FieldError("key", "must be 1 to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        Optional<Task> earlier = byKey(account.authorityId(), key);
        if (earlier.isEmpty()) {
            Long id = jdbc.sql("""
                    insert into worklist_task (authority_id, account_id, kind, reason, due_on, state, raise_key, created_at, created_by, for_team_leader)
                    values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)
                    on conflict (authority_id, raise_key) do nothing returning id""")
                    .params(account.authorityId(), account.id(), kind, reason.strip(), dueOn, key, OffsetDateTime.now(clock), AccessAudit.currentUser(),
                            forTeamLeader)
                    .query(Long.class).optional().orElse(null);
            if (id != null) {
                audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                        "task " + id + " " + kind + " raised, due " + dueOn);
                return new Raised(get(id), false);
            }
            // raised by a request running alongside this one
            earlier = byKey(account.authorityId(), key);
        }
        Task task = earlier.orElseThrow();
        if (!task.accountReference().equals(account.reference().value())) {
            throw Conflict.because("the key " + key + " already raised task " + task.id() + " on another account");
        }
        return new Raised(task, true);
    }

    /** A team leader gives the task to a member of the collections team (again, to someone else, if need be). */
    @Transactional
    Task assign(long id, String username) {
        Stored stored = locked(id);
        Task task = stored.task();
        Optional<Role> role = staff.roleOf(username);
        if (role.isEmpty() || !(role.get() == Role.OFFICER || role.get() == Role.TEAM_LEADER)) {
            throw InvalidInput.of("username", "there is no officer or team leader signed up as '" + username + "'");
        }
        if (task.forTeamLeader() && role.get() != Role.TEAM_LEADER) {
            throw InvalidInput.of("username", "task " + id + " is for a team leader to decide, and '" + username + "' is not a team leader");
        }
        refuseDone(task);
        if (username.equals(task.assignedTo())) {
            return task;
        }
        return give(stored, username, "task " + id + " assigned to " + username);
    }

    /** The signed-in officer takes an open task for themself; taking one they already have changes nothing. */
    @Transactional
    Task claim(long id) {
        Stored stored = locked(id);
        Task task = stored.task();
        String me = AccessAudit.currentUser();
        refuseDone(task);
        refuseUnlessTeamLeader(task);
        if (me.equals(task.assignedTo())) {
            return task;
        }
        if (task.state() == Task.State.CLAIMED) {
            throw Conflict.because("task " + id + " is already claimed by " + task.assignedTo() + "; a team leader can reassign it");
        }
        return give(stored, me, "task " + id + " claimed");
    }

    /** The task is now {@code username}'s, given by the signed-in user (who may be the same). */
    private Task give(Stored stored, String username, String detail) {
        jdbc.sql("""
                update worklist_task set state = 'CLAIMED', assigned_to = ?, assigned_at = ?, assigned_by = ?
                where authority_id = ? and id = ?""")
                .params(username, OffsetDateTime.now(clock), AccessAudit.currentUser(), stored.authorityId(), stored.task().id()).update();
        return changed(stored, detail);
    }

    /** The one who has the task, or a team leader, completes it with what was done; the same completion again changes nothing. */
    @Transactional
    Task complete(long id, String outcome) {
        if (outcome.isBlank() || outcome.length() > 1000) {
            throw InvalidInput.of("outcome", "is required: say what was done (up to 1000 characters)");
        }
        Stored stored = locked(id);
        Task task = stored.task();
        String me = AccessAudit.currentUser();
        if (task.state() == Task.State.DONE) {
            if (me.equals(task.completedBy()) && outcome.strip().equals(task.outcome())) {
                return task;
            }
            refuseDone(task);
        }
        refuseUnlessTeamLeader(task);
        if (!me.equals(task.assignedTo()) && !AccessAudit.currentUserIsTeamLeader()) {
            throw Conflict.because(task.assignedTo() == null
                    ? "task " + id + " is not claimed: claim it first, or ask a team leader to assign it"
                    : "task " + id + " is claimed by " + task.assignedTo() + ": only they or a team leader complete it");
        }
        jdbc.sql("""
                update worklist_task set state = 'DONE', outcome = ?, completed_at = ?, completed_by = ?
                where authority_id = ? and id = ?""")
                .params(outcome.strip(), OffsetDateTime.now(clock), me, stored.authorityId(), id).update();
        return changed(stored, "task " + id + " completed: " + outcome.strip());
    }

    Task get(long id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id).query(Tasks::map).optional().orElseThrow(() -> NotFound.of("task", id)).task();
    }

    /** The task, with a READ line in the access audit. */
    Task read(long id) {
        Stored stored = jdbc.sql(SELECT + " where t.id = ?").param(id).query(Tasks::map).optional().orElseThrow(() -> NotFound.of("task", id));
        audit.record(stored.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.ACCOUNT, stored.task().accountReference(),
                "GET /api/v1/worklists/tasks/" + id);
        return stored.task();
    }

    private Stored locked(long id) {
        return jdbc.sql(SELECT + " where t.id = ? for update of t").param(id).query(Tasks::map).optional()
                .orElseThrow(() -> NotFound.of("task", id));
    }

    private Task changed(Stored before, String detail) {
        Task task = get(before.task().id());
        audit.record(before.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, task.accountReference(), detail);
        return task;
    }

    private static void refuseUnlessTeamLeader(Task task) {
        if (task.forTeamLeader() && !AccessAudit.currentUserIsTeamLeader()) {
            throw Conflict.because("task " + task.id() + " is for a team leader to decide");
        }
    }

    private static void refuseDone(Task task) {
        if (task.state() == Task.State.DONE) {
            throw Conflict.because("task " + task.id() + " was already completed by " + task.completedBy() + " on "
                    + task.completedAt().toLocalDate() + ": " + task.outcome());
        }
    }


    private Optional<Task> byKey(int authorityId, String key) {
        return jdbc.sql(SELECT + " where t.authority_id = ? and t.raise_key = ?").params(authorityId, key).query(Tasks::map).optional()
                .map(Stored::task);
    }

    // the billing authorities are few: joining them lets a task be found by its id through the (authority_id, id) key
    private static final String SELECT = """
            select t.id, b.gss_code, a.reference, t.kind, t.reason, t.due_on, t.state, t.assigned_to, t.outcome, t.created_by, t.created_at,
                   t.completed_by, t.completed_at, t.authority_id, t.for_team_leader
            from billing_authority b
            join worklist_task t on t.authority_id = b.id
            join account a on a.authority_id = t.authority_id and a.id = t.account_id""";

    private static Stored map(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getInt(14), new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                Task.State.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class),
                rs.getString(12), rs.getObject(13, OffsetDateTime.class), rs.getBoolean(15)));
    }

    /** Every task raised on the account, newest first. */
    List<Task> onAccount(Account account) {
        return jdbc.sql(SELECT + " where t.authority_id = ? and t.account_id = ? order by t.id desc")
                .params(account.authorityId(), account.id()).query(Tasks::map).list().stream().map(Stored::task).toList();
    }
}
