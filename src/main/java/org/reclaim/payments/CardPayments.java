package org.reclaim.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Money;
import org.reclaim.shared.NotFound;
import org.reclaim.shared.OutsideServiceFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Card payments through GOV.UK Pay. Reclaim starts a payment and hands the payer GOV.UK Pay's next URL; card details
 * never reach Reclaim. What became of the payment is only ever taken from GOV.UK Pay itself (a status check or a signed
 * webhook, both of which ask GOV.UK Pay), never from the payer's browser. On success the money is posted through
 * {@link Payments#receive} with source "govuk-pay" and GOV.UK Pay's payment id, so two reports of the same success
 * (a webhook and a status check at the same moment) post it once.
 * <p>
 * Calls to GOV.UK Pay are made outside any database transaction, so no lock is held while waiting for it.
 */
@Service
public class CardPayments {

    static final String SOURCE = "govuk-pay";
    private static final Logger log = LoggerFactory.getLogger(CardPayments.class);

    /** How Reclaim heard of a state. */
    enum HeardVia {
        CREATE("create"), STATUS_CHECK("status-check"), WEBHOOK("webhook");

        final String column;

        HeardVia(String column) {
            this.column = column;
        }
    }

    private final GovUkPay govUkPay;
    private final GovUkPaySettings settings;
    private final Payments payments;
    private final Authorities authorities;
    private final AccessAudit audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CardPayments(GovUkPay govUkPay, GovUkPaySettings settings, Payments payments, Authorities authorities, AccessAudit audit, JdbcClient jdbc,
                 TransactionTemplate transactions, Clock clock) {
        this.govUkPay = govUkPay;
        this.settings = settings;
        this.payments = payments;
        this.authorities = authorities;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Asks GOV.UK Pay to start a payment of the amount to the account and records it. The description names the account,
     * never the payer, because GOV.UK Pay shows it to the payer and to the council's staff in its admin tool.
     */
    public CardPayment start(Account account, Money amount, String returnUrl, String language) {
        BillingAuthority authority = authorities.byId(account.authorityId());
        String apiKey = apiKey(authority);
        String reference = account.reference().value();
        String description = describe(account.stream()) + " for " + reference;
        GovUkPay.Payment created = govUkPay.create(apiKey, new GovUkPay.CreatePayment(amount.pence(), reference, description, returnUrl, language),
                authority.gssCode());
        CardPayment.Status status = status(created);
        long id = transactions.execute(tx -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            long newId = jdbc.sql("""
                    insert into card_payment (authority_id, account_id, account_reference, amount_pence, description, return_url, language,
                                              govuk_payment_id, next_url, status, finished, failure_code, failure_message, govuk_created_at,
                                              created_at, created_by, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(account.authorityId(), account.id(), reference, amount.pence(), description, returnUrl, language,
                            created.paymentId(), created.nextUrl(), status.govuk(), status.isFinal(), created.state().code(),
                            created.state().message(), createdAt(created), now, AccessAudit.currentUser(), now)
                    .query(Long.class).single();
            recordEvent(account.authorityId(), newId, status, created.state(), HeardVia.CREATE);
            audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, reference,
                    "card payment " + newId + " of " + amount + " started through GOV.UK Pay");
            return newId;
        });
        return get(id);
    }

    /**
     * The card payment as GOV.UK Pay reports it now: asks GOV.UK Pay unless the journey is already over (a finished
     * state never changes), records any change, and posts the money if it has become a success.
     */
    public CardPayment check(long id) {
        CardPayment known = get(id);
        audit.record(known.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.ACCOUNT, known.accountReference(),
                "GET /api/v1/card-payments/" + id);
        if (known.finished()) {
            return known;
        }
        return refresh(known, HeardVia.STATUS_CHECK);
    }

    /**
     * A signed webhook from the service of the authority with this GSS code (empty: the single-council secret) named a
     * GOV.UK Pay payment. Returns the card payment as GOV.UK Pay now reports it, or empty if Reclaim did not start
     * that payment for that authority (the service may take other payments too).
     */
    Optional<CardPayment> heardFromWebhook(String signedForGssCode, String govukPaymentId) {
        Optional<CardPayment> known = jdbc.sql(SELECT + " where govuk_payment_id = ?").param(govukPaymentId).query(CardPayments::map).optional();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        if (!signedForGssCode.isEmpty() && !authorities.byId(known.get().authorityId()).gssCode().equalsIgnoreCase(signedForGssCode)) {
            log.warn("A webhook signed with {}'s secret named a card payment of another authority; ignored", signedForGssCode);
            return Optional.empty();
        }
        return Optional.of(known.get().finished() ? known.get() : refresh(known.get(), HeardVia.WEBHOOK));
    }

    private CardPayment refresh(CardPayment known, HeardVia via) {
        BillingAuthority authority = authorities.byId(known.authorityId());
        GovUkPay.Payment now = govUkPay.get(apiKey(authority), known.govukPaymentId(), authority.gssCode());
        if (!known.govukPaymentId().equals(now.paymentId())) {
            throw OutsideServiceFailed.badAnswer("GOV.UK Pay answered a check on payment " + known.govukPaymentId() + " with another payment; "
                    + "nothing was posted.", new IllegalStateException("payment_id mismatch"));
        }
        return transactions.execute(tx -> apply(known.id(), now, via));
    }

    /** Records what GOV.UK Pay reported, under a lock on the card payment so that two reports at once are applied in turn. */
    private CardPayment apply(long id, GovUkPay.Payment reported, HeardVia via) {
        CardPayment current = jdbc.sql(SELECT + " where id = ? for update").param(id).query(CardPayments::map).single();
        CardPayment.Status status = status(reported);
        if (current.finished() || current.status() == status) {
            return current;
        }
        Long paymentId = null;
        if (status == CardPayment.Status.SUCCESS) {
            if (reported.amount() != current.amount().pence()) {
                log.warn("GOV.UK Pay reports card payment {} as {} pence, not the {} pence asked for; posting what was paid", id,
                        reported.amount(), current.amount().pence());
            }
            LocalDate paidOn = LocalDate.ofInstant(createdAt(reported).toInstant(), clock.getZone());
            paymentId = payments.receive(new PaymentReceipt(current.authorityId(), current.accountReference(), Money.ofPence(reported.amount()),
                    PaymentMethod.CARD, paidOn, null, SOURCE, current.govukPaymentId(), null)).paymentId();
        }
        jdbc.sql("""
                update card_payment set status = ?, finished = ?, failure_code = ?, failure_message = ?, payment_id = ?,
                       next_url = case when ? then null else next_url end, updated_at = ?
                where authority_id = ? and id = ?""")
                .params(status.govuk(), status.isFinal(), reported.state().code(), reported.state().message(), paymentId, status.isFinal(),
                        OffsetDateTime.now(clock), current.authorityId(), id)
                .update();
        recordEvent(current.authorityId(), id, status, reported.state(), via);
        return get(id);
    }

    public CardPayment get(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(CardPayments::map).optional()
                .orElseThrow(() -> NotFound.of("card payment", id));
    }

    private String apiKey(BillingAuthority authority) {
        int served = authorities.all().size();
        return settings.apiKeyFor(authority, served)
                .orElseThrow(() -> OutsideServiceFailed.unavailable(GovUkPaySettings.noKeyReason(authority, served)));
    }

    private static CardPayment.Status status(GovUkPay.Payment payment) {
        try {
            return CardPayment.Status.of(payment.state().status());
        } catch (IllegalArgumentException unknown) {
            throw OutsideServiceFailed.badAnswer("GOV.UK Pay reported a payment status Reclaim does not know ('" + payment.state().status()
                    + "'); nothing was posted.", unknown);
        }
    }

    private OffsetDateTime createdAt(GovUkPay.Payment payment) {
        Instant at = payment.createdDate();
        return OffsetDateTime.ofInstant(at == null ? clock.instant() : at, clock.getZone());
    }

    private void recordEvent(int authorityId, long cardPaymentId, CardPayment.Status status, GovUkPay.State state, HeardVia via) {
        jdbc.sql("""
                insert into card_payment_event (authority_id, card_payment_id, line, status, failure_code, failure_message, heard_via,
                                                recorded_at, recorded_by)
                select ?, ?, coalesce(max(line), 0) + 1, ?, ?, ?, ?, ?, ?
                from card_payment_event where authority_id = ? and card_payment_id = ?""")
                .params(authorityId, cardPaymentId, status.govuk(), state.code(), state.message(), via.column, OffsetDateTime.now(clock),
                        AccessAudit.currentUser(), authorityId, cardPaymentId)
                .update();
    }

    /** What the payer sees on GOV.UK Pay's pages, before the account reference. */
    private static String describe(RevenueStream stream) {
        return switch (stream) {
            case COUNCIL_TAX -> "Council Tax";
            case BUSINESS_RATES -> "Business Rates";
            case HOUSING_RENT -> "Rent";
            case FORMER_TENANT_ARREARS -> "Former tenant arrears";
            case HB_OVERPAYMENT -> "Housing Benefit overpayment";
        };
    }

    private static final String SELECT = """
            select id, authority_id, account_reference, amount_pence, govuk_payment_id, status, finished, failure_code, failure_message,
                   next_url, govuk_created_at, payment_id
            from card_payment""";

    private static CardPayment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CardPayment(rs.getLong(1), rs.getInt(2), rs.getString(3), Money.ofPence(rs.getLong(4)), rs.getString(5),
                CardPayment.Status.of(rs.getString(6)), rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class).toInstant(), (Long) rs.getObject(12));
    }
}
