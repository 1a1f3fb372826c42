package org.reclaim.contactcentre;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer satisfaction survey (source document seeds/000, Our Customers Promise: "Ask our customers for feedback; use
 * this feedback to help shape the services we deliver"): an invitation with a secret token goes out by email, by SMS or
 * after an online transaction; whoever holds the link answers once (satisfaction 1 to 5 and what we could do better).
 */
@Service
public class Feedback {

    /** How the invitation reached the customer. */
    public enum Channel { EMAIL, SMS, WEB }

    public record Invitation(long id, int authorityId, String token, Channel channel, @Nullable String accountReference, OffsetDateTime createdAt,
                             String createdBy) {
    }

    /** An invitation made, or the one an earlier request with the same idempotency key made ({@code repeated}). */
    public record Invited(Invitation invitation, boolean repeated) {
    }

    /** What the survey page needs: the invitation, and whether it has been answered. */
    public record Survey(int authorityId, Channel channel, boolean answered) {
    }

    public record MonthAndChannel(String month, Channel channel, long responses, BigDecimal averageSatisfaction) {
    }

    public record Report(LocalDate from, LocalDate to, long invitations, long responses, @Nullable BigDecimal averageSatisfaction,
                         List<MonthAndChannel> byMonthAndChannel) {
    }

    static final int MAX_DO_BETTER = 2000;
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccessAudit audit;
    private final Clock clock;

    Feedback(JdbcClient jdbc, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A new invitation for the authority (about the account, if given); with an idempotency key a repeat returns the first
     * invitation and makes no other.
     */
    @Transactional
    public Invited invite(int authorityId, Channel channel, @Nullable Account account, @Nullable String idempotencyKey) {
        if (account != null && account.authorityId() != authorityId) {
            throw InvalidInput.of("accountReference", "is an account of another authority");
        }
        if (idempotencyKey != null) {
            Optional<Invitation> earlier = byKey(authorityId, idempotencyKey);
            if (earlier.isPresent()) {
                return new Invited(sameRequest(earlier.get(), channel, account, idempotencyKey), true);
            }
        }
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Long id = jdbc.sql("""
                insert into feedback_invitation (authority_id, token, channel, account_id, account_reference, created_at, created_by,
                    idempotency_key)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (authority_id, idempotency_key) do nothing returning id""")
                .params(authorityId, token, channel.name(), account == null ? null : account.id(),
                        account == null ? null : account.reference().value(), OffsetDateTime.now(clock),
                        AccessAudit.currentUser(), idempotencyKey)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            // the same key used by a request running alongside this one
            return new Invited(sameRequest(byKey(authorityId, idempotencyKey).orElseThrow(), channel, account, idempotencyKey), true);
        }
        if (account != null) {
            audit.record(authorityId, AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                    "feedback invitation by " + channel);
        }
        return new Invited(jdbc.sql(SELECT + " where i.authority_id = ? and i.id = ?").params(authorityId, id).query(Feedback::map).single(),
                false);
    }

    /** The survey behind a link's token (NotFound for a token that was never sent). */
    public Survey survey(String token) {
        return jdbc.sql("""
                select i.authority_id, i.channel, r.invitation_id is not null
                from feedback_invitation i
                left join feedback_response r on r.authority_id = i.authority_id and r.invitation_id = i.id
                where i.token = ?""")
                .param(token).query((rs, n) -> new Survey(rs.getInt(1), Channel.valueOf(rs.getString(2)), rs.getBoolean(3)))
                .optional().orElseThrow(() -> NotFound.of("survey", "link"));
    }

    /**
     * Records the answer to the survey; once per invitation. Returns false, recording nothing, when it was answered before.
     * Bad input is an {@link InvalidInput} naming {@code satisfaction} or {@code doBetter}.
     */
    @Transactional
    public boolean answer(String token, @Nullable Integer satisfaction, @Nullable String doBetter) {
        Survey survey = survey(token);
        String better = doBetter == null || doBetter.isBlank() ? null : doBetter.strip();
        List<InvalidInput.FieldError> errors = new java.util.ArrayList<>();
        if (satisfaction == null || satisfaction < 1 || satisfaction > 5) {
            errors.add(new InvalidInput.FieldError("satisfaction", "Select how satisfied you are with our service"));
        }
        if (better != null && better.length() > MAX_DO_BETTER) {
            errors.add(new InvalidInput.FieldError("doBetter", "What we could do better must be " + MAX_DO_BETTER + " characters or less"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        if (survey.answered()) {
            return false;
        }
        return jdbc.sql("""
                insert into feedback_response (authority_id, invitation_id, satisfaction, do_better, received_at)
                select authority_id, id, ?, ?, ? from feedback_invitation where token = ?
                on conflict (authority_id, invitation_id) do nothing""")
                .params(satisfaction, better, OffsetDateTime.now(clock), token).update() == 1;
    }

    /** Responses received from {@code from} to {@code to} (UK days), with the average satisfaction by month and channel. */
    public Report report(int authorityId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw InvalidInput.of("to", "is before from");
        }
        OffsetDateTime start = from.atStartOfDay(UK).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(UK).toOffsetDateTime();
        long invitations = jdbc.sql("select count(*) from feedback_invitation where authority_id = ? and created_at >= ? and created_at < ?")
                .params(authorityId, start, end).query(Long.class).single();
        List<long[]> rows = jdbc.sql("""
                select extract(year from r.received_at at time zone 'Europe/London'), extract(month from r.received_at at time zone 'Europe/London'),
                       case i.channel when 'EMAIL' then 0 when 'SMS' then 1 else 2 end, count(*), sum(r.satisfaction)
                from feedback_response r join feedback_invitation i on i.authority_id = r.authority_id and i.id = r.invitation_id
                where r.authority_id = ? and r.received_at >= ? and r.received_at < ?
                group by 1, 2, 3 order by 1, 2, 3""")
                .params(authorityId, start, end)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}).list();
        long responses = rows.stream().mapToLong(r -> r[3]).sum();
        long points = rows.stream().mapToLong(r -> r[4]).sum();
        List<MonthAndChannel> byMonth = rows.stream().map(r -> new MonthAndChannel(YearMonth.of((int) r[0], (int) r[1]).toString(),
                Channel.values()[(int) r[2]], r[3], average(r[4], r[3]))).toList();
        return new Report(from, to, invitations, responses, responses == 0 ? null : average(points, responses), byMonth);
    }

    /** The mean to one decimal place, half up. */
    static BigDecimal average(long sum, long count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }

    private Optional<Invitation> byKey(int authorityId, String key) {
        return jdbc.sql(SELECT + " where i.authority_id = ? and i.idempotency_key = ?").params(authorityId, key).query(Feedback::map).optional();
    }

    private static Invitation sameRequest(Invitation earlier, Channel channel, @Nullable Account account, String key) {
        String reference = account == null ? null : account.reference().value();
        if (earlier.channel() != channel || !java.util.Objects.equals(earlier.accountReference(), reference)) {
            throw Conflict.because("Idempotency-Key " + key + " was already used for another invitation");
        }
        return earlier;
    }

    private static final String SELECT = """
            select i.id, i.authority_id, i.token, i.channel, i.account_reference, i.created_at, i.created_by
            from feedback_invitation i""";

    private static Invitation map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Invitation(rs.getLong(1), rs.getInt(2), rs.getString(3), Channel.valueOf(rs.getString(4)), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getString(7));
    }
}
