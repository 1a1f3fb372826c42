package org.reclaim.arrangements;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.payments.PaymentMethod;
import org.reclaim.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's public face for the officer's pages: take an income and expenditure form, see the affordability
 * proposal, agree an arrangement. The rules stay where they are ({@link IncomeExpenditureForms}, {@link Affordability},
 * {@link Arrangements}); this only opens them to other modules with plain values.
 */
@Service
public class ArrangementDesk {

    /** One income or spending line: category, item and frequency are the enum names of {@link #categories()} etc. */
    public record Line(String category, String item, long pence, String frequency) {
    }

    public record NewForm(LocalDate receivedOn, String channel, int adults, int children, List<Line> lines) {
    }

    public record Debt(String reference, RevenueStream stream, Money balance, Money arrears) {
    }

    public record Prompt(String account, String title, String why, String ask, String rule) {
    }

    /**
     * What is affordable against the debts in scope. {@code formId} null: no income and expenditure was taken, and the
     * proposal is only the instalment that clears the debt by the year end ({@code clearingInstalment}).
     */
    public record Proposal(@Nullable Long formId, long partyId, String customerName, List<Debt> debts, Money debt, Money disposableMonthly,
                           String frequency, Money availablePerPayment, @Nullable Money proposedInstalment, Money clearingInstalment,
                           boolean clearsByYearEnd, LocalDate yearEnd, long payments, @Nullable LocalDate clearsOn, String priorityDebts,
                           String explanation, List<Prompt> prompts) {

        /** The instalment below which the officer must say why (Arrangements.make): the I&E's proposal, or the clearing one. */
        public @Nullable Money floor() {
            return formId == null ? clearingInstalment : proposedInstalment;
        }

        public List<String> references() {
            return debts.stream().map(Debt::reference).toList();
        }
    }

    /** The terms agreed; the strings are enum names ({@link #paymentFrequencies()}, {@link #paymentMethods()}). */
    public record Terms(long partyId, List<String> accounts, @Nullable Long instalmentPence, @Nullable String frequency,
                        @Nullable LocalDate firstPaymentOn, @Nullable String method, @Nullable Boolean madeAtFirstContact,
                        @Nullable Long incomeExpenditureId, @Nullable String acceptedBelowProposalReason, @Nullable String longerTermReason) {
    }

    public record Agreed(long arrangementId, boolean repeated, Money instalment, String frequency, LocalDate firstPaymentOn,
                         LocalDate lastPaymentOn, PaymentMethod method, List<String> accounts) {
    }

    private final IncomeExpenditureForms forms;
    private final Arrangements arrangements;
    private final ProposalWork work;
    private final Accounts accounts;
    private final Ledger ledger;
    private final Parties parties;

    ArrangementDesk(IncomeExpenditureForms forms, Arrangements arrangements, ProposalWork work, Accounts accounts, Ledger ledger,
                    Parties parties) {
        this.forms = forms;
        this.arrangements = arrangements;
        this.work = work;
        this.accounts = accounts;
        this.ledger = ledger;
        this.parties = parties;
    }

    public static List<String> categories() {
        return names(SfsCategory.values());
    }

    public static List<String> lineFrequencies() {
        return names(LineFrequency.values());
    }

    public static List<String> paymentFrequencies() {
        return names(PaymentFrequency.values());
    }

    public static List<String> channels() {
        return names(Channel.values());
    }

    /** Direct Debit first: the order offered to the customer ("Direct Debit by Default", seeds/002). */
    public static List<PaymentMethod> paymentMethods() {
        return ArrangementsController.METHODS_OFFERED;
    }

    /** Records the form (once per key) and returns its id. */
    @Transactional
    public long recordForm(long partyId, NewForm in, String idempotencyKey) {
        return forms.record(partyId, new IncomeExpenditureForms.NewForm(in.receivedOn(), in.channel(), in.adults(), in.children(),
                in.lines().stream().map(l -> new IncomeExpenditureForms.NewLine(l.category(), l.item(), l.pence(), l.frequency())).toList()),
                idempotencyKey).form().id();
    }

    /** The proposal from a form over the customer's accounts that owe something. */
    @Transactional
    public Proposal fromForm(long formId, String frequency, LocalDate firstPaymentOn) {
        IncomeExpenditureForms.Form form = forms.get(formId);
        Party party = parties.get(form.partyId());
        List<Account> owing = accounts.ofParty(party).stream().filter(a -> ledger.balance(a).isPositive()).toList();
        return proposal(form, party, owing, frequency, firstPaymentOn);
    }

    /** The proposal for one account without an income and expenditure form: what clears it by the year end. */
    @Transactional
    public Proposal forAccount(Account account, String frequency, LocalDate firstPaymentOn) {
        Party party = parties.get(account.liablePartyIds().get(0));
        return proposal(null, party, List.of(account), frequency, firstPaymentOn);
    }

    @Transactional
    public Agreed agree(Terms t, String idempotencyKey) {
        Arrangements.Made made = arrangements.make(new Arrangements.NewArrangement(t.partyId(), t.accounts(), t.instalmentPence(), t.frequency(),
                t.firstPaymentOn(), t.method(), t.madeAtFirstContact(), t.incomeExpenditureId(), t.acceptedBelowProposalReason(), null,
                t.longerTermReason()), idempotencyKey);
        Arrangement a = made.arrangement();
        return new Agreed(a.id(), made.repeated(), a.instalment(), a.frequency().name(), a.firstPaymentOn(), a.lastPaymentOn(), a.method(),
                a.accounts().stream().map(s -> s.reference().value()).toList());
    }

    private Proposal proposal(IncomeExpenditureForms.@Nullable Form form, Party party, List<Account> inScope, String frequency,
                              LocalDate first) {
        ProposalWork.Worked w = work.work(form, inScope, frequency, first);
        Affordability.Proposal p = w.proposal();
        return new Proposal(form == null ? null : form.id(), party.id(), party.displayName(), w.owed().stream()
                .map(d -> new Debt(d.account().reference().value(), d.account().stream(), d.balance(), d.arrears())).toList(), w.debt(),
                p.disposableMonthly(), w.frequency().name(), p.availablePerPayment(), p.proposedInstalment(), p.clearingInstalment(),
                p.clearsByYearEnd(), p.yearEnd(), p.payments(), p.clearsOn(), Affordability.PRIORITY, p.explanation(),
                w.prompts().stream().map(f -> new Prompt(f.account().reference().value(), f.prompt().title(), f.prompt().why(),
                        f.prompt().ask(), f.prompt().rule())).toList());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
