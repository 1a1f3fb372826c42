package org.reclaim.support;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of customers to advice partners, made with the customer's consent. A referral to debt advice holds the
 * account's recovery for the authority's pause (or the days the officer gives; 0 for none) with a {@code DEBT_ADVICE}
 * hold: the daily run passes the account over, saying why, until the pause ends.
 */
@Service
public class Referrals {

    /** A referral, and the hold it placed ({@code holdId}, {@code holdEndsOn}) if any. */
    public record Referral(long id, String account, long partnerId, String partnerName, AdvicePartner.Kind partnerKind, String reason,
                           LocalDate referredOn, @Nullable Integer pauseDays, @Nullable Long holdId, @Nullable LocalDate holdEndsOn,
                           OffsetDateTime createdAt, String createdBy) {
    }

    /** What the officer asks for. */
    public record Request(@Nullable Long partnerId, @Nullable String reason, @Nullable Boolean consent, @Nullable Integer pauseDays) {
    }

    /** A referral made, or the same one found already made that day ({@code repeated}: nothing more was done). */
    public record Made(Referral referral, boolean repeated) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AdvicePartners partners;
    private final Holds holds;
    private final SupportSettings settings;
    private final AccessAudit audit;
    private final Clock clock;

    Referrals(JdbcClient jdbc, Accounts accounts, AdvicePartners partners, Holds holds, SupportSettings settings, AccessAudit audit,
              Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.partners = partners;
        this.holds = holds;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Made refer(AccountReference reference, Request r) {
        Account account = accounts.get(reference);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (r.reason() == null || r.reason().isBlank()) {
            errors.add(new InvalidInput.FieldError("reason", "is required: say what the customer needs help with"));
        }
        if (!Boolean.TRUE.equals(r.consent())) {
            // the customer's details go to another organisation: refer only with their agreement
            errors.add(new InvalidInput.FieldError("consent", "must be true: refer a customer only when they agree to be referred"));
        }
        AdvicePartner partner = null;
        if (r.partnerId() == null) {
            errors.add(new InvalidInput.FieldError("partnerId", "is required: a partner from the authority's advice-partners directory"));
        } else {
            partner = partners.find(account.authorityId(), r.partnerId()).orElse(null);
            if (partner == null) {
                errors.add(new InvalidInput.FieldError("partnerId", "no advice partner " + r.partnerId() + " in this authority's directory"));
            } else if (!partner.active()) {
                errors.add(new InvalidInput.FieldError("partnerId", partner.name() + " is no longer an active partner"));
            }
        }
        int pauseDays = 0;
        if (partner != null && partner.kind() == AdvicePartner.Kind.DEBT_ADVICE) {
            pauseDays = r.pauseDays() == null ? settings.of(account.authorityId()).debtAdvicePauseDays() : r.pauseDays();
            if (pauseDays < 0 || pauseDays > SupportSettings.LONGEST_PAUSE_DAYS) {
                errors.add(new InvalidInput.FieldError("pauseDays", "must be from 0 (no pause) to " + SupportSettings.LONGEST_PAUSE_DAYS
                        + ": a longer pause is a statutory breathing space, which the debt adviser applies for (SI 2020/1311)"));
            }
        } else if (partner != null && r.pauseDays() != null && r.pauseDays() != 0) {
            errors.add(new InvalidInput.FieldError("pauseDays", "only a referral to a DEBT_ADVICE partner pauses recovery; "
                    + partner.name() + " is " + partner.kind()));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        accounts.lock(account);   // two identical requests at once make one referral and one hold
        LocalDate today = LocalDate.now(clock);
        Optional<Referral> already = find(account, partner.id(), today);
        if (already.isPresent()) {
            return new Made(already.get(), true);
        }
        Long holdId = null;
        if (pauseDays > 0) {
            holdId = holds.place(account, HoldType.DEBT_ADVICE, today, today.plusDays(pauseDays - 1L), null,
                    "referred to " + partner.name() + " for debt advice: " + r.reason().trim()).id();
        }
        jdbc.sql("""
                insert into advice_referral (authority_id, account_id, partner_id, referred_on, reason, consent, pause_days, hold_id,
                                             created_at, created_by)
                values (?, ?, ?, ?, ?, true, ?, ?, ?, ?)""")
                .params(account.authorityId(), account.id(), partner.id(), today, r.reason().trim(), pauseDays > 0 ? pauseDays : null, holdId,
                        OffsetDateTime.now(clock), AccessAudit.currentUser())
                .update();
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                "referred to advice partner " + partner.id() + (holdId == null ? "" : ", recovery held " + pauseDays + " days"));
        return new Made(find(account, partner.id(), today).orElseThrow(), false);
    }

    /** The account's referrals, newest first. */
    public List<Referral> of(Account account) {
        return jdbc.sql(SELECT + " where r.authority_id = ? and r.account_id = ? order by r.referred_on desc, r.id desc")
                .params(account.authorityId(), account.id()).query((rs, n) -> map(rs, account)).list();
    }

    private Optional<Referral> find(Account account, long partnerId, LocalDate on) {
        return jdbc.sql(SELECT + " where r.authority_id = ? and r.account_id = ? and r.partner_id = ? and r.referred_on = ?")
                .params(account.authorityId(), account.id(), partnerId, on).query((rs, n) -> map(rs, account)).optional();
    }

    private static final String SELECT = """
            select r.id, r.partner_id, p.name, p.kind, r.reason, r.referred_on, r.pause_days, r.hold_id, h.ends_on, r.created_at, r.created_by
            from advice_referral r join advice_partner p on p.authority_id = r.authority_id and p.id = r.partner_id
            left join recovery_hold h on h.authority_id = r.authority_id and h.id = r.hold_id""";

    private static Referral map(ResultSet rs, Account account) throws SQLException {
        return new Referral(rs.getLong(1), account.reference().value(), rs.getLong(2), rs.getString(3), AdvicePartner.Kind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getObject(6, LocalDate.class), (Integer) rs.getObject(7), (Long) rs.getObject(8),
                rs.getObject(9, LocalDate.class), rs.getObject(10, OffsetDateTime.class), rs.getString(11));
    }
}
