package org.reclaim.worklists;

import java.util.List;
import org.reclaim.accounts.Account;
import org.springframework.stereotype.Service;

/** The tasks raised on an account (by officers, the recovery run, arrangement monitoring), for the account view. */
@Service
public class AccountTasks {

    private final Tasks tasks;

    AccountTasks(Tasks tasks) {
        this.tasks = tasks;
    }

    /** Newest first. */
    public List<Task> of(Account account) {
        return tasks.onAccount(account);
    }
}
