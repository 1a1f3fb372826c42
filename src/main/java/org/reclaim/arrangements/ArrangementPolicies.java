package org.reclaim.arrangements;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each authority's arrangements policy: grace days before a payment counts as missed, the days a missed payment may
 * be made good in before the arrangement breaks, and the order one instalment is shared across a customer's streams.
 * Versioned with who changed it and why.
 */
@Service
class ArrangementPolicies {

    /**
     * Priority debts first: Council Tax and Business Rates arrears are priority debts (Council Tax Protocol, LGA and
     * Citizens Advice; the non-payment remedies of SI 1992/613 and SI 1989/1058), then rent, former tenant arrears and
     * Housing Benefit overpayments.
     */
    static final List<RevenueStream> DEFAULT_ORDER = List.of(RevenueStream.COUNCIL_TAX, RevenueStream.BUSINESS_RATES,
            RevenueStream.HOUSING_RENT, RevenueStream.FORMER_TENANT_ARREARS, RevenueStream.HB_OVERPAYMENT);

    /** Version 0 is the default the authority has not changed: no grace, no make-good period, priority debts first. */
    record Policy(int version, int graceDays, @Nullable Integer makeGoodDays, List<RevenueStream> streamOrder, String reason,
                  @Nullable OffsetDateTime changedAt, @Nullable String changedBy, @Nullable Integer longestTermMonths) {

        int rank(RevenueStream stream) {
            return streamOrder.indexOf(stream);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ArrangementPolicies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Policy current(int authorityId) {
        return history(authorityId).stream().findFirst().orElse(new Policy(0, 0, null, DEFAULT_ORDER,
                "default: no grace days, no make-good period, priority debts first, no longest term", null, null, null));
    }

    List<Policy> history(int authorityId) {
        return jdbc.sql("""
                select version, grace_days, make_good_days, stream_order, reason, changed_at, changed_by, longest_term_months from arrangement_policy
                where authority_id = ? order by version desc""")
                .param(authorityId)
                .query((rs, n) -> new Policy(rs.getInt(1), rs.getInt(2), (Integer) rs.getObject(3),
                        Arrays.stream((String[]) rs.getArray(4).getArray()).map(RevenueStream::valueOf).toList(), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class), rs.getString(7), (Integer) rs.getObject(8)))
                .list();
    }

    @Transactional
    Policy change(int authorityId, int graceDays, @Nullable Integer makeGoodDays, List<String> streamOrder, String reason,
                  @Nullable Integer longestTermMonths) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (graceDays < 0 || graceDays > 60) {
            errors.add(new InvalidInput.FieldError("graceDays", "must be 0 to 60 days"));
        }
        if (makeGoodDays != null && (makeGoodDays < 1 || makeGoodDays > 365)) {
            errors.add(new InvalidInput.FieldError("makeGoodDays", "must be 1 to 365 days, or null for none"));
        }
        if (longestTermMonths != null && (longestTermMonths < 1 || longestTermMonths > 120)) {
            errors.add(new InvalidInput.FieldError("longestTermMonths", "must be 1 to 120 months, or null for no limit"));
        }
        if (reason.isBlank()) {
            errors.add(new InvalidInput.FieldError("reason", "is required: say why the policy changes"));
        }
        List<RevenueStream> order = new ArrayList<>();
        for (int i = 0; i < streamOrder.size(); i++) {
            try {
                order.add(RevenueStream.valueOf(streamOrder.get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError("streamOrder[" + i + "]", "'" + streamOrder.get(i) + "' is not a revenue stream"));
            }
        }
        if (errors.isEmpty() && (order.size() != RevenueStream.values().length || !EnumSet.copyOf(order).equals(EnumSet.allOf(RevenueStream.class)))) {
            errors.add(new InvalidInput.FieldError("streamOrder", "must name every stream once: " + Arrays.toString(RevenueStream.values())));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        jdbc.sql("select 1 from billing_authority where id = ? for update").param(authorityId).query(Integer.class).single();
        int next = current(authorityId).version() + 1;
        jdbc.sql("""
                insert into arrangement_policy (authority_id, version, grace_days, make_good_days, stream_order, reason, changed_at, changed_by,
                                                longest_term_months)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(authorityId, next, graceDays, makeGoodDays, order.stream().map(Enum::name).toArray(String[]::new), reason,
                        OffsetDateTime.now(clock), AccessAudit.currentUser(), longestTermMonths)
                .update();
        return current(authorityId);
    }
}
