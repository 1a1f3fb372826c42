package org.reclaim.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.worklists.Task;
import org.reclaim.worklists.Worklists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters the post returned, from the print supplier's or GOV.UK Notify's returned letter report. Each is recorded once
 * per account and day, and the customer's address is put to an officer to review (an ADDRESS_REVIEW task): a returned
 * letter says the address may be wrong, not that it is, so nothing is changed automatically.
 */
@Service
public class ReturnedLetters {

    public record Returned(@Nullable String accountReference, @Nullable String notificationReference, @Nullable LocalDate returnedOn) {
    }

    public record Recorded(String accountReference, LocalDate returnedOn, boolean repeated, long taskId) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Worklists worklists;
    private final AccessAudit audit;
    private final Clock clock;

    ReturnedLetters(JdbcClient jdbc, Accounts accounts, Worklists worklists, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.worklists = worklists;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records every line or none: a line naming no known account refuses the whole report, each bad line named. */
    @Transactional
    public List<Recorded> record(BillingAuthority authority, List<Returned> lines) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        List<Account> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Returned r = lines.get(i);
            String at = "letters[" + i + "]";
            Optional<Account> account = account(authority, r);
            if (account.isEmpty()) {
                errors.add(new InvalidInput.FieldError(at + ".accountReference", "names no account of " + authority.name()
                        + " (give its account reference, or the reference of a message Reclaim sent)"));
            }
            if (r.returnedOn() == null) {
                errors.add(new InvalidInput.FieldError(at + ".returnedOn", "is required: the day the letter came back"));
            } else if (r.returnedOn().isAfter(LocalDate.now(clock))) {
                errors.add(new InvalidInput.FieldError(at + ".returnedOn", "is in the future"));
            }
            found.add(account.orElse(null));
        }
        if (lines.isEmpty()) {
            errors.add(new InvalidInput.FieldError("letters", "is empty: give at least one returned letter"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Account account = found.get(i);
            LocalDate on = lines.get(i).returnedOn();
            Long id = jdbc.sql("""
                    insert into notify_returned_letter (authority_id, account_id, returned_on, notification_reference, recorded_at, recorded_by)
                    values (?, ?, ?, ?, ?, ?) on conflict (authority_id, account_id, returned_on) do nothing returning id""")
                    .params(authority.id(), account.id(), on, lines.get(i).notificationReference(), OffsetDateTime.now(clock), AccessAudit.currentUser())
                    .query(Long.class).optional().orElse(null);
            Task task = worklists.raise(account.id(), "ADDRESS_REVIEW", "A letter to this account's customer came back undelivered on " + on
                    + ": check the correspondence address", LocalDate.now(clock), "returned-letter:" + account.reference().value() + ":" + on);
            if (id != null) {
                jdbc.sql("update notify_returned_letter set task_id = ? where authority_id = ? and id = ?").params(task.id(), authority.id(), id).update();
                audit.record(authority.id(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(), "returned letter " + on);
            }
            recorded.add(new Recorded(account.reference().value(), on, id == null, task.id()));
        }
        return recorded;
    }

    private Optional<Account> account(BillingAuthority authority, Returned r) {
        if (r.accountReference() != null && !r.accountReference().isBlank()) {
            try {
                return accounts.find(new AccountReference(r.accountReference().trim())).filter(a -> a.authorityId() == authority.id());
            } catch (RuntimeException notAReference) {
                return Optional.empty();
            }
        }
        if (r.notificationReference() != null && r.notificationReference().startsWith("reclaim-")) {
            // the reference Reclaim gives each message it sends through Notify
            return jdbc.sql("select account_reference from notify_message where authority_id = ? and id = ?")
                    .params(authority.id(), parseId(r.notificationReference().substring("reclaim-".length())))
                    .query(String.class).optional().flatMap(ref -> accounts.find(new AccountReference(ref)));
        }
        return Optional.empty();
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
