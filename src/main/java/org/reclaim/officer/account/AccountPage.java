package org.reclaim.officer.account;

import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.shared.AccessAudit;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The whole picture of one account on one page. (A first cut: the reference and the confirmation of an action.) */
@Controller
class AccountPage {

    private final Accounts accounts;
    private final AccessAudit audit;

    AccountPage(Accounts accounts, AccessAudit audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/accounts/{reference}")
    @Transactional
    String account(@PathVariable String reference, Model model) {
        Account account = accounts.readForRequest(reference, "");
        audit.recordAll(AccessAudit.Action.READ, account.liablePartyIds().stream()
                .map(id -> new AccessAudit.Seen(account.authorityId(), AccessAudit.Subject.PARTY, String.valueOf(id))).toList(),
                "account page " + account.reference());
        model.addAttribute("account", account);
        return "officer/account/account";
    }
}
