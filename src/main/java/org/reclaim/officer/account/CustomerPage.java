package org.reclaim.officer.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.parties.PartyFlag;
import org.reclaim.properties.Properties;
import org.reclaim.properties.Property;
import org.reclaim.recovery.AccountRecovery;
import org.reclaim.recovery.HoldType;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Money;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A customer: who they are, how to reach them, the flags that change recovery, and every account of theirs across streams. */
@Controller
public class CustomerPage {

    /** One account of the customer; {@code stage} the furthest recovery stage reached in any year (null: none yet). */
    public record AccountRow(String reference, RevenueStream stream, @Nullable String address, Money balance, @Nullable String stage) {
    }

    /** A flag as a GOV.UK tag: its words, its colour class, and the detail shown beside it (null: none to show). */
    public record Tag(String id, String label, String colour, @Nullable String detail) {
    }

    private final Parties parties;
    private final Accounts accounts;
    private final Properties properties;
    private final Ledger ledger;
    private final AccountRecovery recovery;
    private final AccessAudit audit;
    private final Clock clock;

    CustomerPage(Parties parties, Accounts accounts, Properties properties, Ledger ledger, AccountRecovery recovery, AccessAudit audit,
                 Clock clock) {
        this.parties = parties;
        this.accounts = accounts;
        this.properties = properties;
        this.ledger = ledger;
        this.recovery = recovery;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/customers/{id}")
    @Transactional   // the audit lines are written with the read
    String customer(@PathVariable long id, Model model) {
        Party party = parties.get(id).forReader(AccessAudit.currentUser(), AccessAudit.currentUserIsTeamLeader());
        audit.record(party.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.PARTY, id, "customer page " + id);
        LocalDate today = LocalDate.now(clock);
        List<Account> theirs = accounts.ofParty(party);
        audit.recordAll(AccessAudit.Action.READ, theirs.stream()
                .map(a -> new AccessAudit.Seen(a.authorityId(), AccessAudit.Subject.ACCOUNT, a.reference().value())).toList(),
                "customer page " + id);
        List<AccountRow> rows = new ArrayList<>();
        boolean breathingSpace = false;
        for (Account account : theirs) {
            AccountRecovery.View view = recovery.of(account, today);
            breathingSpace |= view.holds().stream().anyMatch(h -> h.inForceOn(today)
                    && (h.type() == HoldType.BREATHING_SPACE_STANDARD || h.type() == HoldType.BREATHING_SPACE_MENTAL_HEALTH));
            String stage = view.years().stream().filter(y -> y.currentStage() != null)
                    .max(Comparator.comparing(AccountRecovery.Year::stageIssuedOn, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .map(AccountRecovery.Year::currentStage).orElse(null);
            String address = account.propertyId() == null ? null
                    : properties.find(account.propertyId()).map(Property::singleLineAddress).orElse(null);
            rows.add(new AccountRow(account.reference().value(), account.stream(), address, ledger.balance(account), stage));
        }
        long owed = rows.stream().mapToLong(r -> Math.max(0, r.balance().pence())).sum();
        long credit = rows.stream().mapToLong(r -> Math.min(0, r.balance().pence())).sum();
        model.addAttribute("party", party);
        model.addAttribute("accounts", rows);
        model.addAttribute("totalOwed", Money.ofPence(owed));
        model.addAttribute("totalCredit", Money.ofPence(-credit));
        model.addAttribute("tags", tags(party, breathingSpace, today));
        return "officer/account/customer";
    }

    private static List<Tag> tags(Party party, boolean breathingSpace, LocalDate today) {
        List<Tag> tags = new ArrayList<>();
        party.flags().stream().filter(f -> f.flag() == PartyFlag.VULNERABLE && f.activeOn(today)).findFirst().ifPresent(f ->
                tags.add(new Tag("flag-vulnerable", "Vulnerable", "govuk-tag--purple", f.detailRestricted()
                        ? "The reason is shown only to team leaders and the officer who recorded it."
                        : Objects.requireNonNullElse(f.note(), ""))));
        if (breathingSpace) {
            // SI 2020/1311: no enforcement, charges or contact asking for payment while the moratorium lasts
            tags.add(new Tag("flag-breathing-space", "Breathing space", "govuk-tag--orange", null));
        }
        if (party.hasFlagOn(PartyFlag.DECEASED, today)) {
            tags.add(new Tag("flag-deceased", "Deceased", "govuk-tag--grey", null));
        }
        if (party.hasFlagOn(PartyFlag.INSOLVENT, today)) {
            tags.add(new Tag("flag-insolvency", "Insolvency", "govuk-tag--red", null));
        }
        return tags;
    }
}
