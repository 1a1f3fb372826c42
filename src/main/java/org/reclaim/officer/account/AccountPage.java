package org.reclaim.officer.account;

import java.util.List;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.properties.Properties;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The whole picture of one account on one page: balance and arrears by year, instalments, recovery and its next action,
 * holds, arrangement, Direct Debit, transactions and the timeline; and the actions an officer can take from here.
 */
@Controller
class AccountPage {

    private final Accounts accounts;
    private final Parties parties;
    private final Properties properties;
    private final AccountFigures figures;
    private final AccountCase cases;
    private final AccountTimeline timeline;
    private final AccessAudit audit;

    AccountPage(Accounts accounts, Parties parties, Properties properties, AccountFigures figures, AccountCase cases,
                AccountTimeline timeline, AccessAudit audit) {
        this.accounts = accounts;
        this.parties = parties;
        this.properties = properties;
        this.figures = figures;
        this.cases = cases;
        this.timeline = timeline;
        this.audit = audit;
    }

    /** One snapshot, as the API's account read: balance, years and instalments add up even while payments are posted. */
    @GetMapping("/accounts/{reference}")
    @Transactional(isolation = Isolation.REPEATABLE_READ)   // not read-only: the audit lines are written in it
    String account(@PathVariable String reference, Model model) {
        Account account = accounts.readForRequest(known(reference), "");
        audit.recordAll(AccessAudit.Action.READ, account.liablePartyIds().stream()
                .map(id -> new AccessAudit.Seen(account.authorityId(), AccessAudit.Subject.PARTY, String.valueOf(id))).toList(),
                "account page " + account.reference());
        List<Party> liable = parties.findAll(account.liablePartyIds());
        AccountFigures.Figures money = figures.of(account);
        AccountCase.State state = cases.of(account);
        model.addAttribute("account", account);
        model.addAttribute("liable", liable);
        model.addAttribute("property", account.propertyId() == null ? null : properties.find(account.propertyId()).orElse(null));
        model.addAttribute("money", money);
        model.addAttribute("state", state);
        model.addAttribute("timeline", timeline.of(account, money.ledger(), state.arrangements(), state.mandate()));
        return "officer/account/account";
    }

    /** A reference that is not well formed names no account either: the page is not found, as for an unknown one. */
    private static String known(String reference) {
        try {
            return AccountReference.fromRequest(reference).value();
        } catch (InvalidInput e) {
            throw NotFound.of("account with reference", reference);
        }
    }
}
