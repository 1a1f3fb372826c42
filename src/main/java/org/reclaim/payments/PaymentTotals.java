package org.reclaim.payments;

import java.time.LocalDate;
import java.util.List;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** How money arrived, for reports: payments received in a period, by method (reversed ones included, as received). */
@Service
public class PaymentTotals {

    public record ByMethod(PaymentMethod method, long payments, Money amount) {
    }

    private final JdbcClient jdbc;

    PaymentTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every method, in the order bills offer them, with zero where none arrived; {@code from} and {@code to} inclusive. */
    public List<ByMethod> byMethod(int authorityId, LocalDate from, LocalDate to) {
        java.util.Map<String, long[]> found = new java.util.HashMap<>();
        jdbc.sql("""
                select method, count(*), sum(amount_pence) from payment
                where authority_id = ? and received_on between ? and ? group by method""")
                .params(authorityId, from, to)
                .query((rs, n) -> found.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        return java.util.Arrays.stream(PaymentMethod.values())
                .map(m -> {
                    long[] f = found.getOrDefault(m.name(), new long[2]);
                    return new ByMethod(m, f[0], Money.ofPence(f[1]));
                })
                .toList();
    }
}
