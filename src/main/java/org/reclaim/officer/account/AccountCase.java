package org.reclaim.officer.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.arrangements.AccountArrangements;
import org.reclaim.directdebit.AccountMandate;
import org.reclaim.recovery.AccountRecovery;
import org.reclaim.recovery.Holds;
import org.reclaim.shared.FinancialYear;
import org.springframework.stereotype.Component;

/** Where the account's case stands: recovery stage and next action, holds, arrangements and the Direct Debit mandate. */
@Component
public class AccountCase {

    /**
     * The next recovery step across the account's years: the soonest one with a date; {@code heldBecause} when a hold
     * (or every liable party being deceased or insolvent) stops escalation; {@code why} the rule or the reason for none.
     */
    public record NextAction(@Nullable String step, @Nullable LocalDate on, @Nullable String year, String why,
                             @Nullable String heldBecause) {
    }

    public record State(AccountRecovery.View recovery, NextAction next, List<Holds.Hold> activeHolds, List<Holds.Hold> endedHolds,
                        List<AccountArrangements.Summary> arrangements, AccountArrangements.@Nullable Summary activeArrangement,
                        AccountMandate.@Nullable Summary mandate) {
    }

    private final AccountRecovery recovery;
    private final AccountArrangements arrangements;
    private final AccountMandate mandates;
    private final Clock clock;

    AccountCase(AccountRecovery recovery, AccountArrangements arrangements, AccountMandate mandates, Clock clock) {
        this.recovery = recovery;
        this.arrangements = arrangements;
        this.mandates = mandates;
        this.clock = clock;
    }

    State of(Account account) {
        LocalDate today = LocalDate.now(clock);
        AccountRecovery.View view = recovery.of(account, today);
        // active: in force today or starting later, and not ended early
        List<Holds.Hold> active = view.holds().stream()
                .filter(h -> h.endedOn() == null && (h.endsOn() == null || !h.endsOn().isBefore(today))).toList();
        List<Holds.Hold> ended = view.holds().stream().filter(h -> !active.contains(h)).toList();
        List<AccountArrangements.Summary> made = arrangements.of(account, today);
        Optional<AccountMandate.Summary> mandate = mandates.of(account);
        NextAction base = next(view);
        // a stream the run does not escalate (or an account with nothing owed yet) still shows the hold in force
        @Nullable String held = base.heldBecause() != null ? base.heldBecause() : active.stream().filter(h -> h.inForceOn(today)).findFirst()
                .map(h -> h.type() + " from " + h.startsOn() + ": " + h.reason()).orElse(null);
        NextAction next = new NextAction(base.step(), base.on(), base.year(), base.why(), held);
        return new State(view, next, active, ended, made,
                made.stream().filter(AccountArrangements.Summary::active).findFirst().orElse(null), mandate.orElse(null));
    }

    static NextAction next(AccountRecovery.View view) {
        String held = view.years().stream().map(AccountRecovery.Year::heldBy).filter(Objects::nonNull).findFirst().orElse(null);
        return view.years().stream().filter(y -> y.nextAction() != null)
                .min(Comparator.comparing(AccountRecovery.Year::nextActionOn, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(y -> new NextAction(y.nextAction(), y.nextActionOn(), FinancialYear.of(y.financialYear()).toString(), y.rule(), held))
                .orElseGet(() -> new NextAction(null, null, null,
                        view.years().isEmpty() ? "nothing owed that recovery acts on" : view.years().get(0).rule(), held));
    }
}
